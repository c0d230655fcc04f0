"""Draw a `Document` as a tagged A4 PDF with reportlab.

Everything PDF-specific lives here: the styles, the running footer ('pagina X van Y'),
escaping for reportlab's paragraph markup, the emoji font, splitting of very long texts,
table cells that are capped (the full text follows under the table, because reportlab cannot
split one row over two pages), headings kept with what follows, the table of contents with
described links, and the coverage figure drawn as vector shapes. Each block is tagged with its
role (`pdf_tagging`).
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from drugspreventie_app.export import document as dm
from drugspreventie_app.export.fonts import BOLD, FAMILY, ITALIC, register_fonts
from drugspreventie_app.export.markup import para_text
from drugspreventie_app.export.pdf_tagging import (
    DocumentInfo,
    StructNode,
    Tagged,
    tagging_canvas_class,
)
from drugspreventie_app.storage.atomic import atomic_write_bytes

MARGIN_MM = 18
USABLE_MM = 169  # the 174 mm frame less reportlab's 6 pt padding on both sides
CHUNK_CHARS = 2500  # free text is drawn in paragraphs of at most this many characters
CELL_MAX_CHARS = 360  # a table cell never holds more than this; the rest follows the table
CELL_MAX_LINES = 8
CELL_PAD = 4
PLENTY_OF_ROOM = 100  # points left under a heading that surely hold the next lines
# points left on a page that surely hold a run of headings and a table's header and first row
# (capped cells keep a row under about 110 points)
SURELY_ENOUGH_ROOM = 320
FOOTER_CHARS = 70
# reportlab's tables select Helvetica for string cells even when they draw nothing; every
# font a page refers to must be embedded
NO_HELVETICA = ("FONTNAME", (0, 0), (-1, -1), FAMILY)
RTL_NOTICE = "[tekst van rechts naar links: zie de Word-versie]"
RTL_REPORT = (
    "Tekst die van rechts naar links loopt (Arabisch, Hebreeuws) kan de PDF niet in de "
    "goede volgorde zetten; daar staat in de PDF een verwijzing naar de Word-versie."
)


# --- styles --------------------------------------------------------------------------------


def styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    grey = colors.HexColor("#333333")
    base = ParagraphStyle(
        "Body",
        fontName=FAMILY,
        bulletFontName=FAMILY,
        fontSize=10,
        leading=14,
        spaceAfter=4,
        splitLongWords=1,
    )

    def style(name: str, parent: Any = base, **kw: Any) -> Any:
        return ParagraphStyle(name, parent=parent, **kw)

    st: dict[str, Any] = {"body": base}
    st["small"] = style("Small", fontSize=8, leading=10.5)
    st["muted"] = style("Muted", fontSize=8.5, leading=11, textColor=colors.HexColor("#444444"))
    st["empty"] = style("Empty", fontName=ITALIC, textColor=grey)
    st["title"] = style("Title", fontName=BOLD, fontSize=20, leading=25, spaceAfter=8)
    st["subtitle"] = style("Subtitle", fontName=ITALIC, fontSize=11, leading=15, spaceAfter=8)
    st["kicker"] = style("Kicker", fontName=BOLD, fontSize=14, leading=18, textColor=grey)
    st["cover_title"] = style(
        "CoverTitle", st["title"], fontSize=26, leading=32, spaceBefore=6, spaceAfter=10
    )
    st["cover_sub"] = style("CoverSub", st["subtitle"], fontSize=13, leading=17, spaceAfter=14)
    st["h1"] = style("H1", fontName=BOLD, fontSize=14, leading=18, spaceBefore=10, spaceAfter=4)
    st["h2"] = style("H2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3)
    st["h3"] = style("H3", fontName=BOLD, spaceBefore=8, spaceAfter=2)
    st["heading_title"] = style("HeadingTitle", st["title"])
    st["bullet"] = style("Bullet", leftIndent=12, bulletIndent=2, spaceAfter=2)
    st["bullet_note"] = style("BulletNote", st["muted"], leftIndent=12, spaceAfter=4)
    st["field"] = style("Field", spaceAfter=2)
    st["box"] = style(
        "Box",
        fontName=BOLD,
        fontSize=10.5,
        leading=14,
        borderColor=colors.black,
        borderWidth=1,
        borderPadding=6,
        spaceBefore=6,
        spaceAfter=10,
    )
    st["cell"] = style("Cell", st["small"], spaceAfter=0)
    st["cell_head"] = style("CellHead", st["cell"], fontName=BOLD)
    st["cell_compact"] = style("CellCompact", st["cell"], fontSize=7.5, leading=9.5)
    st["cell_head_compact"] = style("CellHeadCompact", st["cell_compact"], fontName=BOLD)
    st["cell_center"] = style("CellCenter", st["cell"], alignment=TA_CENTER)
    st["overflow"] = style("Overflow", st["small"], spaceAfter=3)
    st["overflow_head"] = style(
        "OverflowHead", st["small"], fontName=BOLD, spaceBefore=4, spaceAfter=1
    )
    st["fact_label"] = style("FactLabel", fontName=BOLD)
    st["fact_value"] = style("FactValue", spaceAfter=0)
    st["toc0"] = style("Toc0", fontSize=11, leading=15, spaceBefore=4, leftIndent=4)
    st["toc1"] = style("Toc1", fontSize=9.5, leading=13, leftIndent=18)
    st["warn_head"] = style("WarnHead", st["h2"], spaceBefore=0, spaceAfter=0, fontSize=12)
    st["warn"] = style("Warn", spaceAfter=0, leftIndent=14, bulletIndent=0)
    return st


# --- text ----------------------------------------------------------------------------------


def is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


# Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their presentation forms: a quick test before
# the exact one per character
_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def has_rtl(text: str) -> bool:
    return not text.isascii() and bool(_MAYBE_RTL.search(text)) and any(map(is_rtl, text))


class _Text:
    """Turns model text into reportlab paragraph markup; remembers right-to-left text,
    which reportlab (without a bidi library) would print reversed."""

    def __init__(self) -> None:
        self.rtl_found = False

    def __call__(self, text: str) -> str:
        if has_rtl(text):
            self.rtl_found = True
            text = _drop_rtl_runs(text)
        return para_text(text)


def _drop_rtl_runs(text: str) -> str:
    """Each run of right-to-left text (with the spaces and marks inside it) as one notice."""
    out: list[str] = []
    pending = ""  # spaces after RTL text: part of the run only if more RTL text follows
    in_run = False
    for ch in text:
        if is_rtl(ch):
            if not in_run:
                out.append(RTL_NOTICE)
                in_run = True
            pending = ""
        elif in_run and (ch == " " or unicodedata.bidirectional(ch) == "NSM"):
            pending += ch if ch == " " else ""
        else:
            out.append(pending)
            pending, in_run = "", False
            out.append(ch)
    return "".join(out) + pending


def text_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Long text cut at a space (or, for one endless word, anywhere) into pieces of at most
    `size` characters, so no paragraph makes reportlab's layout crawl."""
    out = []
    for block in dm.text_blocks(text):
        while len(block) > size:
            cut = max(block.rfind(" ", size // 2, size), block.rfind("\n", size // 2, size))
            if cut <= 0:
                cut = size
            out.append(block[:cut])
            block = block[cut:].lstrip(" \n")
        if block.strip():
            out.append(block)
    return out


def cap_cell(text: str, limit: int, max_lines: int = CELL_MAX_LINES) -> tuple[str, bool]:
    """The text a cell shows, and whether it was shortened."""
    clean = text.strip()
    lines = clean.split("\n")
    if len(clean) <= limit and len(lines) <= max_lines:
        return clean, False
    short = "\n".join(lines[:max_lines])[:limit]
    space = short.rfind(" ")
    if space > limit * 0.6:
        short = short[:space]
    return short.rstrip() + " …", True


def _cell_limit(width_mm: float, font_size: float) -> int:
    usable_pt = max(width_mm * 72 / 25.4 - 2 * CELL_PAD, 10)
    per_line = max(int(usable_pt / (font_size * 0.62)), 3)
    return max(min(CELL_MAX_CHARS, per_line * 22), 20)


# --- the renderer --------------------------------------------------------------------------


class _Renderer:
    def __init__(self, doc: dm.Document) -> None:
        self.doc = doc
        self.st = styles()
        self.text = _Text()
        self.root = StructNode("Document")

    # paragraphs
    def para(self, text: str, style: str, node: StructNode, **kw: Any) -> Any:
        from reportlab.platypus import Paragraph

        return Tagged(Paragraph(self.text(text), self.st[style]), node, **kw)

    def paras(self, text: str, style: str, tag: str = "P") -> list[Any]:
        return [self.para(c, style, self.root.add(tag)) for c in text_chunks(text)]

    def flowables(self, blocks: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        for block in blocks:
            out += getattr(self, "_" + type(block).__name__.lower())(block)
        return _keep_headings(out)

    def _heading(self, h: dm.Heading) -> list[Any]:
        from reportlab.platypus import PageBreak

        level = min(max(h.level, 1), 3)
        node = self.root.add(f"H{level}")
        style = "heading_title" if h.style == "title" else f"h{level}"
        text = dm.one_line(h.text, 500)
        entry = (level - 1, text) if h.contents else None
        heading = self.para(text, style, node, toc_entry=entry)
        heading.is_heading = True
        return [PageBreak(), heading] if h.page_break else [heading]

    def _paragraph(self, p: dm.Paragraph) -> list[Any]:
        return self.paras(p.text, p.style if p.style in self.st else "body")

    def _field(self, f: dm.Field) -> list[Any]:
        from reportlab.platypus import Paragraph

        chunks = text_chunks(f.value) or ["–"]
        node = self.root.add("P")
        markup = f"<b>{self.text(f.label)}:</b> {self.text(chunks[0])}"
        out: list[Any] = [Tagged(Paragraph(markup, self.st["field"]), node)]
        return out + [self.para(c, "field", node) for c in chunks[1:]]

    def _bulletlist(self, b: dm.BulletList) -> list[Any]:
        from reportlab.platypus import Paragraph

        lst = self.root.add("L")
        out: list[Any] = []
        notes = list(b.notes) + [""] * (len(b.items) - len(b.notes))
        for item, note in zip(b.items, notes, strict=True):
            li = lst.add("LI")
            label, body = li.add("Lbl"), li.add("LBody")
            chunks = text_chunks(item) or ["–"]
            first = Paragraph(self.text(chunks[0]), self.st["bullet"], bulletText="•")
            out.append(Tagged(first, body, label=label))
            out += [self.para(c, "bullet", body) for c in chunks[1:]]
            out += [self.para(c, "bullet_note", body) for c in text_chunks(note)]
        return out

    def _note(self, n: dm.Note) -> list[Any]:
        return self.paras(n.text, "box")

    def _rule(self, r: dm.Rule) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.platypus import HRFlowable

        if r.heavy:
            return [HRFlowable(width="100%", thickness=1.2, color=colors.black, spaceAfter=8)]
        grey = colors.HexColor("#999999")
        return [HRFlowable(width="100%", thickness=0.4, color=grey, spaceBefore=4, spaceAfter=0)]

    def _space(self, s: dm.Space) -> list[Any]:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        return [Spacer(1, s.height_mm * mm)]

    def _pagebreak(self, _: dm.PageBreak) -> list[Any]:
        from reportlab.platypus import PageBreak

        return [PageBreak()]

    def _group(self, g: dm.Group) -> list[Any]:
        from reportlab.platypus import KeepTogether

        return [KeepTogether(self.flowables(g.blocks))]

    def _contents(self, c: dm.Contents) -> list[Any]:
        title = self.para(c.title, "title", self.root.add("H1"))
        return [title, _contents_flowable(self, c.levels)]

    # figures
    def _figure(self, f: dm.Figure) -> list[Any]:
        node = self.root.add("Figure", alt=f.alt)
        if f.kind == "coverage":
            return [Tagged(_coverage_drawing(f.data), node)]
        if f.kind == "chart":
            from drugspreventie_app.export.progress_chart_render import chart_drawing

            shapes, width, height, _ = f.data
            return [Tagged(_without_helvetica(chart_drawing(shapes, width, height)), node)]
        return self._logo(f, node)

    def _logo(self, f: dm.Figure, node: StructNode) -> list[Any]:
        from reportlab.lib.units import mm
        from reportlab.platypus import Image

        try:
            img = Image(str(f.source))
            scale = min(45 * mm / img.imageWidth, 18 * mm / img.imageHeight)
            img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
            img.hAlign = "LEFT"
        except Exception:  # a logo that became unreadable must not stop the export
            self.root.children.remove(node)
            return self.paras(dm.LOGO_UNREADABLE, "muted")
        return [Tagged(img, node)]

    # tables
    def _cell(self, text: str, style: str, node: StructNode) -> Any:
        from reportlab.platypus import Paragraph

        return Tagged(Paragraph(self.text(text), self.st[style]), node)

    def _table(self, t: dm.Table) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.lib.units import mm
        from reportlab.platypus import Table, TableStyle

        body, head = ("cell_compact", "cell_head_compact") if t.compact else ("cell", "cell_head")
        limits = [_cell_limit(w, self.st[body].fontSize) for w in t.widths_mm]
        table_node = self.root.add("Table")
        head_row = table_node.add("THead").add("TR")
        rows: list[list[Any]] = [
            [self._cell(h, head, head_row.add("TH", scope="Column")) for h in t.headers]
        ]
        tbody = table_node.add("TBody")
        overflow: list[Any] = []
        commands: list[tuple[Any, ...]] = []
        ncols = len(t.widths_mm)
        for number, row in enumerate(t.rows, 1):
            tr = tbody.add("TR")
            out_row: list[Any] = []
            label = dm.one_line(row[0].text, 60) if row else ""
            col = 0
            for cell in row:
                if col >= ncols:
                    break
                span = max(1, min(cell.span, ncols - col))
                shown, capped = cap_cell(cell.text, limits[col])
                if capped:
                    shown += " (volledige tekst onder de tabel)"
                    where = (
                        f"{label} – {t.headers[col]}" if col else f"{t.headers[col]}, rij {number}"
                    )
                    overflow += self.paras(f"Volledige tekst: {where}", "overflow_head")
                    overflow += self.paras(cell.text, "overflow")
                style = "cell_head" if cell.bold else body
                para = self._cell(shown, style, tr.add("TD", colspan=span))
                if cell.indent:
                    para.inner.style = _indented(self.st[style])
                out_row.append(para)
                if span > 1:
                    commands.append(("SPAN", (col, number), (col + span - 1, number)))
                    out_row += [""] * (span - 1)
                if cell.shade:
                    commands.append(
                        ("BACKGROUND", (0, number), (-1, number), colors.HexColor("#f2f2f2"))
                    )
                if cell.fill:
                    commands.append(
                        ("BACKGROUND", (col, number), (col, number), colors.HexColor(cell.fill))
                    )
                col += span
            while col < ncols:
                out_row.append(self._cell("", body, tr.add("TD")))
                col += 1
            rows.append(out_row)
        table = Table(rows, colWidths=[w * mm for w in t.widths_mm], repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    NO_HELVETICA,
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                    ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                    *commands,
                ]
            )
        )
        table.spaceBefore, table.spaceAfter = 2, 6
        return [table, *overflow]

    def _facts(self, f: dm.Facts) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.lib.units import mm
        from reportlab.platypus import Table, TableStyle

        limit = _cell_limit(USABLE_MM - 40, self.st["fact_value"].fontSize)
        rows, overflow = [], []
        for label, value in f.items:
            node = self.root.add("P")  # read as one line: 'Gemeente Zutphen'
            shown, capped = cap_cell(value, limit, 4)
            rows.append(
                [
                    self._cell(label, "fact_label", node),
                    self._cell(shown or "–", "fact_value", node),
                ]
            )
            if capped:
                overflow += self.paras(f"Volledige tekst: {label}", "overflow_head")
                overflow += self.paras(value, "overflow")
        table = Table(rows, colWidths=[40 * mm, (USABLE_MM - 40) * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    NO_HELVETICA,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.HexColor("#999999")),
                ]
            )
        )
        return [table, *overflow]

    def _warnings(self, w: dm.Warnings) -> list[Any]:
        """A heavy black box, one row per item, so it stands out on a black-and-white print;
        a one-column table to a screen reader, as in Word."""
        from reportlab.lib import colors
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, Table, TableStyle

        table_node = self.root.add("Table")
        head = table_node.add("THead").add("TR").add("TH", scope="Column")
        rows: list[list[Any]] = [[self._cell(w.title, "warn_head", head)]]
        tbody = table_node.add("TBody")
        for strong, reason in w.items:
            cell = tbody.add("TR").add("TD")
            markup = f"<b>{self.text(strong)}</b><br/>{self.text(reason)}"
            rows.append([Tagged(Paragraph(markup, self.st["warn"], bulletText="✗"), cell)])
        table = Table(rows, colWidths=[174 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    NO_HELVETICA,
                    ("BOX", (0, 0), (-1, -1), 2, colors.black),
                    ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                    ("LINEBELOW", (0, 1), (-1, -2), 0.4, colors.HexColor("#888888")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        table.spaceBefore, table.spaceAfter = 6, 8
        return [table]


def _without_helvetica(drawing: Any) -> Any:
    """reportlab starts every drawing by selecting Helvetica, which is not embedded: draw
    this one with DejaVu as its starting font."""
    from reportlab.graphics import shapes
    from reportlab.platypus import Flowable

    class DejaVuDrawing(Flowable):
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return drawing.wrap(avail_width, avail_height)

        def draw(self) -> None:
            saved = shapes.STATE_DEFAULTS["fontName"]
            shapes.STATE_DEFAULTS["fontName"] = FAMILY
            try:
                drawing.drawOn(self.canv, 0, 0)
            finally:
                shapes.STATE_DEFAULTS["fontName"] = saved

    return DejaVuDrawing()


def _is_heading(flowable: Any) -> bool:
    return isinstance(flowable, Tagged) and getattr(flowable, "is_heading", False)


def _keep_headings(flowables: list[Any]) -> list[Any]:
    """Before each run of headings, a check that they and the start of what follows fit on
    the page: a heading never ends a page alone."""
    out: list[Any] = []
    n = 0
    while n < len(flowables):
        if not _is_heading(flowables[n]):
            out.append(flowables[n])
            n += 1
            continue
        end = n
        while end < len(flowables) and _is_heading(flowables[end]):
            end += 1
        following = flowables[end] if end < len(flowables) else None
        out.append(_KeepWithStart(flowables[n:end], following))
        out += flowables[n:end]
        n = end
    return out


class _KeepWithStart:
    """Zero height; moves to the next page when `heads` and the first line (or table row) of
    `following` do not fit in what is left of this one. Unlike reportlab's keepWithNext it
    never drags a whole long table or text along."""

    def __new__(cls, heads: list[Any], following: Any) -> Any:
        from reportlab.platypus import Table
        from reportlab.platypus.doctemplate import FrameBreak
        from reportlab.platypus.flowables import CondPageBreak

        class KeepWithStart(CondPageBreak):
            def __init__(self) -> None:
                super().__init__(0)

            def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
                if avail_height >= SURELY_ENOUGH_ROOM:
                    return 0, 0  # mid-page: nothing to measure
                canv = getattr(self, "canv", None)
                need = 0.0
                for head in heads:
                    need += head.wrapOn(canv, avail_width, avail_height)[1]
                    need += head.getSpaceBefore() + head.getSpaceAfter()
                room = avail_height - need
                fits = room > 0
                # with this much room a paragraph's first lines always fit: skip measuring it
                plenty = room >= PLENTY_OF_ROOM and not isinstance(following, Table)
                probe = fits and not plenty and following is not None
                if probe and not isinstance(following, CondPageBreak):
                    height = following.wrapOn(canv, avail_width, room)[1]
                    fits = height <= room or bool(following.splitOn(canv, avail_width, room))
                frame = self._doctemplateAttr("frame")
                if not fits and frame is not None and not frame._atTop:
                    frame.add_generated_content(FrameBreak)
                return 0, 0

        return KeepWithStart()


def _indented(style: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(style.name + "Indent", parent=style, leftIndent=8)


# --- table of contents ----------------------------------------------------------------------


def _contents_flowable(renderer: _Renderer, levels: int) -> Any:
    """reportlab's table of contents, with every entry a TOCI whose link says where it goes."""
    from reportlab.platypus import Paragraph, Table
    from reportlab.platypus.tableofcontents import TableOfContents

    toc_node = renderer.root.add("TOC")
    st = renderer.st

    class _Contents(TableOfContents):
        def notify(self, kind: str, stuff: Any) -> None:
            if kind == "TOCEntry" and stuff[0] < levels:
                self.addEntry(*stuff)

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            from reportlab.platypus.tableofcontents import drawPageNumbers

            entries = self._lastEntries or [(0, "Inhoud volgt", 0, None)]

            def entry_end(canvas: Any, kind: str, label: str) -> None:
                # dots and number are decoration: the link's description names the page
                page, level = (int(x) for x in label.split(","))
                node = canvas.current_node
                if node is not None:
                    canvas.end_marked()
                drawPageNumbers(
                    canvas, self.getLevelStyle(level), [(page, None)], avail_width, 0, " . "
                )
                if node is not None:
                    canvas.begin_marked(node)

            self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
            toc_node.children.clear()
            rows = []
            for level, text, page, key in entries:
                item = toc_node.add("TOCI")
                link = item.add("Link", link_text=f"Ga naar {text}, pagina {page}")
                para = Paragraph(
                    f'{renderer.text(text)}<onDraw name="drawTOCEntryEnd" label="{page},{level}"/>',
                    self.getLevelStyle(level),
                )
                rows.append([Tagged(para, link, link=key)])
            self._table = Table(rows, colWidths=(avail_width,), style=self.tableStyle)
            self.width, self.height = self._table.wrapOn(self.canv, avail_width, avail_height)
            return self.width, self.height

    toc = _Contents()
    toc.tableStyle = [NO_HELVETICA, *toc.tableStyle.getCommands()]
    toc.levelStyles = [st["toc0"], st["toc1"]]
    toc.dotsMinLevel = 0
    return toc


# --- the coverage figure, as vector shapes --------------------------------------------------


def _coverage_drawing(counts: Any) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Flowable

    from drugspreventie_app.export import coverage_image as ci

    width, height, shapes = ci.coverage_layout(counts)
    scale = min(1.0, (USABLE_MM * 72 / 25.4) / width)

    class CoverageFigure(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return width * scale, height * scale

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            c.scale(scale, scale)
            # the grid is some nine hundred lines in a handful of colours: set the colour and
            # width only when they change
            stroke: tuple[str, float] | None = None

            def set_stroke(color: str, width: float) -> None:
                nonlocal stroke
                if stroke != (color, width):
                    c.setStrokeColor(colors.HexColor(color))
                    c.setLineWidth(width)
                    stroke = (color, width)

            for s in shapes:
                if isinstance(s, ci.Rect):
                    if s.fill:
                        c.setFillColor(colors.HexColor(s.fill))
                    if s.stroke:
                        set_stroke(s.stroke, s.width)
                    c.rect(
                        s.x, height - s.y - s.h, s.w, s.h, stroke=bool(s.stroke), fill=bool(s.fill)
                    )
                elif isinstance(s, ci.Line):
                    set_stroke(s.color, s.width)
                    c.line(s.x1, height - s.y1, s.x2, height - s.y2)
                else:
                    c.setFillColor(colors.black)
                    c.setFont(BOLD if s.bold else FAMILY, s.size)
                    draw = c.drawCentredString if s.centre else c.drawString
                    draw(s.x, height - s.y, s.text)
            c.restoreState()

    figure = CoverageFigure()
    figure.spaceBefore, figure.spaceAfter = 4, 6
    return figure


# --- the page frame -------------------------------------------------------------------------


def _footer(meta: dm.DocumentMeta) -> Any:
    from reportlab.lib.units import mm

    printed = (meta.printed or date.today()).strftime("%d-%m-%Y")
    left = dm.one_line(meta.footer, FOOTER_CHARS)
    left = _drop_rtl_runs(left) if has_rtl(left) else left

    def draw(canvas: Any, page: int, total: int) -> None:
        width, _ = canvas._pagesize
        y = 10 * mm
        canvas.setFont(FAMILY, 7.5)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_MM * mm, y + 4 * mm, width - MARGIN_MM * mm, y + 4 * mm)
        canvas.drawString(MARGIN_MM * mm, y, left)
        canvas.drawCentredString(width / 2 + 20 * mm, y, f"afgedrukt {printed}")
        canvas.drawRightString(width - MARGIN_MM * mm, y, f"pagina {page} van {total}")

    return draw


def render_pdf(document: dm.Document) -> bytes:
    """The document as tagged PDF bytes."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    # ASCII85 only makes the embedded fonts a quarter larger and slower to write
    rl_config.useA85 = 0
    renderer = _Renderer(document)
    story = renderer.flowables(document.blocks)
    meta = document.meta
    with_toc = any(isinstance(b, dm.Contents) for b in document.blocks)

    class _Doc(SimpleDocTemplate):
        passes = 0

        def handle_documentBegin(self) -> None:
            # The first pass of a document with a table of contents only finds the page of
            # each heading and is thrown away: lay it out without drawing the text.
            self.passes += 1
            self.canv.layout_only = with_toc and self.passes == 1
            super().handle_documentBegin()

        def _allSatisfied(self) -> bool:
            # a pass that drew nothing is never the one that is saved
            return not self.canv.layout_only and super()._allSatisfied()

        def afterFlowable(self, flowable: Any) -> None:
            entry = getattr(flowable, "toc_entry", None) if isinstance(flowable, Tagged) else None
            if entry is None:
                return
            level, text = entry
            # reportlab parses the key back as a literal: keep it to plain characters
            key = "toc-" + hashlib.sha1(f"{level}{text}".encode()).hexdigest()[:16]
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level)
            self.notify("TOCEntry", (level, text, self.page, key))

    info = DocumentInfo(
        title=dm.one_line(meta.title, 200),
        author=dm.one_line(meta.author, 200),
        subject=dm.one_line(meta.subject, 200),
        language=meta.language,
    )
    canvas_class = tagging_canvas_class(_footer(meta), renderer.root, info)
    buffer = io.BytesIO()
    doc = _Doc(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        title=dm.one_line(meta.title, 200),
        author=dm.one_line(meta.author, 200),
        subject=dm.one_line(meta.subject, 200),
        keywords=dm.one_line(meta.keywords, 200),
        creator=dm.APP_NAME,
        lang=meta.language,
        # Otherwise every page starts in Helvetica, which is not embedded.
        initialFontName=FAMILY,
    )
    if with_toc:
        doc.multiBuild(story, canvasmaker=canvas_class)
    else:
        doc.build(story, canvasmaker=canvas_class)
    report = document.report
    if renderer.text.rtl_found and report is not None and RTL_REPORT not in report.notes:
        report.notes.append(RTL_REPORT)
    return buffer.getvalue()


def write_pdf(target: Path, document: dm.Document) -> dm.ExportReport:
    """Write the document as a tagged PDF; the report says what had to change."""
    report = document.report if document.report is not None else dm.ExportReport()
    document.report = report
    report.medium = "de PDF"
    target = Path(target)
    atomic_write_bytes(target, render_pdf(document), document=True)
    report.target = target
    return report
