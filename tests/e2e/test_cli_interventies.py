from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

JSON_KEYS = {
    "id",
    "naam",
    "settings",
    "niveaus",
    "leeftijd_van",
    "leeftijd_tot",
    "erkenning",
    "lokaal",
}


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def _add_local(naam: str) -> None:
    from drugspreventie_app.storage.database import open_database
    from drugspreventie_app.storage.local_interventions_repository import (
        LocalInterventionsRepository,
    )

    db = open_database()
    try:
        LocalInterventionsRepository(db).add(
            {
                "naam": naam,
                "beschrijving": "Eigen aanpak in de wijk, met <b>markup</b> & al.",
                "settings": ["voortgezet_onderwijs"],
                "niveaus": ["U"],
                "leeftijd_van": 12,
                "leeftijd_tot": 16,
            }
        )
    finally:
        db.close()


def test_zoek_json_with_filters(run_cli) -> None:
    result = run_cli(
        "interventies", "zoek", "--setting", "voortgezet_onderwijs", "--leeftijd", "14",
        "--niveau", "U", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    names = [d["naam"] for d in data]
    assert "Samen Fris" in names
    assert "Frisse Start" not in names  # 12-13 years
    for entry in data:
        assert set(entry) >= JSON_KEYS
        assert "voortgezet_onderwijs" in entry["settings"] and "U" in entry["niveaus"]
        assert entry["lokaal"] is False
    assert "Samen Fris" in result.stdout  # ensure_ascii=False keeps text readable


def test_zoek_text_best_first_and_forgiving(run_cli) -> None:
    moti = run_cli("interventies", "zoek", "moti 4")
    assert moti.returncode == 0, moti.stderr
    assert moti.stdout.splitlines()[0].split("\t")[:2] == ["moti-4", "Moti-4"]
    assert len(moti.stdout.splitlines()[0].split("\t")) == 3  # id, naam, erkenning

    typo = run_cli("interventies", "zoek", "helder op scool")
    assert "Helder op School" in typo.stdout
    assert typo.stdout.splitlines()[0].split("\t")[1] == "Helder op School"


def test_zoek_includes_local_interventions(run_cli) -> None:
    _add_local("Buurtaanpak Zuidwijk")
    result = run_cli("interventies", "zoek", "buurtaanpak", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["naam"] for d in data] == ["Buurtaanpak Zuidwijk"]
    assert data[0]["lokaal"] is True


def test_zoek_without_matches_explains_on_stderr(run_cli) -> None:
    result = run_cli("interventies", "zoek", "--setting", "gezin", "--middel", "3mmc")
    assert result.returncode == 0
    assert result.stdout == ""
    assert "Geen interventies gevonden" in result.stderr and "middel" in result.stderr
    as_json = run_cli("interventies", "zoek", "--setting", "gezin", "--middel", "3mmc", "--json")
    assert json.loads(as_json.stdout) == []


def test_advies_names_what_not_to_do(run_cli) -> None:
    result = run_cli(
        "interventies", "advies", "--setting", "voortgezet_onderwijs", "--leeftijd", "12"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("Wat werkt", "Wat werkt niet", "Richtlijnen 12-13 jaar", "Universeel"):
        assert heading in out
    dont = out.split("NIET DOEN", 1)[1]
    assert "peer-educatie" in dont and "politie" in dont
    assert "Waarom niet:" in dont
    assert out.rstrip().splitlines()[-1].startswith("Bron: ")


def test_unknown_values_are_usage_errors(run_cli, tmp_path: Path) -> None:
    setting = run_cli("interventies", "zoek", "--setting", "school")
    assert setting.returncode == 2
    assert "onbekende setting 'school'" in setting.stderr
    assert "voortgezet_onderwijs" in setting.stderr  # names the allowed values

    niveau = run_cli("interventies", "zoek", "--niveau", "X")
    assert niveau.returncode == 2
    assert "onbekend niveau" in niveau.stderr and "HR" in niveau.stderr

    middel = run_cli("interventies", "zoek", "--middel", "heroine")
    assert middel.returncode == 2 and "onbekend middel" in middel.stderr

    for age in ("130", "-1", "twaalf"):
        bad_age = run_cli("interventies", "zoek", f"--leeftijd={age}")
        assert bad_age.returncode == 2, age
        assert "tussen 0 en 120" in bad_age.stderr

    advies = run_cli("interventies", "advies", "--setting", "kerk")
    assert advies.returncode == 2 and "onbekende setting" in advies.stderr

    target = tmp_path / "x.pdf"
    export = run_cli("interventies", "export", "--niveau", "Q", "-o", str(target))
    assert export.returncode == 2 and not target.exists()


def test_export_writes_overview_pdf(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    result = run_cli(
        "interventies", "export", "--setting", "voortgezet_onderwijs", "--leeftijd", "12",
        "--niveau", "U", "-o", str(target), "--data-dir", str(tmp_path / "d"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")
    text = _pdf_text(target)
    assert "Overzicht interventies" in text
    assert "Frisse Start" in text
    assert "Setting: Voortgezet onderwijs" in text and "Leeftijd: 12 jaar" in text
    assert "Geen peer-educatie" in text  # the advice for the first setting
    assert "Samen Fris" not in text  # 13-15 years


def test_export_with_local_intervention_and_no_matches(run_cli, tmp_path: Path) -> None:
    _add_local("Buurtaanpak Zuidwijk")
    target = tmp_path / "eigen.pdf"
    result = run_cli("interventies", "export", "zuidwijk", "-o", str(target))
    assert result.returncode == 0, result.stderr
    text = _pdf_text(target)
    assert "Buurtaanpak Zuidwijk (eigen, lokaal)" in text
    assert "<b>markup</b> & al." in text

    empty = tmp_path / "leeg.pdf"
    none = run_cli("interventies", "export", "bestaatnietsowieso", "-o", str(empty))
    assert none.returncode == 0
    assert "Interventies (0)" in _pdf_text(empty)


def test_export_picks_word_by_extension(run_cli, tmp_path: Path) -> None:
    from docx import Document

    target = tmp_path / "overzicht.DOCX"
    result = run_cli(
        "interventies", "export", "--setting", "voortgezet_onderwijs", "--leeftijd", "12",
        "-o", str(target), "--data-dir", str(tmp_path / "d"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert target.read_bytes().startswith(b"PK")  # a zip package, not a PDF
    doc = Document(target)
    assert doc.core_properties.title == "Overzicht interventies"
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Frisse Start" in headings and "Samen Fris" not in headings


def test_export_with_an_unknown_extension_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    for name in ("overzicht.txt", "overzicht"):
        target = tmp_path / name
        result = run_cli("interventies", "export", "--setting", "gezin", "-o", str(target))
        assert result.returncode == 2, result.stderr
        assert ".pdf" in result.stderr and ".docx" in result.stderr
        assert result.stderr.startswith("Fout: onbekend bestandstype")
        assert not target.exists()
