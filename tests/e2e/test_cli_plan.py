from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

SEVERITIES = {"fout", "waarschuwing", "tip"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder given with --data-dir (not the one from the environment)."""
    return tmp_path / "eigen-map"


def _ok(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _lines(stdout: str) -> list[list[str]]:
    return [line.split("\t") for line in stdout.splitlines()]


def test_lijst_nieuw_and_voorbeeld(run_cli, folder: Path, data_dir: Path) -> None:
    assert _ok(run_cli("plan", "lijst", "--data-dir", str(folder))) == ""
    new_id = _ok(
        run_cli("plan", "nieuw", "--titel", "Plan Zuid", "--gemeente", "Aalten",
                "--reikwijdte", "drugs", "--start", "2027", "--data-dir", str(folder))
    ).strip()  # fmt: skip
    example_id = _ok(run_cli("--data-dir", str(folder), "plan", "voorbeeld")).strip()
    assert new_id and example_id and new_id != example_id
    rows = _lines(_ok(run_cli("plan", "lijst", "--data-dir", str(folder))))
    assert [new_id, "Plan Zuid", "Aalten", "2027-2030"] in rows
    assert [example_id, "Preventie- en Handhavingsplan Alcohol en Drugs 2026-2029",
            "Gemeente Voorbeeld", "2026-2029"] in rows  # fmt: skip
    assert len(rows) == 2
    assert not (data_dir / "werkbank.json").exists()  # --data-dir was used, not the default


def test_check_of_the_example_plan(run_cli, folder: Path) -> None:
    example_id = _ok(run_cli("plan", "voorbeeld", "--data-dir", str(folder))).strip()
    rows = _lines(_ok(run_cli("plan", "check", example_id, "--data-dir", str(folder))))
    assert all(len(row) == 3 and row[0] in SEVERITIES for row in rows), rows
    # Besides tips only the yearly-measurement reminder, which the example (measured over
    # 2026 and 2027) earns once a later year is over.
    others = [row for row in rows if row[0] != "tip"]
    assert all(row[1] == "evaluatie" and "ontbreekt een meting" in row[2] for row in others), rows


def test_check_of_an_empty_plan_lists_findings(run_cli, folder: Path) -> None:
    new_id = _ok(
        run_cli("plan", "nieuw", "--titel", "Leeg", "--gemeente", "G", "--data-dir", str(folder))
    ).strip()
    short = new_id[:8]  # a unique start of the id is enough
    rows = _lines(_ok(run_cli("plan", "check", short, "--data-dir", str(folder))))
    assert rows and all(len(row) == 3 and row[0] in SEVERITIES for row in rows)
    assert any(row[0] == "fout" for row in rows)


def test_export_then_import(run_cli, folder: Path, tmp_path: Path) -> None:
    example_id = _ok(run_cli("plan", "voorbeeld", "--data-dir", str(folder))).strip()
    target = tmp_path / "plan.json"
    _ok(run_cli("plan", "export", example_id, "-o", str(target), "--data-dir", str(folder)))
    data = json.loads(target.read_text("utf-8"))
    assert data["formaat"] == "drugspreventie-werkbank/plan" and data["plan"]["id"] == example_id

    copy_id = _ok(run_cli("plan", "import", str(target), "--data-dir", str(folder))).strip()
    assert copy_id != example_id  # the id exists: imported as a copy
    rows = _lines(_ok(run_cli("plan", "lijst", "--data-dir", str(folder))))
    titles = {row[0]: row[1] for row in rows}
    assert titles[copy_id].endswith(" (kopie)")

    other = tmp_path / "collega"
    same_id = _ok(run_cli("plan", "import", str(target), "--data-dir", str(other))).strip()
    assert same_id == example_id


def test_pdf(run_cli, folder: Path, tmp_path: Path) -> None:
    example_id = _ok(run_cli("plan", "voorbeeld", "--data-dir", str(folder))).strip()
    target = tmp_path / "plan.pdf"
    out = _ok(run_cli("plan", "pdf", example_id, "-o", str(target), "--data-dir", str(folder)))
    assert str(target) in out
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Gemeente Voorbeeld" in text and "Moti-4" in text


@pytest.mark.parametrize(
    "args",
    [
        ("check", "bestaat-niet"),
        ("export", "bestaat-niet", "-o", "uit.json"),
        ("pdf", "bestaat-niet", "-o", "uit.pdf"),
        ("check", ""),
    ],
)
def test_unknown_id_is_a_usage_error(run_cli, folder: Path, tmp_path: Path, args) -> None:
    _ok(run_cli("plan", "nieuw", "--titel", "T", "--gemeente", "G", "--data-dir", str(folder)))
    args = tuple(str(tmp_path / a) if a.startswith("uit.") else a for a in args)
    result = run_cli("plan", *args, "--data-dir", str(folder))
    assert result.returncode == 2, result.stderr
    assert "Fout: er is geen plan met id" in result.stderr
    assert not list(tmp_path.glob("uit.*"))


@pytest.mark.parametrize(
    "args",
    [
        ("--reikwijdte", "tabak"),
        ("--start", "twintig"),
        ("--start", "1850"),
    ],
)
def test_nieuw_with_bad_arguments(run_cli, folder: Path, args) -> None:
    result = run_cli("plan", "nieuw", "--titel", "T", "--gemeente", "G", *args,
                     "--data-dir", str(folder))  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("Fout: ")


@pytest.mark.parametrize(
    "content",
    [
        '{"formaat": "drugspreventie-werkbank/plan", "versie": 1, "plan": {',
        '{"formaat": "drugspreventie-werkbank/plan", "versie": 3, "plan": {}}',
        '{"formaat": "drugspreventie-werkbank/plan", "versie": 1, "plan": {"titel": 5}}',
    ],
)
def test_malformed_import_adds_nothing(run_cli, folder: Path, tmp_path: Path, content) -> None:
    _ok(run_cli("plan", "voorbeeld", "--data-dir", str(folder)))
    before = (folder / "werkbank.json").read_bytes()
    bad = tmp_path / "slecht.json"
    bad.write_text(content, encoding="utf-8")
    result = run_cli("plan", "import", str(bad), "--data-dir", str(folder))
    assert result.returncode == 2
    assert result.stderr.startswith("Fout: Het plan is niet geïmporteerd. ")
    assert result.stdout == ""
    assert (folder / "werkbank.json").read_bytes() == before
    assert len(_lines(_ok(run_cli("plan", "lijst", "--data-dir", str(folder))))) == 1


def test_import_of_a_missing_file(run_cli, folder: Path, tmp_path: Path) -> None:
    result = run_cli("plan", "import", str(tmp_path / "weg.json"), "--data-dir", str(folder))
    assert result.returncode == 2
    assert "kan niet worden geopend" in result.stderr


def test_docx(run_cli, folder: Path, tmp_path: Path) -> None:
    from docx import Document

    example_id = _ok(run_cli("plan", "voorbeeld", "--data-dir", str(folder))).strip()
    target = tmp_path / "plan.docx"
    result = run_cli("plan", "docx", example_id[:8], "-o", str(target), "--data-dir", str(folder))
    assert str(target) in _ok(result)
    assert result.stderr == ""  # nothing had to be replaced
    doc = Document(target)
    chapters = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert chapters[0] == "1 Inleiding" and chapters[-1] == "Bijlage B: Plancheck"
    text = " ".join(p.text for p in doc.paragraphs)
    assert "Gemeente Voorbeeld" in text and "Moti-4" in text
    assert doc.core_properties.title == "Preventie- en Handhavingsplan Alcohol en Drugs 2026-2029"


def test_docx_reports_replaced_characters_on_stderr(run_cli, folder: Path, tmp_path: Path):
    """A plan file may hold characters XML cannot (U+FFFF, C1 controls); the Word export
    replaces them and says so."""
    example_id = _ok(run_cli("plan", "voorbeeld", "--data-dir", str(folder))).strip()
    exported = tmp_path / "plan.json"
    _ok(run_cli("plan", "export", example_id, "-o", str(exported), "--data-dir", str(folder)))
    data = json.loads(exported.read_text("utf-8"))
    data["plan"]["beleidsfocus"]["visie"] += " \uffff en \u0085"
    exported.write_text(json.dumps(data), "utf-8")
    other = tmp_path / "collega"
    plan_id = _ok(run_cli("plan", "import", str(exported), "--data-dir", str(other))).strip()
    target = tmp_path / "plan.docx"
    result = run_cli("plan", "docx", plan_id, "-o", str(target), "--data-dir", str(other))
    _ok(result)
    assert "2 tekens konden niet in Word worden opgenomen" in result.stderr
    assert "U+FFFF in 'Beleidsfocus: visie'" in result.stderr
    assert "U+0085" in result.stderr
    assert target.exists()


def test_docx_of_an_unknown_plan_is_a_usage_error(run_cli, folder: Path, tmp_path: Path):
    _ok(run_cli("plan", "nieuw", "--titel", "T", "--gemeente", "G", "--data-dir", str(folder)))
    target = tmp_path / "uit.docx"
    result = run_cli("plan", "docx", "bestaat-niet", "-o", str(target), "--data-dir", str(folder))
    assert result.returncode == 2 and not target.exists()


def test_voortgang_as_pdf_and_word(run_cli, folder: Path, tmp_path: Path) -> None:
    example_id = _ok(run_cli("plan", "voorbeeld", "--data-dir", str(folder))).strip()
    pdf = tmp_path / "rapport.pdf"
    out = _ok(run_cli("plan", "voortgang", example_id[:8], "--jaar", "2027", "-o", str(pdf),
                      "--data-dir", str(folder)))  # fmt: skip
    assert out.strip() == f"Geschreven: {pdf}"
    assert "Voortgangsrapportage 2027" in PdfReader(pdf).pages[0].extract_text()
    docx = tmp_path / "rapport.docx"
    _ok(run_cli("plan", "voortgang", example_id, "--jaar", "2027", "--soort", "tussenevaluatie",
                "-o", str(docx), "--data-dir", str(folder)))  # fmt: skip
    assert docx.read_bytes()[:2] == b"PK"


BAD_VOORTGANG = [
    (("--jaar", "2035", "-o", "r.pdf"), "2035 valt buiten de planperiode 2026-2029"),
    (("--jaar", "volgend", "-o", "r.pdf"), "ongeldig jaar 'volgend'"),
    (("--jaar", "2027", "-o", "r.txt"), "kies een uitvoerbestand op .pdf of .docx"),
    (("--jaar", "2027", "--soort", "half", "-o", "r.pdf"), "onbekende soort 'half'"),
]


def test_voortgang_with_bad_arguments(run_cli, folder: Path, tmp_path: Path) -> None:
    example_id = _ok(run_cli("plan", "voorbeeld", "--data-dir", str(folder))).strip()
    for args, message in BAD_VOORTGANG:
        args = tuple(str(tmp_path / a) if a.startswith("r.") else a for a in args)
        result = run_cli("plan", "voortgang", example_id, *args, "--data-dir", str(folder))
        assert result.returncode == 2, args
        assert message in result.stderr, result.stderr
    assert not any(tmp_path.glob("r.*"))
