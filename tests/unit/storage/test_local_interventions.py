from __future__ import annotations

import json
from pathlib import Path

import pytest

from drugspreventie_app import paths
from drugspreventie_app.storage.local_interventions_repository import (
    FILE_FORMAT,
    ImportFileError,
    InvalidInterventionError,
    LocalInterventionsRepository,
)

VALID = {
    "naam": "Jongerenwerk <Zomeravond> & 😀",
    "beschrijving": "Gesprekken op straat over alcohol en lachgas.",
    "doelgroep": "jongeren van 14-18",
    "leeftijd_van": 14,
    "leeftijd_tot": 18,
    "settings": ["gemeenschap"],
    "niveaus": ["S"],
    "middelen": ["alcohol", "lachgas"],
    "pijlers": ["voorlichting_educatie"],
    "werkvormen": [],
    "aanbieder": "Jongerenwerk Voorbeeld",
}


def test_add_edit_delete_restore(db) -> None:
    repo = LocalInterventionsRepository(db)
    item = repo.add(VALID)
    assert item.lokaal and item.id.startswith("lokaal-") and item.naam == VALID["naam"]
    changed = repo.update(item.id, {**VALID, "naam": "Zomeravond 2.0"})
    assert changed.id == item.id and repo.get(item.id).naam == "Zomeravond 2.0"
    record = repo.delete(item.id)
    assert repo.all() == []
    repo.restore(record)
    assert [i.naam for i in repo.all()] == ["Zomeravond 2.0"]


def test_validation_in_dutch(db) -> None:
    repo = LocalInterventionsRepository(db)
    with pytest.raises(InvalidInterventionError) as info:
        repo.add({"naam": "", "beschrijving": "x" * 3000, "settings": [], "niveaus": ["Q"],
                  "leeftijd_van": 18, "leeftijd_tot": 12})  # fmt: skip
    text = "\n".join(info.value.problems)
    assert "Naam is verplicht" in text
    assert "Beschrijving is te lang" in text
    assert "Kies minstens één setting" in text
    assert "Onbekende niveau: Q" in text
    assert "Leeftijd van is hoger dan leeftijd tot" in text
    assert repo.all() == []


def test_export_then_import_into_another_database(db, tmp_path: Path) -> None:
    from drugspreventie_app.storage.database import open_database

    repo = LocalInterventionsRepository(db)
    repo.add(VALID)
    repo.add({**VALID, "naam": "Tweede"})
    target = tmp_path / "delen.json"
    assert repo.export_file(target) == 2

    other = open_database(tmp_path / "collega" / "werkbank.json")
    try:
        imported = LocalInterventionsRepository(other).import_file(target)
        assert sorted(i.naam for i in imported.added) == sorted([VALID["naam"], "Tweede"])
        # the same file again doubles nothing (it used to import every entry a second time)
        again = LocalInterventionsRepository(other).import_file(target)
        assert again.added == [] and again.skipped == 2
        assert "2 stonden er al in" in again.message()
        assert len(LocalInterventionsRepository(other).all()) == 2
    finally:
        other.close()


def _valid_file(entries: list) -> dict:
    return {"formaat": FILE_FORMAT, "versie": 1, "interventies": entries}


BAD_FILES = {
    "afgekapt": lambda good: json.dumps(good)[:40],
    "geen json": lambda good: "dit is geen json",
    "ander formaat": lambda good: json.dumps({**good, "formaat": "iets anders"}),
    "nieuwere versie": lambda good: json.dumps({**good, "versie": 99}),
    "lijst leeg": lambda good: json.dumps(_valid_file([])),
    "verkeerd type": lambda good: json.dumps(_valid_file([{**VALID, "leeftijd_van": "veertien"}])),
    "settings geen lijst": lambda good: json.dumps(_valid_file([{**VALID, "settings": "gezin"}])),
    "onbekend veld": lambda good: json.dumps(_valid_file([{**VALID, "geheim": 1}])),
    "enorme tekst": lambda good: json.dumps(_valid_file([{**VALID, "naam": "x" * 100_000}])),
    "één goed één fout": lambda good: json.dumps(_valid_file([VALID, {**VALID, "niveaus": []}])),
    "geen object": lambda good: json.dumps(_valid_file(["tekst"])),
    "diep genest": lambda good: '{"a":' * 100_000 + "1" + "}" * 100_000,
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_malformed_import_changes_nothing(db, tmp_path: Path, kind: str) -> None:
    repo = LocalInterventionsRepository(db)
    repo.add(VALID)
    before = paths.database_path().read_bytes()
    bad = tmp_path / "slecht.json"
    bad.write_text(BAD_FILES[kind](_valid_file([VALID])), encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        repo.import_file(bad)
    assert "niets geïmporteerd" in str(info.value) or "meer dan" in str(info.value)
    assert paths.database_path().read_bytes() == before
    assert len(repo.all()) == 1


def test_a_folder_instead_of_a_file_is_refused_in_dutch(db, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="is een map"):
        LocalInterventionsRepository(db).import_file(tmp_path)


def test_changed_entry_with_a_known_id_is_added_as_a_copy(db, tmp_path: Path) -> None:
    repo = LocalInterventionsRepository(db)
    first = repo.add(VALID)
    changed = _valid_file([{**VALID, "id": first.id, "beschrijving": "Anders beschreven."}])
    source = tmp_path / "gewijzigd.json"
    source.write_text(json.dumps(changed), encoding="utf-8")
    result = repo.import_file(source)
    assert len(result.added) == 1 and result.added[0].id != first.id
    assert repo.get(first.id).beschrijving == VALID["beschrijving"]  # not overwritten


def test_lone_surrogates_and_control_characters_are_cleaned_on_import(db, tmp_path: Path) -> None:
    repo = LocalInterventionsRepository(db)
    source = tmp_path / "vreemd.json"
    entry = {**VALID, "naam": "Gesprek\ud800 op straat", "beschrijving": "Een\u0007 bel."}
    source.write_text(json.dumps(_valid_file([entry])), "utf-8")  # escaped: \\ud800
    result = repo.import_file(source)
    assert result.added[0].naam == "Gesprek\ufffd op straat"
    assert result.added[0].beschrijving == "Een bel."
    assert "stuurteken" in result.message() and "vervangen" in result.message()
    paths.database_path().read_bytes().decode("utf-8")  # strictly valid UTF-8 on disk
