"""The Preventie- en Handhavingsplan as a formal A4 document: cover page, table of contents,
the eight numbered chapters with their tables, the coverage of the actions, the chosen
interventions (Bijlage A) and, when given, the outcome of the plan check (Bijlage B).

Everything the user typed goes through `para_text`. Free text is printed as paragraphs that
may run over pages; a table cell only ever gets a capped piece of text, and the full text
follows under the table, so no field can make reportlab's layout fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from drugspreventie_app.domain.intervention import (
    NIVEAUS,
    SETTINGS,
    Intervention,
)
from drugspreventie_app.domain.plan.model import Actie, Plan
from drugspreventie_app.domain.plan.options import (
    AANLEIDINGEN,
    DOMEINEN,
    HANDHAVING_MAATREGELEN,
    MODELLEN,
    PRIORITEITEN,
    REIKWIJDTE,
)
from drugspreventie_app.domain.plan.sections import SECTION_BY_ID
from drugspreventie_app.domain.text import strip_control_characters
from drugspreventie_app.export import plan_text
from drugspreventie_app.export.fonts import BOLD, FAMILY, ITALIC
from drugspreventie_app.export.handout import HandoutContext, organisation_block
from drugspreventie_app.export.markup import para_text, plain_line
from drugspreventie_app.export.pdf_document import TOC_STYLE, PdfMeta, styles, write_pdf

DOCUMENT_KIND = "Preventie- en Handhavingsplan"
FALLBACK_AUTHOR = "Drugspreventie Werkbank"
EMPTY = "(nog niet ingevuld)"
CONTENTS = "Inhoud"
COVERAGE_TITLE = "Dekking van de acties"
APPENDIX_INTERVENTIONS = "Bijlage A: Gekozen interventies"
APPENDIX_CHECK = "Bijlage B: Plancheck"
SEVERITIES = (("fout", "Fouten"), ("waarschuwing", "Waarschuwingen"), ("tip", "Tips"))

# The frame is 174 mm wide less reportlab's 6 pt frame padding on both sides: 169.7 mm.
USABLE_MM = 169
CHUNK_CHARS = 2500  # free text is printed in paragraphs of at most this many characters
CELL_MAX_CHARS = 360  # a table cell never holds more than this; the rest follows the table
CELL_MAX_LINES = 8
CELL_PAD = 4  # points, left and right
FOOTER_CHARS = 52


# --- styles --------------------------------------------------------------------------------


def plan_styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    st = styles()
    grey = colors.HexColor("#333333")
    st["section"] = ParagraphStyle(
        TOC_STYLE, parent=st["h1"], fontSize=16, leading=20, spaceBefore=4, spaceAfter=8
    )
    st["sub"] = ParagraphStyle("PlanH2", parent=st["h2"], spaceBefore=10, spaceAfter=4)
    st["h3"] = ParagraphStyle(
        "PlanH3", parent=st["body"], fontName=BOLD, spaceBefore=8, spaceAfter=2, keepWithNext=1
    )
    st["item"] = ParagraphStyle("PlanItem", parent=st["h3"], fontSize=11, spaceBefore=12)
    st["empty"] = ParagraphStyle("Empty", parent=st["body"], fontName=ITALIC, textColor=grey)
    st["field"] = ParagraphStyle("Field", parent=st["body"], spaceAfter=2)
    st["cell"] = ParagraphStyle("Cell", parent=st["small"], spaceAfter=0)
    st["cell_head"] = ParagraphStyle("CellHead", parent=st["cell"], fontName=BOLD)
    # for tables with many columns
    st["cell_compact"] = ParagraphStyle("CellCompact", parent=st["cell"], fontSize=7.5, leading=9.5)
    st["cell_head_compact"] = ParagraphStyle(
        "CellHeadCompact", parent=st["cell_compact"], fontName=BOLD
    )
    st["cell_bold"] = ParagraphStyle("CellBold", parent=st["cell"], fontName=BOLD)
    st["cell_sub"] = ParagraphStyle("CellSub", parent=st["cell"], leftIndent=8)
    st["cell_center"] = ParagraphStyle(
        "CellCenter", parent=st["cell"], alignment=TA_CENTER, fontName=BOLD, fontSize=10
    )
    st["cell_head_center"] = ParagraphStyle(
        "CellHeadCenter", parent=st["cell_head"], alignment=TA_CENTER
    )
    st["overflow"] = ParagraphStyle("Overflow", parent=st["small"], spaceAfter=3)
    st["overflow_head"] = ParagraphStyle(
        "OverflowHead",
        parent=st["small"],
        fontName=BOLD,
        spaceBefore=4,
        spaceAfter=1,
        keepWithNext=1,
    )
    st["cover_kicker"] = ParagraphStyle(
        "CoverKicker", parent=st["body"], fontName=BOLD, fontSize=14, leading=18, textColor=grey
    )
    st["cover_title"] = ParagraphStyle(
        "CoverTitle", parent=st["title"], fontSize=26, leading=32, spaceBefore=6, spaceAfter=10
    )
    st["cover_sub"] = ParagraphStyle(
        "CoverSub", parent=st["subtitle"], fontSize=13, leading=17, spaceAfter=14
    )
    st["cover_label"] = ParagraphStyle("CoverLabel", parent=st["body"], fontName=BOLD)
    st["cover_value"] = ParagraphStyle("CoverValue", parent=st["body"], spaceAfter=0)
    st["toc0"] = ParagraphStyle(
        "PlanTocLevel0", parent=st["body"], fontSize=11, leading=20, leftIndent=4
    )
    st["finding"] = ParagraphStyle(
        "Finding", parent=st["bullet"], spaceBefore=3, spaceAfter=0, leftIndent=14
    )
    st["finding_meta"] = ParagraphStyle(
        "FindingMeta", parent=st["muted"], leftIndent=14, spaceAfter=4
    )
    return st


# --- text helpers --------------------------------------------------------------------------


def _clean(text: Any) -> str:
    raw = "" if text is None else str(text)
    return strip_control_characters(raw).replace("\r\n", "\n").replace("\r", "\n")


def _filled(text: Any) -> bool:
    return bool(_clean(text).strip())


def text_chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """Split free text into paragraphs: at blank lines, and long blocks at a space (or, for
    one endless word, anywhere) so no single paragraph grows beyond `size` characters."""
    for block in re.split(r"\n[ \t]*\n", _clean(text)):
        block = block.strip("\n")
        while len(block) > size:
            cut = max(block.rfind(" ", size // 2, size), block.rfind("\n", size // 2, size))
            if cut <= 0:
                cut = size
            yield block[:cut]
            block = block[cut:].lstrip(" \n")
        if block.strip():
            yield block


def _para(text: str, st: dict[str, Any], style: str = "body") -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(para_text(text), st[style])


def _paras(text: str, st: dict[str, Any], style: str = "body") -> list[Any]:
    """Free text as one or more paragraphs, or the italic 'not filled in' line."""
    out = [_para(chunk, st, style) for chunk in text_chunks(text)]
    return out or [_para(EMPTY, st, "empty")]


def _field(label: str, value: str, st: dict[str, Any]) -> list[Any]:
    """'Label: value' with the label in bold; a long value continues in plain paragraphs."""
    from reportlab.platypus import Paragraph

    chunks = list(text_chunks(value)) or ["–"]
    first = Paragraph(f"<b>{para_text(label)}:</b> {para_text(chunks[0])}", st["field"])
    return [first, *[_para(c, st, "field") for c in chunks[1:]]]


def _bullets(items: Sequence[str], st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    out: list[Any] = []
    for item in items:
        chunks = list(text_chunks(item))
        if not chunks:
            continue
        out.append(Paragraph(para_text(chunks[0]), st["bullet"], bulletText="•"))
        out += [_para(c, st, "bullet") for c in chunks[1:]]
    return out or [_para(EMPTY, st, "empty")]


def _organisation(ctx: HandoutContext) -> str:
    return ctx.profile.organisatie.strip()


# --- headings ------------------------------------------------------------------------------


def _section_heading(section_id: str, st: dict[str, Any]) -> list[Any]:
    """A numbered chapter heading; its style makes it a contents entry and a bookmark."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak

    section = SECTION_BY_ID[section_id]
    return [CondPageBreak(80 * mm), _para(f"{section.number} {section.title}", st, "section")]


def _appendix_heading(title: str, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import PageBreak

    return [PageBreak(), _para(title, st, "section")]


def _sub(number: str, title: str, st: dict[str, Any]) -> list[Any]:
    """A subsection heading that never ends up alone at the bottom of a page."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(35 * mm), _para(f"{number} {title}", st, "sub")]


def _h3(text: str, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(25 * mm), _para(text, st, "h3")]


# --- tables --------------------------------------------------------------------------------


def _cell_limit(width_mm: float, font_size: float) -> int:
    """How many characters a cell of this width may hold and stay well under a page."""
    usable_pt = max(width_mm * 72 / 25.4 - 2 * CELL_PAD, 10)
    per_line = max(int(usable_pt / (font_size * 0.62)), 3)
    return max(min(CELL_MAX_CHARS, per_line * 22), 20)


def cap_cell(text: str, limit: int, max_lines: int = CELL_MAX_LINES) -> tuple[str, bool]:
    """The text a cell shows, and whether it was shortened."""
    clean = _clean(text).strip()
    lines = clean.split("\n")
    if len(clean) <= limit and len(lines) <= max_lines:
        return clean, False
    short = "\n".join(lines[:max_lines])[:limit]
    space = short.rfind(" ")
    if space > limit * 0.6:
        short = short[:space]
    return short.rstrip() + " …", True


class _Cell:
    """A table cell: its full text and the paragraph style to show it in."""

    def __init__(self, text: str, style: str = "cell") -> None:
        self.text = text
        self.style = style


def _data_table(
    headers: Sequence[str],
    widths_mm: Sequence[float],
    rows: Sequence[Sequence[str | _Cell]],
    st: dict[str, Any],
    *,
    extra_style: Sequence[tuple[Any, ...]] = (),
    compact: bool = False,
) -> list[Any]:
    """A ruled table readable in black and white, with a shaded header row that repeats on
    every page. Cells only get a capped piece of their text; every shortened cell is printed
    in full under the table, so nothing the user wrote is lost."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    body, head = ("cell_compact", "cell_head_compact") if compact else ("cell", "cell_head")
    limits = [_cell_limit(w, st[body].fontSize) for w in widths_mm]
    cells: list[list[Any]] = [[Paragraph(para_text(h), st[head]) for h in headers]]
    overflow: list[Any] = []
    for number, row in enumerate(rows, 1):
        out_row: list[Any] = []
        row_label = ""
        for col, value in enumerate(row):
            cell = value if isinstance(value, _Cell) else _Cell(value)
            shown, capped = cap_cell(cell.text, limits[col])
            if col == 0:
                row_label = plain_line(shown.rstrip(" …"), 60)
            if capped:
                shown += " (volledige tekst onder de tabel)"
                where = f"{row_label} – {headers[col]}" if col else f"{headers[col]}, rij {number}"
                overflow.append(_para(f"Volledige tekst: {where}", st, "overflow_head"))
                overflow += [_para(c, st, "overflow") for c in text_chunks(cell.text)]
            style = body if cell.style == "cell" else cell.style
            out_row.append(Paragraph(para_text(shown), st[style]))
        cells.append(out_row)
    table = Table(cells, colWidths=[w * mm for w in widths_mm], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                *extra_style,
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 2, 6
    return [table, *overflow]


# --- cover and contents --------------------------------------------------------------------


def _cover(plan: Plan, ctx: HandoutContext, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, PageBreak, Paragraph, Spacer, Table, TableStyle

    story: list[Any] = [*organisation_block(ctx, st), Spacer(1, 38 * mm)]
    if "handhavingsplan" not in _clean(plan.titel).casefold():
        story.append(_para(DOCUMENT_KIND, st, "cover_kicker"))
    story += _paras(plan.titel, st, "cover_title") if _filled(plan.titel) else []
    subtitle = " · ".join(x for x in (_clean(plan.gemeente).strip(), plan.periode_text()) if x)
    story.append(_para(subtitle, st, "cover_sub"))
    story.append(HRFlowable(width="100%", thickness=1.2, color=colors.black, spaceAfter=8))
    facts = [
        ("Gemeente", plan.gemeente),
        ("Periode", plan.periode_text()),
        ("Reikwijdte", plan_text.label(REIKWIJDTE, plan.reikwijdte)),
        ("Status", plan_text.status_text(plan)),
        ("Datum", f"{ctx.printed:%d-%m-%Y}"),
        ("Auteur", plan.auteur),
        ("Organisatie", _organisation(ctx)),
    ]
    rows: list[list[Any]] = []
    overflow: list[Any] = []
    limit = _cell_limit(USABLE_MM - 40, st["cover_value"].fontSize)
    for label, value in facts:
        shown, capped = cap_cell(value, limit, 4)
        if capped:
            overflow.append(_para(f"Volledige tekst: {label}", st, "overflow_head"))
            overflow += [_para(c, st, "overflow") for c in text_chunks(value)]
        rows.append(
            [
                Paragraph(para_text(label), st["cover_label"]),
                Paragraph(para_text(shown or "–"), st["cover_value"]),
            ]
        )
    table = Table(rows, colWidths=[40 * mm, (USABLE_MM - 40) * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.HexColor("#999999")),
            ]
        )
    )
    story += [table, *overflow, PageBreak()]
    return story


def _contents(st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import PageBreak
    from reportlab.platypus.tableofcontents import TableOfContents

    toc = TableOfContents()
    toc.levelStyles = [st["toc0"]]
    toc.dotsMinLevel = 0
    return [_para(CONTENTS, st, "title"), toc, PageBreak()]


# --- the chapters --------------------------------------------------------------------------


def _inleiding(plan: Plan, st: dict[str, Any]) -> list[Any]:
    inl = plan.inleiding
    out = _section_heading("inleiding", st)
    out += _sub("1.1", "Aanleiding", st)
    reasons = []
    for key in inl.aanleiding:
        if key == "anders" and _filled(inl.aanleiding_anders):
            reasons.append(f"Anders: {inl.aanleiding_anders}")
        else:
            reasons.append(plan_text.label(AANLEIDINGEN, key))
    if reasons:
        out += _bullets(reasons, st)
    if _filled(inl.aanleiding_toelichting) or not reasons:
        out += _paras(inl.aanleiding_toelichting, st)
    out += _sub("1.2", "Kaders", st)
    for title, items in (("Landelijke wetten", inl.wetten), ("Lokale kaders", inl.lokale_kaders)):
        out += _h3(title, st)
        chosen = [k for k in items if k.van_toepassing]
        if not chosen:
            out.append(_para(EMPTY, st, "empty"))
        for item in chosen:
            out += _field(item.naam, item.toelichting or "van toepassing", st)
    out += _sub("1.3", "Definities", st)
    out += _paras(inl.definities, st)
    return out


def _beleidsfocus(plan: Plan, st: dict[str, Any]) -> list[Any]:
    bf = plan.beleidsfocus
    out = _section_heading("beleidsfocus", st)
    out += [*_sub("2.1", "Visie", st), *_paras(bf.visie, st)]
    out += [*_sub("2.2", "Missie", st), *_paras(bf.missie, st)]
    out += _sub("2.3", "Model", st)
    if bf.model == "anders":
        out += _paras(f"Ander model: {bf.model_anders}" if _filled(bf.model_anders) else "", st)
    elif bf.model:
        out += _paras(plan_text.label(MODELLEN, bf.model), st)
    else:
        out.append(_para(EMPTY, st, "empty"))
    out += [*_sub("2.4", "Speerpunten", st), *_bullets(bf.speerpunten, st)]
    return out


def _lokale_situatie(plan: Plan, st: dict[str, Any]) -> list[Any]:
    ls = plan.lokale_situatie
    out = _section_heading("lokale_situatie", st)
    out += _sub("3.1", "Cijfers", st)
    if ls.cijfers:
        rows = [[c.indicator, c.doelgroep, c.waarde, c.jaar, c.bron] for c in ls.cijfers]
        out += _data_table(
            ["Indicator", "Doelgroep", "Waarde", "Jaar", "Bron"], (48, 34, 26, 13, 48), rows, st
        )
    else:
        out.append(_para(EMPTY, st, "empty"))
    out += [*_sub("3.2", "Bevindingen van professionals", st), *_paras(ls.bevindingen, st)]
    out += [*_sub("3.3", "Duiding", st), *_paras(ls.duiding, st)]
    out += _sub("3.4", "Doelgroepen", st)
    if ls.doelgroepen:
        out += _bullets(ls.doelgroepen, st)
    if _filled(ls.doelgroepen_toelichting) or not ls.doelgroepen:
        out += _paras(ls.doelgroepen_toelichting, st)
    out += _sub("3.5", "Stakeholders", st)
    if ls.stakeholders:
        rows = []
        for s in ls.stakeholders:
            name = s.organisatie
            if s.verslavingspreventie:
                name = f"{name}\n(verslavingspreventie)"
            rows.append([name, plan_text.label(DOMEINEN, s.domein), s.huidige_rol, s.gewenste_rol])
        out += _data_table(
            ["Organisatie", "Domein", "Huidige rol", "Gewenste rol"], (42, 25, 51, 51), rows, st
        )
    else:
        out.append(_para(EMPTY, st, "empty"))
    return out


def _doelen(plan: Plan, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib import colors

    out = _section_heading("doelen", st)
    out += _sub("4.1", "Doelen en subdoelen", st)
    if not plan.doelen:
        out.append(_para(EMPTY, st, "empty"))
    else:
        rows: list[list[str | _Cell]] = []
        extra: list[tuple[Any, ...]] = []
        for d, doel in enumerate(plan.doelen, 1):
            row = len(rows) + 1  # the header is row 0
            extra += [
                ("SPAN", (0, row), (4, row)),
                ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#f2f2f2")),
            ]
            rows.append(
                [
                    _Cell(f"Doel {d}. {_clean(doel.omschrijving).strip() or EMPTY}", "cell_bold"),
                    "",
                    "",
                    "",
                    "",
                    _Cell(plan_text.label(PRIORITEITEN, doel.prioriteit), "cell_bold"),
                ]
            )
            if not doel.subdoelen:
                rows.append([_Cell("(nog geen subdoelen)", "cell_sub"), "", "", "", "", ""])
            for s, sub in enumerate(doel.subdoelen, 1):
                rows.append(
                    [
                        _Cell(f"{d}.{s} {_clean(sub.omschrijving).strip()}", "cell_sub"),
                        sub.indicator,
                        sub.nulmeting,
                        sub.streefwaarde,
                        "" if sub.streefjaar is None else str(sub.streefjaar),
                        "",
                    ]
                )
        out += _data_table(
            ["Doel / subdoel", "Indicator", "Nulmeting", "Streefwaarde", "Jaar", "Prioriteit"],
            (57, 33, 23, 25, 12, 19),
            rows,
            st,
            extra_style=extra,
        )
    out += _sub("4.2", "Prioriteiten", st)
    by_priority = [
        (label, [f"Doel {d}" for d, doel in enumerate(plan.doelen, 1) if doel.prioriteit == key])
        for key, label in PRIORITEITEN.items()
    ]
    lines = [f"{label}: {', '.join(doelen)}" for label, doelen in by_priority if doelen]
    out += _bullets(lines, st)
    return out


def coverage_by_cell(plan: Plan) -> dict[tuple[str, str], list[str]]:
    """(setting, niveau) -> the names of the actions there; only known settings and levels."""
    coverage: dict[tuple[str, str], list[str]] = {}
    for actie in plan.acties:
        if actie.setting in SETTINGS and actie.niveau in NIVEAUS:
            name = _clean(actie.naam).strip() or "(actie zonder naam)"
            coverage.setdefault((actie.setting, actie.niveau), []).append(name)
    return coverage


def _gap_cell(width: float, height: float, label: str) -> Any:
    """A hatched cell that marks a gap in the coverage table, visible in black and white."""
    from reportlab.lib import colors
    from reportlab.platypus import Flowable

    class GapCell(Flowable):
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return width, height

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            path = c.beginPath()
            path.rect(0, 0, width, height)
            c.clipPath(path, stroke=0, fill=0)
            c.setFillColor(colors.HexColor("#ececec"))
            c.rect(0, 0, width, height, stroke=0, fill=1)
            c.setStrokeColor(colors.HexColor("#7a7a7a"))
            c.setLineWidth(0.5)
            x = -height
            while x < width:
                c.line(x, 0, x + height, height)
                x += 4.0
            c.restoreState()
            c.setFillColor(colors.white)
            c.rect(width / 2 - 5, height / 2 - 5, 10, 10, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setFont(FAMILY, 8)
            c.drawCentredString(width / 2, height / 2 - 2.8, label)

    return GapCell()


def _coverage_table(plan: Plan, st: dict[str, Any]) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    coverage = coverage_by_cell(plan)
    niveaus = list(NIVEAUS)
    setting_w, niveau_w, total_w = 38 * mm, 23 * mm, (USABLE_MM - 38 - 5 * 23) * mm
    row_h = 7.5 * mm
    header = [Paragraph("Setting", st["cell_head"])]
    header += [
        Paragraph(
            f'{code}<br/><font name="{FAMILY}" size="7">{para_text(NIVEAUS[code])}</font>',
            st["cell_head_center"],
        )
        for code in niveaus
    ]
    header.append(Paragraph("Totaal", st["cell_head_center"]))
    rows: list[list[Any]] = [header]
    commands: list[tuple[Any, ...]] = []
    for r, (key, label) in enumerate(SETTINGS.items(), 1):
        row: list[Any] = [Paragraph(para_text(label), st["cell"])]
        total = 0
        for c, code in enumerate(niveaus, 1):
            count = len(coverage.get((key, code), []))
            total += count
            if count:
                row.append(Paragraph(str(count), st["cell_center"]))
            else:
                row.append(_gap_cell(niveau_w, row_h, "0"))
                commands += [
                    ("LEFTPADDING", (c, r), (c, r), 0),
                    ("RIGHTPADDING", (c, r), (c, r), 0),
                    ("TOPPADDING", (c, r), (c, r), 0),
                    ("BOTTOMPADDING", (c, r), (c, r), 0),
                ]
        row.append(Paragraph(str(total), st["cell_center"]))
        rows.append(row)
    totals: list[Any] = [Paragraph("Totaal", st["cell_head"])]
    for code in niveaus:
        count = sum(len(v) for (_, n), v in coverage.items() if n == code)
        totals.append(Paragraph(str(count), st["cell_center"]))
    totals.append(Paragraph(str(sum(len(v) for v in coverage.values())), st["cell_center"]))
    rows.append(totals)
    table = Table(
        rows,
        colWidths=[setting_w] + [niveau_w] * len(niveaus) + [total_w],
        rowHeights=[None] + [row_h] * len(SETTINGS) + [row_h],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
                ("LINEBEFORE", (-1, 0), (-1, -1), 1, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#e0e0e0")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("LEFTPADDING", (1, 0), (-1, 0), 2),
                ("RIGHTPADDING", (1, 0), (-1, 0), 2),
                *commands,
            ]
        )
    )
    table.spaceBefore, table.spaceAfter = 4, 4
    out: list[Any] = [
        _para(
            "Aantal acties per setting en preventieniveau. Een gearceerd vak met 0 is een "
            "setting en niveau waar het plan nog geen actie heeft: bespreek in de werkgroep "
            "of dat zo bedoeld is.",
            st,
        ),
        table,
    ]
    loose = [
        _clean(a.naam).strip() or "(actie zonder naam)"
        for a in plan.acties
        if a.setting not in SETTINGS or a.niveau not in NIVEAUS
    ]
    if loose:
        out.append(
            _para(
                f"Niet in de tabel, omdat setting of niveau ontbreekt: {'; '.join(loose)}.",
                st,
                "muted",
            )
        )
    return out


def _action_details(
    actie: Actie,
    number: int,
    plan: Plan,
    interventions: Mapping[str, Intervention],
    numbers: Mapping[str, str],
    st: dict[str, Any],
) -> list[Any]:
    out = _h3(f"Actie {number}. {_clean(actie.naam).strip() or '(zonder naam)'}", st)
    if _filled(actie.beschrijving):
        out += _paras(actie.beschrijving, st)
    item = interventions.get(actie.interventie_id or "")
    if item is not None:
        out += _field("Interventie", f"{item.naam} ({item.erkenning}); zie bijlage A", st)
    elif actie.interventie_id:
        out += _field("Interventie", "niet meer beschikbaar in de Werkbank", st)
    else:
        out += _field("Interventie", "eigen maatregel, geen interventie uit de catalogus", st)
    fields = plan_text.action_fields(actie, plan, numbers)
    for label, value in fields:
        if _filled(value):
            out += _field(label, value, st)
    return out


def _acties(plan: Plan, interventions: Mapping[str, Intervention], st: dict[str, Any]) -> list[Any]:
    numbers = plan_text.subdoel_numbers(plan)
    out = _section_heading("acties", st)
    out += _sub("5.1", "Overzicht van de acties", st)
    if plan.acties:
        rows = []
        for actie in plan.acties:
            served = [plain_line(s, 70) for s in plan_text.served_subdoelen(actie, plan, numbers)]
            rows.append(
                [
                    actie.naam,
                    " · ".join(
                        x for x in (actie.niveau, plan_text.label(SETTINGS, actie.setting)) if x
                    ),
                    actie.doelgroep,
                    actie.uitvoerder,
                    "\n".join(
                        x for x in (plan_text.planning(actie), _clean(actie.budget).strip()) if x
                    ),
                    "\n".join(served),
                ]
            )
        out += _data_table(
            [
                "Actie",
                "Niveau en setting",
                "Doelgroep",
                "Uitvoerder",
                "Planning en budget",
                "Dient subdoelen",
            ],
            (29, 25, 27, 30, 24, 34),
            rows,
            st,
            compact=True,
        )
        out.append(
            _para(
                "Niveaus: " + ", ".join(f"{k} = {v.lower()}" for k, v in NIVEAUS.items()) + ".",
                st,
                "muted",
            )
        )
    else:
        out.append(_para(EMPTY, st, "empty"))
    out += _sub("5.2", COVERAGE_TITLE, st)
    out += _coverage_table(plan, st)
    out += _sub("5.3", "Beschrijving per actie", st)
    if not plan.acties:
        out.append(_para(EMPTY, st, "empty"))
    for number, actie in enumerate(plan.acties, 1):
        out += _action_details(actie, number, plan, interventions, numbers, st)
    return out


def _handhaving(plan: Plan, st: dict[str, Any]) -> list[Any]:
    out = _section_heading("handhaving", st)
    out += _sub("6.1", "Maatregelen en toezicht", st)
    if not plan.handhaving:
        out.append(_para(EMPTY, st, "empty"))
        return out
    rows = [
        [
            plan_text.label(HANDHAVING_MAATREGELEN, m.maatregel),
            m.omschrijving,
            m.instrument,
            m.verantwoordelijke,
            m.frequentie,
        ]
        for m in plan.handhaving
    ]
    out += _data_table(
        ["Maatregel", "Omschrijving", "Instrument", "Verantwoordelijke", "Frequentie"],
        (27, 46, 33, 33, 30),
        rows,
        st,
        compact=True,
    )
    return out


def _evaluatie(plan: Plan, st: dict[str, Any]) -> list[Any]:
    ev = plan.evaluatie
    out = _section_heading("evaluatie", st)
    out += _sub("7.1", "Evaluatiemomenten", st)
    moments = [
        ("Jaarlijkse monitoring", ev.jaarlijks),
        ("Tussentijdse evaluatie", ev.tussentijds),
        ("Eindevaluatie", ev.eindevaluatie),
    ]
    if any(_filled(text) for _, text in moments):
        rows = [[label, _clean(text).strip() or EMPTY] for label, text in moments]
        out += _data_table(["Moment", "Hoe en wanneer"], (42, 127), rows, st)
    else:
        out.append(_para(EMPTY, st, "empty"))
    out += [*_sub("7.2", "Indicatoren", st), *_bullets(ev.indicatoren, st)]
    out += [*_sub("7.3", "Sleutelfiguren", st), *_bullets(ev.sleutelfiguren, st)]
    return out


def _communicatie(plan: Plan, st: dict[str, Any]) -> list[Any]:
    com = plan.communicatie
    out = _section_heading("communicatie", st)
    out += [*_sub("8.1", "Doelen", st), *_paras(com.doelen, st)]
    out += [*_sub("8.2", "Doelgroepen", st), *_paras(com.doelgroepen, st)]
    out += [*_sub("8.3", "Kanalen", st), *_paras(com.kanalen, st)]
    return out


# --- appendices ----------------------------------------------------------------------------


def _appendix_interventions(
    plan: Plan, interventions: Mapping[str, Intervention], st: dict[str, Any]
) -> list[Any]:
    from reportlab.platypus import KeepTogether

    out = _appendix_heading(APPENDIX_INTERVENTIONS, st)
    chosen = plan_text.chosen_interventions(plan, interventions)
    if not chosen:
        out.append(_para("(geen interventies uit de catalogus gekozen)", st, "empty"))
        return out
    out.append(
        _para(
            "De erkende en eigen interventies die de acties in hoofdstuk 5 gebruiken, met de "
            "erkenning uit de databanken.",
            st,
        )
    )
    for item, actions in chosen:
        heading = f"{item.naam} (eigen, lokaal)" if item.lokaal else item.naam
        block: list[Any] = [_para(heading, st, "item")]
        block += _field("Erkenning", item.erkenning, st)
        if _filled(item.doelgroep):
            block += _field("Doelgroep", item.doelgroep, st)
        block += _field("Leeftijd", item.age_text(), st)
        block += _field("Setting", plan_text.labels(item.settings, SETTINGS) or "–", st)
        block += _field("Niveau", plan_text.labels(item.niveaus, NIVEAUS) or "–", st)
        if _filled(item.beschrijving):
            block += _paras(item.beschrijving, st)
        block += _field("Gebruikt in", "; ".join(actions), st)
        # interventions are short: keep each on one page; a long one still splits
        out.append(KeepTogether(block))
    return out


def _appendix_check(findings: Sequence[Any], ctx: HandoutContext, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    out = _appendix_heading(APPENDIX_CHECK, st)
    out.append(
        _para(
            f"Uitkomst van de plancheck van de Werkbank op {ctx.printed:%d-%m-%Y}: wat nog "
            "ontbreekt of tegen de richtlijnen ingaat, met de bron.",
            st,
        )
    )
    if not findings:
        out.append(_para("De plancheck vond geen punten.", st))
        return out
    known = {key for key, _ in SEVERITIES}
    groups = [*SEVERITIES]
    if any(getattr(f, "severity", "") not in known for f in findings):
        groups.append(("", "Overige punten"))
    for key, title in groups:
        items = [
            f
            for f in findings
            if getattr(f, "severity", "") == key
            or (not key and getattr(f, "severity", "") not in known)
        ]
        if not items:
            continue
        out += _h3(f"{title} ({len(items)})", st)
        items.sort(key=lambda f: plan_text.section_rank(getattr(f, "section", "")))
        for finding in items:
            chunks = list(text_chunks(getattr(finding, "text", ""))) or ["–"]
            out.append(Paragraph(para_text(chunks[0]), st["finding"], bulletText="•"))
            out += [_para(c, st, "finding") for c in chunks[1:]]
            meta = []
            section = plan_text.section_name(getattr(finding, "section", ""))
            if section:
                meta.append(f"Hoofdstuk: {section}")
            source = _clean(getattr(finding, "source", "")).strip()
            if source:
                meta.append(f"Bron: {source}")
            if meta:
                out += [_para(c, st, "finding_meta") for c in text_chunks(" · ".join(meta))]
    return out


# --- the document --------------------------------------------------------------------------


def plan_story(
    plan: Plan,
    ctx: HandoutContext,
    interventions: Mapping[str, Intervention],
    findings: Sequence[Any] | None = None,
    *,
    st: dict[str, Any] | None = None,
) -> list[Any]:
    st = st or plan_styles()
    story: list[Any] = [*_cover(plan, ctx, st), *_contents(st)]
    story += _inleiding(plan, st)
    story += _beleidsfocus(plan, st)
    story += _lokale_situatie(plan, st)
    story += _doelen(plan, st)
    story += _acties(plan, interventions, st)
    story += _handhaving(plan, st)
    story += _evaluatie(plan, st)
    story += _communicatie(plan, st)
    story += _appendix_interventions(plan, interventions, st)
    if findings is not None:
        story += _appendix_check(list(findings), ctx, st)
    return _keep_headings_with_text(story)


def _keep_headings_with_text(story: list[Any]) -> list[Any]:
    """Drop a conditional page break right after a heading: the heading keeps with the
    next flowable, and a break there would leave it alone at the foot of the page."""
    from reportlab.platypus import CondPageBreak

    out: list[Any] = []
    for flowable in story:
        previous = out[-1] if out else None
        after_heading = bool(getattr(getattr(previous, "style", None), "keepWithNext", 0))
        if isinstance(flowable, CondPageBreak) and after_heading:
            continue
        out.append(flowable)
    return out


def plan_meta(plan: Plan, ctx: HandoutContext) -> PdfMeta:
    titel = _clean(plan.titel).strip() or DOCUMENT_KIND
    gemeente = _clean(plan.gemeente).strip()
    org = _organisation(ctx)
    author = org or _clean(plan.auteur).strip() or FALLBACK_AUTHOR
    subject = " ".join(x for x in (DOCUMENT_KIND, gemeente, plan.periode_text()) if x)
    # The shared footer prints the date from the middle of the page: stay clear of it.
    footer = plain_line(" · ".join(x for x in (org or gemeente, titel) if x), FOOTER_CHARS)
    return PdfMeta(
        title=titel,
        author=author,
        subject=subject,
        footer=footer,
        printed=ctx.printed,
    )


def write_plan_pdf(
    target: Path,
    plan: Plan,
    ctx: HandoutContext,
    interventions: Mapping[str, Intervention],
    findings: Sequence[Any] | None = None,
) -> Path:
    """Write the plan as a formal PDF with contents and bookmarks; returns `target`."""
    story = plan_story(plan, ctx, interventions, findings)
    return write_pdf(target, story, plan_meta(plan, ctx), with_toc=True)
