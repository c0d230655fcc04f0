from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from drugspreventie_app import paths
from drugspreventie_app.domain.plan.model import Doel, Plan, Subdoel, new_plan
from drugspreventie_app.domain.plan.plan_file import VERSION, PlanFileError, plan_to_file_text
from drugspreventie_app.storage.plan_files import (
    PlanNotFoundError,
    export_plan,
    import_plan,
    read_plan_file,
)
from drugspreventie_app.storage.plan_repository import PlanRepository


def _plan() -> Plan:
    plan = new_plan("Plan Zuid", "Voorbeeld")
    plan.doelen = [Doel(omschrijving="Later beginnen", subdoelen=[Subdoel(omschrijving="A")])]
    plan.beleidsfocus.speerpunten = ["Ouders", "Scholen 😀"]
    return plan


def _without_times(plan: Plan) -> dict:
    data = plan.to_dict()
    data.pop("gewijzigd")
    data.pop("aangemaakt")
    return data


def test_export_then_import_into_another_database(db, tmp_path: Path) -> None:
    from drugspreventie_app.storage.database import open_database

    repo = PlanRepository(db)
    plan = repo.save(_plan())
    target = tmp_path / "uit" / "plan.json"
    assert export_plan(repo, target, plan.id) == plan
    assert json.loads(target.read_text("utf-8"))["plan"]["id"] == plan.id

    other = open_database(tmp_path / "collega" / "werkbank.json")
    try:
        imported = import_plan(PlanRepository(other), target)
        assert imported.id == plan.id  # a new id only when it is taken
        assert _without_times(PlanRepository(other).get(plan.id)) == _without_times(plan)
    finally:
        other.close()


def test_export_of_a_plan_object_and_of_an_unknown_id(db, tmp_path: Path) -> None:
    plan = _plan()
    export_plan(plan, tmp_path / "plan.json")
    assert read_plan_file(tmp_path / "plan.json") == plan
    with pytest.raises(PlanNotFoundError):
        export_plan(PlanRepository(db), tmp_path / "x.json", "bestaat-niet")
    assert not (tmp_path / "x.json").exists()


def test_import_of_an_existing_id_makes_a_copy(db, tmp_path: Path) -> None:
    repo = PlanRepository(db)
    original = repo.save(_plan())
    source = tmp_path / "plan.json"
    export_plan(original, source)
    copy = import_plan(repo, source)
    assert copy.id != original.id
    assert copy.titel == "Plan Zuid (kopie)"
    assert copy.doelen == original.doelen
    assert repo.get(original.id).titel == "Plan Zuid"
    assert len(repo.list()) == 2


def test_import_of_an_id_in_the_recycle_bin_makes_a_copy(db, tmp_path: Path) -> None:
    repo = PlanRepository(db)
    original = repo.save(_plan())
    source = tmp_path / "plan.json"
    export_plan(original, source)
    repo.delete(original.id)
    copy = import_plan(repo, source)
    assert copy.id != original.id
    repo.restore(original.id)  # restoring does not overwrite the imported plan
    assert {p.id for p in repo.list()} == {original.id, copy.id}


def _good_text() -> str:
    return plan_to_file_text(_plan())


def _write_text(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as fh:
            fh.truncate(size)

    return make


def _mutated(change: Callable[[dict], None]) -> Callable[[Path], None]:
    data = json.loads(_good_text())
    change(data)
    return _write_text(json.dumps(data))


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "afgekapt": (_write_text(_good_text()[:300]), "geen geldige JSON (regel"),
    "geen utf-8": (lambda p: p.write_bytes(b'{"formaat": "\xff\xfe"}'), "geen UTF-8-tekst"),
    "ander formaat": (_write_text('{"formaat": "x", "versie": 1}'), "geen planbestand"),
    "nieuwere versie": (
        _write_text(_good_text().replace(f'"versie": {VERSION}', f'"versie": {VERSION + 1}')),
        "nieuwere Werkbank",
    ),
    "verkeerd type": (
        _mutated(lambda d: d["plan"].update(periode_start="2026")),
        "plan.periode_start: verwacht een geheel getal",
    ),
    "onbekend veld": (
        _mutated(lambda d: d["plan"]["doelen"][0].update(budgett=1)),
        "plan.doelen[0].budgett: onbekend veld",
    ),
    "enorme tekst": (
        _mutated(lambda d: d["plan"].update(titel="x" * 200_000)),
        "plan.titel: tekst te lang",
    ),
    "dubbele id": (
        _mutated(lambda d: d["plan"]["doelen"].append(d["plan"]["doelen"][0])),
        "plan.doelen[1].id: dezelfde id als plan.doelen[0].id",
    ),
    "verwijzing": (
        _mutated(lambda d: d["plan"].update(acties=[{"id": "a", "subdoelen": ["weg"]}])),
        "verwijst naar subdoel 'weg'",
    ),
    "te groot": (_sparse(21 * 1024 * 1024), "Het bestand is te groot (21.0 MB; maximaal 20 MB)."),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_malformed_import_changes_nothing(db, tmp_path: Path, kind: str) -> None:
    repo = PlanRepository(db)
    repo.save(_plan())
    database = paths.database_path()
    before = database.read_bytes()
    backups = sorted(paths.backups_dir().iterdir())
    make, expected = BAD_FILES[kind]
    bad = tmp_path / "slecht.json"
    make(bad)
    with pytest.raises(PlanFileError) as info:
        import_plan(repo, bad)
    assert str(info.value).startswith("Het plan is niet geïmporteerd. ")
    assert expected in str(info.value)
    assert database.read_bytes() == before
    assert sorted(paths.backups_dir().iterdir()) == backups
    assert len(repo.list()) == 1


def test_missing_file_and_folder(db, tmp_path: Path) -> None:
    repo = PlanRepository(db)
    with pytest.raises(PlanFileError, match="kan niet worden geopend"):
        import_plan(repo, tmp_path / "bestaat-niet.json")
    with pytest.raises(PlanFileError, match="is geen bestand"):
        import_plan(repo, tmp_path)
    assert repo.list() == []
