"""Load the substance factsheets from `data/middelen/`, each validated against its schema."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

from drugspreventie_app.content.errors import ContentError
from drugspreventie_app.content.schema_check import validate
from drugspreventie_app.domain.factsheet import Background, EmergencyGuide, Factsheet
from drugspreventie_app.domain.regional import RegionalDirectory
from drugspreventie_app.locator import data_dir

SCHEMA_FILE = "factsheet.schema.json"
# Version 2 added 'Wat te doen bij een noodgeval' and a date to every legal status.
FACTSHEET_VERSION = 2


def load_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ContentError(f"Inhoudsbestand {path.name} kan niet worden gelezen: {err}") from err


def load_factsheet(path: Path, schema: dict) -> Factsheet:
    raw = load_json(path)
    version = raw.get("schema_versie") if isinstance(raw, dict) else None
    if version != FACTSHEET_VERSION:
        raise ContentError(
            f"Factsheet {path.name} heeft inhoudsversie {version}; deze Werkbank leest versie "
            f"{FACTSHEET_VERSION} (met 'Wat te doen bij een noodgeval'). Gebruik een "
            "inhoudspakket dat bij deze versie van de Werkbank hoort."
        )
    problems = validate(raw, schema)
    if problems:
        shown = "; ".join(problems[:5])
        raise ContentError(f"Factsheet {path.name} voldoet niet aan het schema: {shown}")
    assert isinstance(raw, dict)
    if raw["slug"] != path.stem:
        raise ContentError(f"Factsheet {path.name}: slug '{raw['slug']}' past niet bij de naam.")
    return Factsheet.from_dict(raw)


def load_factsheets_from(folder: Path) -> tuple[Factsheet, ...]:
    schema = load_json(folder.parent / "schema" / SCHEMA_FILE)
    assert isinstance(schema, dict)
    files = sorted((folder).glob("*.json"))
    if not files:
        raise ContentError(f"Er zijn geen factsheets gevonden in {folder}.")
    return tuple(load_factsheet(path, schema) for path in files)


@cache
def all_factsheets() -> tuple[Factsheet, ...]:
    """Every shipped factsheet, loaded once per run, with the shared emergency steps and
    background attached."""
    guide, bg = emergency_guide(), background()
    return tuple(
        replace(sheet, noodgeval_algemeen=guide, achtergrond=bg)
        for sheet in load_factsheets_from(data_dir() / "middelen")
    )


def factsheet_by_slug(slug: str) -> Factsheet | None:
    wanted = slug.strip().lower()
    return next((s for s in all_factsheets() if s.slug == wanted), None)


def _load_checked(path: Path, schema_name: str) -> object:
    """A shared content file, validated against its schema in `data/schema/`."""
    raw = load_json(path)
    schema = load_json(path.parent.parent / "schema" / schema_name)
    assert isinstance(schema, dict)
    problems = validate(raw, schema)
    if problems:
        shown = "; ".join(problems[:5])
        raise ContentError(f"Inhoudsbestand {path.name} voldoet niet aan het schema: {shown}")
    return raw


def load_emergency_guide_from(path: Path) -> EmergencyGuide:
    raw = _load_checked(path, "noodgeval.schema.json")
    try:
        assert isinstance(raw, dict)
        guide = EmergencyGuide.from_dict(raw)
    except (AssertionError, KeyError, TypeError) as err:
        raise ContentError(f"Inhoudsbestand {path.name} is onvolledig: {err}") from err
    if not guide.stappen or not guide.jongeren:
        raise ContentError(f"Inhoudsbestand {path.name} bevat geen stappen.")
    return guide


@cache
def emergency_guide() -> EmergencyGuide:
    """The general steps of 'Wat te doen bij een noodgeval', shared by every factsheet."""
    return load_emergency_guide_from(data_dir() / "noodgeval" / "algemeen.json")


@cache
def background() -> Background:
    """Stages of use and drug-set-setting, shown with every factsheet for professionals."""
    path = data_dir() / "achtergrond" / "algemeen.json"
    raw = _load_checked(path, "achtergrond.schema.json")
    try:
        assert isinstance(raw, dict)
        return Background.from_dict(raw)
    except (AssertionError, KeyError, TypeError) as err:
        raise ContentError(f"Inhoudsbestand {path.name} is onvolledig: {err}") from err


def load_regional_directory_from(path: Path) -> RegionalDirectory:
    raw = _load_checked(path, "regionaal.schema.json")
    try:
        assert isinstance(raw, dict)
        return RegionalDirectory.from_dict(raw)
    except (AssertionError, KeyError, TypeError) as err:
        raise ContentError(f"Inhoudsbestand {path.name} is onvolledig: {err}") from err


@cache
def regional_directory() -> RegionalDirectory:
    """The shipped directory of regional addiction-care institutions."""
    return load_regional_directory_from(data_dir() / "regionaal" / "verslavingszorg.json")
