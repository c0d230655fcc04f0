"""Load the intervention catalogue and the guidance from `data/interventies/`."""

from __future__ import annotations

from functools import cache

from drugspreventie_app.content.errors import ContentError
from drugspreventie_app.content.factsheets import load_json
from drugspreventie_app.content.schema_check import validate
from drugspreventie_app.domain.guidance import Guidance
from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.locator import data_dir


def _load_validated(name: str, schema_name: str) -> dict:
    folder = data_dir()
    raw = load_json(folder / "interventies" / name)
    schema = load_json(folder / "schema" / schema_name)
    assert isinstance(schema, dict)
    problems = validate(raw, schema)
    if problems:
        raise ContentError(f"{name} voldoet niet aan het schema: {'; '.join(problems[:5])}")
    assert isinstance(raw, dict)
    return raw


@cache
def catalogue() -> tuple[Intervention, ...]:
    raw = _load_validated("catalogus.json", "interventie.schema.json")
    items = tuple(Intervention.from_dict(d, lokaal=False) for d in raw["interventies"])
    ids = [i.id for i in items]
    if len(set(ids)) != len(ids):
        raise ContentError("catalogus.json bevat dubbele id's.")
    return items


@cache
def guidance() -> Guidance:
    return Guidance.from_dict(_load_validated("richtlijnen.json", "richtlijnen.schema.json"))
