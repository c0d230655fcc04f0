"""The voortgangsrapportage as PDF and Word: content, charts as vector graphics / pictures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from drugspreventie_app.content.example_plan import example_plan
from drugspreventie_app.domain.plan.check import check_plan
from drugspreventie_app.domain.plan.model import new_plan
from drugspreventie_app.export.progress_report import (
    ReportOptions,
    build_progress_report,
    write_progress_report,
)

TODAY = date(2028, 3, 1)


@pytest.fixture(scope="module")
def plan():
    return example_plan()


@pytest.fixture(scope="module")
def findings(plan):
    return check_plan(plan, today=TODAY)


def _pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())  # table cells wrap lines anywhere


def test_content_of_a_year_report(plan) -> None:
    report = build_progress_report(plan, ReportOptions("jaar", 2027), today=TODAY)
    assert report.title == "Voortgangsrapportage 2027"
    assert [g.light for g in report.goals] == ["achter", "achter", "op_koers"]
    assert len(report.indicators) == 6
    assert {a.jaar for a in report.actions} == {2027} and len(report.actions) == 9
    assert len(report.measurements) == 12
    assert report.spending.startswith("Uitgegeven in 2027: € 70.400.")
    assert "gemeente Voorbeeld staat" in report.intro


def test_a_mid_term_evaluation_covers_every_year_so_far(plan) -> None:
    report = build_progress_report(plan, ReportOptions("tussenevaluatie", 2027), today=TODAY)
    assert report.title == "Tussenevaluatie 2026-2027"
    assert report.covered_years == (2026, 2027)
    assert len(report.actions) == 18
    assert "over deze 2 jaren" in report.spending


def test_an_earlier_year_leaves_later_measurements_out(plan) -> None:
    report = build_progress_report(plan, ReportOptions("jaar", 2026), today=TODAY)
    assert {m.jaar for m in report.measurements} == {"2026"}
    assert all(p.measurements == () or p.measurements[-1].jaar == 2026 for p in report.indicators)


def test_pdf_holds_every_part_and_draws_charts_as_vectors(plan, findings, tmp_path) -> None:
    target = tmp_path / "rapport.pdf"
    write_progress_report(
        target,
        plan,
        ReportOptions("jaar", 2027),
        findings=findings,
        organisation="GGD",
        today=TODAY,
    )
    text = _pdf_text(target)
    for expected in (
        "Voortgangsrapportage 2027",
        "1. Samenvatting",
        "2. Indicatoren",
        "3. Acties",
        "4. Metingen en bronnen",
        "5. Open punten uit de plancheck",
        "Achter",
        "Op koers",
        "In 2027 gemeten 33; op koers was 30.",
        "Helder op School",
        "Nalevingsonderzoek gemeente Voorbeeld 2027",
    ):
        assert expected in text, expected
    for sub in plan.all_subdoelen():
        assert sub.omschrijving.split()[0] in text
    reader = PdfReader(target)
    assert all(not page.images for page in reader.pages)  # charts are drawn, not pasted
    assert reader.metadata.title.startswith("Voortgangsrapportage 2027")


def test_word_document_has_tables_and_a_described_picture_per_indicator(
    plan, findings, tmp_path
) -> None:
    target = tmp_path / "rapport.docx"
    write_progress_report(
        target, plan, ReportOptions("eindevaluatie", 2029), findings=findings, today=TODAY
    )
    doc = Document(target)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Eindevaluatie 2026-2029" in headings and "3. Acties" in headings
    assert len(doc.inline_shapes) == 6
    descriptions = [s._inline.docPr.get("descr") for s in doc.inline_shapes]
    assert all(d.startswith("Indicator: ") and "Streefwaarde" in d for d in descriptions)
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert {"Achter", "Op koers", "Niet gestart", "€ 18.000"} <= cells


def test_an_empty_plan_still_gives_a_readable_report(tmp_path) -> None:
    target = tmp_path / "leeg.pdf"
    write_progress_report(
        target, new_plan("Leeg", "Ergens"), ReportOptions("jaar", 2026), today=TODAY
    )
    text = _pdf_text(target)
    assert "nog geen subdoelen met een indicator" in text
    assert "nog geen metingen vastgelegd" in text


def test_unknown_extension_is_refused(plan, tmp_path) -> None:
    with pytest.raises(ValueError, match=r"kies een bestandsnaam op \.pdf of \.docx"):
        write_progress_report(tmp_path / "r.txt", plan, ReportOptions("jaar", 2027))
