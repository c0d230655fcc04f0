"""Local figures from CSV: the two sample files, malformed files, and a 50 MB export."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from drugspreventie_app.content.example_plan import example_plan
from drugspreventie_app.domain.plan.csv_import import (
    AS_CIJFER,
    CsvImportError,
    apply_import,
    guess_mapping,
    guess_targets,
    inspect_csv,
    preview_import,
    read_rows,
    subdoel_target,
)
from drugspreventie_app.domain.plan.model import Doel, Subdoel, new_plan
from tests.conftest import REPO_ROOT

SAMPLES = REPO_ROOT / "data" / "voorbeelden"
GGD = SAMPLES / "gezondheidsmonitor-jeugd-voorbeeld.csv"
STATLINE = SAMPLES / "statline-voorbeeld.csv"
ALCOHOL_SUB = "e74b9877-af7c-5e0c-80b4-8a97860613cd"
LACHGAS_SUB = "89600c5d-7bf5-576d-b876-8085e52868e3"


def _read(path: Path, **kwargs):
    layout = inspect_csv(path)
    return layout, read_rows(layout, guess_mapping(layout.headers), **kwargs)


def _error(path: Path, **kwargs) -> str:
    with pytest.raises(CsvImportError) as info:
        _read(path, **kwargs)
    assert str(info.value).startswith("Het bestand is niet ingelezen; er is niets aan het plan")
    return str(info.value)


def _write(tmp_path: Path, text: str, name: str = "cijfers.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding, newline="")
    return path


def test_ggd_sample_semicolons_decimal_comma_and_percentages() -> None:
    layout, result = _read(GGD, region="Gemeente Voorbeeld")
    assert (layout.separator, layout.decimal, layout.encoding) == (";", ",", "utf-8")
    assert result.other_region == 2 and len(result.rows) == 6
    first = result.rows[0]
    assert (first.line, first.waarde, first.waarde_tekst, first.jaar) == (2, 33.0, "33%", 2027)
    assert [r.waarde for r in result.rows[1:4]] == [9.5, 19.0, 14.2]
    assert result.rows[3].waarde_tekst == "14,2%"
    assert first.bron == "GGD Gezondheidsmonitor Jeugd 2027 (fictief voorbeeld)"


def test_statline_sample_commas_decimal_point_period_codes_and_missing_values() -> None:
    layout, result = _read(STATLINE, default_source="CBS StatLine (fictief)")
    assert (layout.separator, layout.decimal) == (",", ".")
    mapping = guess_mapping(layout.headers)
    assert layout.headers[mapping["jaar"]] == "Perioden"
    assert layout.headers[mapping["regio"]] == "Regio's"
    assert mapping["bron"] is None
    assert [r.jaar for r in result.rows[:2]] == [2026, 2027]  # from "2026JJ00"
    assert result.rows[2].waarde == 8.4 and result.rows[2].waarde_tekst == "8,4"
    assert result.without_value == 1  # the "." of Andersdorp 2027
    assert {r.bron for r in result.rows} == {"CBS StatLine (fictief)"}


def test_preview_changes_nothing_and_apply_adds_what_it_showed() -> None:
    plan = example_plan()
    for sub in plan.all_subdoelen():
        sub.metingen = [m for m in sub.metingen if m.jaar != 2027]
    before = plan.to_dict()
    _layout, result = _read(GGD, region="gemeente voorbeeld")
    targets = guess_targets(plan, result.series())
    alcohol = ("Alcohol gedronken in de afgelopen 4 weken", "Klas 4")
    assert targets[alcohol] == subdoel_target(ALCOHOL_SUB)
    assert targets[("Alcohol gedronken in de afgelopen 4 weken", "Klas 2")] == AS_CIJFER
    assert targets[("Binge drinken in de afgelopen 4 weken", "Klas 4")] == AS_CIJFER
    preview = preview_import(plan, result.rows, targets)
    assert plan.to_dict() == before  # the preview alone changes nothing
    assert (len(preview.metingen), len(preview.cijfers), preview.duplicates) == (1, 5, 0)
    apply_import(plan, preview)
    sub = plan.subdoel_by_id(ALCOHOL_SUB)
    assert sub is not None and [m.waarde for m in sub.metingen if m.jaar == 2027] == ["33%"]
    assert len(plan.lokale_situatie.cijfers) == len(before["lokale_situatie"]["cijfers"]) + 5
    # the same file again adds nothing
    again = preview_import(plan, result.rows, targets)
    assert again.count == 0 and again.duplicates == 6


def test_statline_measurements_go_to_the_matching_subdoel() -> None:
    plan = example_plan()
    sub = plan.subdoel_by_id(LACHGAS_SUB)
    assert sub is not None
    sub.metingen = []
    _layout, result = _read(STATLINE, default_source="CBS StatLine", region="Gemeente Voorbeeld")
    preview = preview_import(plan, result.rows, guess_targets(plan, result.series()))
    apply_import(plan, preview)
    assert [(m.jaar, m.waarde, m.bron) for m in sub.metingen] == [
        (2026, "35", "CBS StatLine"),
        (2027, "26", "CBS StatLine"),
    ]


def test_windows_1252_file_from_excel(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Indicator;Groep;Jaar;Waarde;Bron\r\nCocaïne ooit;18+;2025;2,5;Gezondheidsmonitor\r\n",
        encoding="cp1252",
    )
    layout, result = _read(path)
    assert layout.encoding == "cp1252" and result.rows[0].indicator == "Cocaïne ooit"


# -- malformed files -------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    assert "Het bestand is leeg." in _error(_write(tmp_path, ""))
    assert "Het bestand is leeg." in _error(_write(tmp_path, "\r\n  \n", "spaties.csv"))


def test_header_without_rows(tmp_path: Path) -> None:
    assert "geen regels met gegevens" in _error(_write(tmp_path, "Indicator;Jaar;Waarde\n"))


def test_wrong_separator(tmp_path: Path) -> None:
    text = "Indicator|Jaar|Waarde\nCannabis ooit|2023|12,0\n"
    message = _error(_write(tmp_path, text))
    assert "Regel 1: de kopregel heeft maar één kolom" in message


def test_line_with_another_separator_is_named(tmp_path: Path) -> None:
    text = "Indicator;Jaar;Waarde;Bron\nCannabis;2023;12,0;GGD\nLachgas,2023,7,GGD\n"
    message = _error(_write(tmp_path, text))
    assert "Regel 3: 1 kolommen, maar de kopregel heeft er 4" in message
    assert "(puntkomma)" in message


def test_text_in_a_number_column(tmp_path: Path) -> None:
    text = "Indicator;Jaar;Waarde;Bron\nCannabis;2023;12,0;GGD\nLachgas;2023;veel;GGD\n"
    message = _error(_write(tmp_path, text))
    assert "Regel 3: in de kolom 'Waarde' staat 'veel' is geen getal." in message


def test_year_that_is_no_year(tmp_path: Path) -> None:
    text = "Indicator;Jaar;Waarde;Bron\nCannabis;vorig jaar;12,0;GGD\n"
    assert "Regel 2: in de kolom 'Jaar' staat 'vorig jaar'; dat is geen jaartal." in _error(
        _write(tmp_path, text)
    )


def test_missing_columns(tmp_path: Path) -> None:
    text = "Onderwerp;Regio\nCannabis;Voorbeeld\n"
    message = _error(_write(tmp_path, text))
    assert "Er is geen kolom gekozen voor 'Waarde', 'Jaar'" in message
    assert "'Onderwerp', 'Regio'" in message  # names what the file does have


def test_no_source_at_all(tmp_path: Path) -> None:
    text = "Indicator;Jaar;Waarde\nCannabis;2023;12,0\n"
    assert "Elk cijfer heeft een bron nodig" in _error(_write(tmp_path, text))
    _layout, result = _read(_write(tmp_path, text, "b.csv"), default_source="GGD 2023")
    assert result.rows[0].bron == "GGD 2023"


def test_unclosed_quote_and_binary_file(tmp_path: Path) -> None:
    assert "Regel 2" in _error(
        _write(tmp_path, 'Indicator;Jaar;Waarde;Bron\n"Cannabis;2023;12;GGD\n')
    )
    binary = tmp_path / "plaatje.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "geen tekstbestand" in _error(binary)


def test_many_bad_lines_stop_after_a_screenful(tmp_path: Path) -> None:
    text = "Indicator;Jaar;Waarde;Bron\n" + "Cannabis;2023;x1;GGD\n" * 500
    message = _error(_write(tmp_path, text))
    assert message.count("Regel ") == 15 and message.endswith("… en meer problemen.")


_READ_IN_CHILD = """
import resource, sys
from pathlib import Path
from drugspreventie_app.domain.plan.csv_import import guess_mapping, inspect_csv, read_rows
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
layout = inspect_csv(Path(sys.argv[1]))
result = read_rows(layout, guess_mapping(layout.headers), default_source="CBS", region=sys.argv[2])
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(result.lines_read, len(result.rows), grown)
"""


def test_50_mb_export_is_streamed_not_loaded(tmp_path: Path) -> None:
    """A StatLine download of every municipality: only the chosen region's rows are kept.
    Read in a child process, so its peak memory is its own (ru_maxrss, in kB on Linux)."""
    path = tmp_path / "statline-alle-gemeenten.csv"
    line = '"{n}","Gemeente {g:04d}","2027JJ00","Lachgasoverlast","Alle leeftijden","{v}"\n'
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write('"ID","Regio\'s","Perioden","Onderwerp","Leeftijd","Waarde"\n')
        n = 0
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(
                "".join(line.format(n=n + i, g=(n + i) % 3000, v=(n + i) % 97) for i in range(5000))
            )
            n += 5000
    assert path.stat().st_size >= 50 * 1024 * 1024
    out = subprocess.run(
        [sys.executable, "-c", _READ_IN_CHILD, str(path), "Gemeente 0042"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO_ROOT,
    ).stdout.split()
    lines_read, kept, grown_kb = (int(x) for x in out)
    assert lines_read == n
    assert kept == len(range(42, n, 3000))
    assert grown_kb < 20 * 1024  # far below the file's 50 MB
    # without a region the file is too big to be one municipality's figures: a clear refusal
    layout = inspect_csv(path)
    with pytest.raises(CsvImportError, match="Kies een regio"):
        read_rows(layout, guess_mapping(layout.headers), default_source="CBS")


def test_a_single_50_mb_line_is_not_read_at_once(tmp_path: Path) -> None:
    path = tmp_path / "een-regel.csv"
    path.write_text("Indicator;Jaar;Waarde;Bron\n" + "x" * (50 * 1024 * 1024), encoding="utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(CsvImportError):
            layout = inspect_csv(path)
            read_rows(layout, guess_mapping(layout.headers))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_imported_measurements_survive_a_plan_file_round_trip() -> None:
    from drugspreventie_app.domain.plan.plan_file import parse_plan_file, plan_to_file_text

    plan = new_plan("Leeg", "Voorbeeld")
    sub = Subdoel(indicator="Meldingen lachgasoverlast bij politie en gemeente")
    plan.doelen = [Doel(subdoelen=[sub])]
    _layout, result = _read(STATLINE, default_source="CBS", region="Gemeente Voorbeeld")
    apply_import(plan, preview_import(plan, result.rows, guess_targets(plan, result.series())))
    assert len(sub.metingen) == 2
    assert parse_plan_file(plan_to_file_text(plan)) == plan
