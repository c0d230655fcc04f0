"""The progress report as PDF: the shared A4 frame, charts as vector graphics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drugspreventie_app.domain.plan.progress import LIGHT_COLOURS, LIGHT_LABELS
from drugspreventie_app.domain.plan.progress_chart import LEGEND, chart_shapes
from drugspreventie_app.export.fonts import BOLD, FAMILY, covered_by_main_font
from drugspreventie_app.export.markup import para_text, plain_line
from drugspreventie_app.export.pdf_document import MARGIN_MM, PdfMeta, styles, write_pdf
from drugspreventie_app.export.progress_chart_render import chart_drawing
from drugspreventie_app.export.progress_report import ProgressReport

USABLE_MM = 210 - 2 * MARGIN_MM
CHART_W, CHART_H = 250.0, 150.0  # points
CELL_PAD = 4.0
SEVERITIES = (("fout", "Fouten"), ("waarschuwing", "Waarschuwingen"), ("tip", "Tips"))


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    st = styles()
    st["cell"] = ParagraphStyle("PrCell", parent=st["small"], spaceAfter=0)
    st["cell_head"] = ParagraphStyle("PrCellHead", parent=st["cell"], fontName=BOLD)
    st["light"] = ParagraphStyle(
        "PrLight", parent=st["cell"], fontName=BOLD, alignment=TA_CENTER, textColor="#ffffff"
    )
    st["kicker"] = ParagraphStyle("PrKicker", parent=st["body"], fontName=BOLD, fontSize=13)
    st["cover_title"] = ParagraphStyle(
        "PrCoverTitle", parent=st["title"], fontSize=26, leading=32, spaceBefore=6
    )
    return st


def _p(text: str, st: dict[str, Any], style: str = "body") -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(para_text(text), st[style])


def _paras(text: str, st: dict[str, Any], style: str = "body") -> list[Any]:
    return [_p(block, st, style) for block in text.split("\n\n") if block.strip()]


def _table(
    headers: list[str],
    widths_mm: list[float],
    rows: list[list[Any]],
    st,
    extra=(),
) -> Any:
    """A ruled table. A cell whose text fits on one line is drawn as a plain string, which
    reportlab lays out far faster than a paragraph; longer text wraps as a paragraph."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table, TableStyle

    size = st["cell"].fontSize
    room = [w * mm - 2 * CELL_PAD for w in widths_mm]
    covered = covered_by_main_font()
    cells = [[_p(h, st, "cell_head") for h in headers]]
    plain_cells: list[tuple[int, int]] = []
    for r, row in enumerate(rows, 1):
        out = []
        for n, value in enumerate(row):
            if not isinstance(value, str):
                out.append(value)
                continue
            text = " ".join(value.split())
            fits = (
                "\n" not in value
                and all(ord(c) in covered for c in text)
                and stringWidth(text, FAMILY, size) <= room[n]
            )
            if fits:
                out.append(plain_line(text, 60))
                plain_cells.append((n, r))
            else:
                out.append(_p(value, st, "cell"))
        cells.append(out)
    table = Table(cells, colWidths=[w * mm for w in widths_mm], repeatRows=1, hAlign="LEFT")
    font = [("FONT", cell, cell, FAMILY, size) for cell in plain_cells]
    table.setStyle(
        TableStyle(
            [
                *font,
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                *extra,
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 2, 8
    return table


def _light_cell(light: str, st: dict[str, Any]) -> Any:
    return _p(LIGHT_LABELS[light], st, "light")


def _light_style(row: int, col: int, light: str) -> tuple:
    from reportlab.lib import colors

    return ("BACKGROUND", (col, row), (col, row), colors.HexColor(LIGHT_COLOURS[light]))


def _cover(report: ProgressReport, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Spacer

    story: list[Any] = [Spacer(1, 40 * mm)]
    story.append(_p(report.plan_title, st, "kicker"))
    story.append(_p(report.title, st, "cover_title"))
    facts = [
        ("Gemeente", report.gemeente or "–"),
        ("Planperiode", report.periode),
        ("Stand tot en met", str(report.options.year)),
        ("Datum", f"{report.printed:%d-%m-%Y}"),
        ("Opgesteld door", report.organisation or "–"),
    ]
    story.append(Spacer(1, 8 * mm))
    story.append(
        _table(
            ["Gegeven", "Waarde"],
            [45, USABLE_MM - 45],
            [[label, value] for label, value in facts],
            st,
        )
    )
    story.append(PageBreak())
    return story


def _summary(report: ProgressReport, st: dict[str, Any]) -> list[Any]:
    story = [_p("1. Samenvatting", st, "h1"), *_paras(report.intro, st)]
    if not report.goals:
        story.append(_p("Het plan heeft nog geen subdoelen met een indicator.", st))
        return story
    rows, extra = [], []
    for n, goal in enumerate(report.goals, 1):
        detail = ", ".join(
            f"{count} {LIGHT_LABELS[key].lower()}" for key, count in goal.counts.items() if count
        )
        rows.append([goal.doel, _light_cell(goal.light, st), detail])
        extra.append(_light_style(n, 1, goal.light))
    story.append(
        _table(["Doel", "Stoplicht", "Indicatoren"], [100, 28, USABLE_MM - 128], rows, st, extra)
    )
    return story


def _indicators(report: ProgressReport, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Table, TableStyle

    story: list[Any] = [_p("2. Indicatoren", st, "h1")]
    legend = "; ".join(f"{_SYMBOL[kind]} {text}" for kind, _c, text in LEGEND)
    story.append(_p(f"In elke grafiek: {legend}.", st, "muted"))
    for progress in report.indicators:
        sub = progress.subdoel
        drawing = chart_drawing(
            chart_shapes(progress, CHART_W, CHART_H, report.years), CHART_W, CHART_H
        )
        facts = [
            _p(sub.omschrijving.strip() or sub.indicator.strip(), st, "h2"),
            _p(f"Indicator: {sub.indicator.strip()}", st, "small"),
            _p(
                f"Nulmeting: {sub.nulmeting or '–'} · Streefwaarde: {sub.streefwaarde or '–'}"
                f"{f' in {sub.streefjaar}' if sub.streefjaar else ''}",
                st,
                "small",
            ),
            _light_paragraph(progress.light, st),
            _p(progress.reason, st, "small"),
        ]
        table = Table(
            [[drawing, facts]],
            colWidths=[CHART_W + 6, (USABLE_MM * mm) - CHART_W - 6],
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#999999"),
                ]
            )
        )
        story.append(KeepTogether([table]))
    if not report.indicators:
        story.append(_p("Er zijn nog geen subdoelen met een indicator.", st))
    return story


_SYMBOL = {"line": "━", "dashed": "╌", "square": "□", "diamond": "◇"}


def _light_paragraph(light: str, st: dict[str, Any]) -> Any:
    """The light as a coloured dot and its word (our own text, so markup is safe)."""
    from reportlab.platypus import Paragraph

    colour = LIGHT_COLOURS[light]
    return Paragraph(f'<font color="{colour}">●</font> <b>{LIGHT_LABELS[light]}</b>', st["body"])


def _actions(report: ProgressReport, st: dict[str, Any]) -> list[Any]:
    years = report.covered_years
    span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    story = [_p("3. Acties", st, "h1"), _p(f"Status, bereik en uitgaven in {span}.", st)]
    rows = [
        [a.naam, str(a.jaar or "–"), a.status, a.bereik, a.uitgegeven, a.budget, a.toelichting]
        for a in report.actions
    ]
    if rows:
        story.append(
            _table(
                ["Actie", "Jaar", "Status", "Bereik", "Uitgegeven", "Begroting", "Toelichting"],
                [36, 13, 18, 25, 23, 28, USABLE_MM - 143],
                rows,
                st,
            )
        )
    else:
        story.append(_p("Het plan heeft nog geen acties.", st))
    story.append(_p(report.spending, st))
    return story


def _measurements(report: ProgressReport, st: dict[str, Any]) -> list[Any]:
    story = [_p("4. Metingen en bronnen", st, "h1")]
    rows = [
        [m.subdoel, m.jaar, m.waarde, m.groep, m.bron, m.toelichting] for m in report.measurements
    ]
    if rows:
        story.append(
            _table(
                ["Subdoel", "Jaar", "Waarde", "Groep", "Bron", "Toelichting"],
                [42, 11, 16, 25, 40, USABLE_MM - 134],
                rows,
                st,
            )
        )
    else:
        story.append(_p("Er zijn nog geen metingen vastgelegd.", st))
    return story


def _findings(report: ProgressReport, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    story = [_p("5. Open punten uit de plancheck", st, "h1")]
    if not report.findings:
        story.append(_p("De plancheck vond geen open punten.", st))
        return story
    for key, title in SEVERITIES:
        items = [f for f in report.findings if getattr(f, "severity", "") == key]
        if not items:
            continue
        story.append(_p(f"{title} ({len(items)})", st, "h2"))
        for finding in items:
            story.append(Paragraph(para_text(finding.text), st["bullet"], bulletText="•"))
            story.append(_p(f"Bron: {finding.source}", st, "muted"))
    return story


def progress_story(report: ProgressReport) -> list[Any]:
    st = _styles()
    return [
        *_cover(report, st),
        *_summary(report, st),
        *_indicators(report, st),
        *_actions(report, st),
        *_measurements(report, st),
        *_findings(report, st),
    ]


def progress_meta(report: ProgressReport) -> PdfMeta:
    who = report.organisation or report.gemeente
    return PdfMeta(
        title=f"{report.title} – {report.plan_title}",
        author=report.organisation or report.gemeente or "Drugspreventie Werkbank",
        subject=f"{report.title} {report.gemeente} {report.periode}".strip(),
        footer=plain_line(" · ".join(x for x in (who, report.title) if x), 60),
        printed=report.printed,
    )


def write_progress_pdf(target: Path, report: ProgressReport) -> Path:
    return write_pdf(target, progress_story(report), progress_meta(report))
