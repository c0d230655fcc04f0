"""Draw a `Document` as an editable Word (.docx) document with python-docx.

The documents are meant to be edited further in Word, so everything is real Word structure:
built-in heading styles (the navigation pane works), real tables with a repeating header row,
a real TOC field, real page-number fields in the footer ('pagina X van Y'), pictures with a
description. Table cells hold their full text: Word lets a row run over pages.

python-docx is imported inside the functions that need it, never at start-up.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from drugspreventie_app.export import document as dm
from drugspreventie_app.export.document import GENERIC_FIELD, ExportReport, one_line, sanitize
from drugspreventie_app.storage.atomic import atomic_write_bytes

FONT = "Arial"
BODY_PT = 10
PAGE_W_MM, PAGE_H_MM = 210, 297
MARGIN_MM = 18
USABLE_MM = PAGE_W_MM - 2 * MARGIN_MM  # 174 mm
MAX_BLOCK_CHARS = 30_000  # one paragraph never grows beyond this (older readers choke on more)
KEEP_ROW_CHARS = 800  # table rows up to this much text are never split over two pages
CORE_PROPERTY_MAX = 255  # python-docx refuses longer core properties
TOC_PLACEHOLDER = (
    "De inhoudsopgave wordt bijgewerkt zodra Word het document opent. Zo niet: "
    "rechtsklik → Veld bijwerken (of F9)."
)
APP_NAME = dm.APP_NAME

# Where the children of a few WordprocessingML elements must go (the schema's order; Word
# refuses a document with elements out of order).
_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)  # fmt: skip
_RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
)  # fmt: skip
_TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)  # fmt: skip
_TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)  # fmt: skip
_SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
    "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
    "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
    "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
    "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
    "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip


# --- low-level XML helpers -----------------------------------------------------------------


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def _element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        el.set(_w(key), value)
    return el


def _put(parent: Any, child: Any, order: Sequence[str]) -> Any:
    """Insert `child` in `parent` at its schema position, replacing one with the same tag."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    local = child.tag.split("}", 1)[-1]
    later = set(order[order.index(local) + 1 :]) if local in order else set()
    for existing in parent:
        if isinstance(existing.tag, str) and existing.tag.split("}", 1)[-1] in later:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def _border(side: str, size_eighths: int, color: str = "000000", space: int = 4) -> Any:
    return _element(side, val="single", sz=str(size_eighths), space=str(space), color=color)


def _plain_font(rpr: Any, name: str) -> None:
    """Set the font of an rPr to `name` for every script, dropping theme fonts (which Word
    would prefer over the explicit name)."""
    fonts = _element("rFonts", ascii=name, hAnsi=name, cs=name, eastAsia=name)
    _put(rpr, fonts, _RPR_ORDER)


def _style_rpr(style: Any) -> Any:
    return style.element.get_or_add_rPr()


def _style_ppr(style: Any) -> Any:
    return style.element.get_or_add_pPr()


# --- the builder ---------------------------------------------------------------------------


def blocks(text: str) -> Iterator[str]:
    """Free text as paragraphs: split at blank lines; single newlines stay line breaks. An
    enormous block is split at a space so no paragraph grows beyond `MAX_BLOCK_CHARS`."""
    for block in dm.text_blocks(text):
        while len(block) > MAX_BLOCK_CHARS:
            cut = block.rfind(" ", MAX_BLOCK_CHARS // 2, MAX_BLOCK_CHARS)
            if cut <= 0:
                cut = MAX_BLOCK_CHARS
            yield block[:cut]
            block = block[cut:].lstrip(" ")
        if block.strip():
            yield block


class DocxBuilder:
    """A Word document on A4 with the app's styles, footer and properties."""

    def __init__(self, meta: dm.DocumentMeta, report: ExportReport) -> None:
        from docx import Document

        self.report = report
        self.meta = meta
        self.doc = Document()
        self._setup_page()
        self._setup_styles()
        self._setup_settings()
        self._setup_properties()
        self._setup_footer()
        self._headings: list[tuple[int, str, str]] = []
        self._bookmarks = 0
        self._toc: tuple[Any, int, str] | None = None
        self._toc_done = False

    # -- setup ---------------------------------------------------------------------------

    def _setup_page(self) -> None:
        from docx.shared import Mm

        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin, section.bottom_margin = Mm(16), Mm(20)
        section.header_distance, section.footer_distance = Mm(8), Mm(8)

    def _setup_styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Mm, Pt, RGBColor

        styles = self.doc.styles
        # document defaults: font, size, Dutch for spelling and hyphenation
        defaults = self.doc.styles.element.find(_w("docDefaults"))
        rpr = defaults.find(_w("rPrDefault")).find(_w("rPr"))
        _plain_font(rpr, FONT)
        _put(rpr, _element("lang", val="nl-NL", eastAsia="nl-NL", bidi="ar-SA"), _RPR_ORDER)
        for tag in ("sz", "szCs"):
            _put(rpr, _element(tag, val=str(BODY_PT * 2)), _RPR_ORDER)
        ppr = defaults.find(_w("pPrDefault")).find(_w("pPr"))
        _put(ppr, _element("spacing", after="100", line="264", lineRule="auto"), _PPR_ORDER)

        black = RGBColor(0, 0, 0)
        for name, size, before, after in (
            ("Heading 1", 16, 18, 8),
            ("Heading 2", 12.5, 12, 4),
            ("Heading 3", 11, 10, 3),
        ):
            style = styles[name]
            _plain_font(_style_rpr(style), FONT)
            style.font.size = Pt(size)
            _put(_style_rpr(style), _element("szCs", val=str(round(size * 2))), _RPR_ORDER)
            style.font.color.rgb = black
            style.font.bold = True
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(after)
        title = styles["Title"]
        _plain_font(_style_rpr(title), FONT)
        title.font.size, title.font.color.rgb, title.font.bold = Pt(24), black, True
        title_ppr = _style_ppr(title)
        for old in title_ppr.findall(_w("pBdr")):
            title_ppr.remove(old)
        title.paragraph_format.space_after = Pt(8)
        subtitle = styles["Subtitle"]
        _plain_font(_style_rpr(subtitle), FONT)
        subtitle.font.size, subtitle.font.color.rgb = Pt(12), RGBColor(0x33, 0x33, 0x33)
        subtitle_ppr = _style_ppr(subtitle)
        for old in subtitle_ppr.findall(_w("numPr")):  # the template's stray list level
            subtitle_ppr.remove(old)
        subtitle.paragraph_format.space_after = Pt(8)
        toc_heading = styles["TOC Heading"]
        toc_heading.paragraph_format.space_before = Pt(0)
        styles["List Bullet"].paragraph_format.space_after = Pt(2)

        def add(name: str, base: str = "Normal") -> Any:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles[base]
            style.quick_style = True
            return style

        cell = add("Tabeltekst")
        cell.font.size = Pt(8.5)
        cell.paragraph_format.space_after = Pt(2)
        cell.paragraph_format.line_spacing = 1.0
        head = add("Tabelkop", "Tabeltekst")
        head.font.bold = True
        empty = add("Niet ingevuld")
        empty.font.italic = True
        empty.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        muted = add("Toelichting")
        muted.font.size = Pt(8.5)
        muted.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
        box = add("Kader")
        box.font.bold = True
        box.font.size = Pt(10.5)
        box.paragraph_format.space_before = Pt(6)
        box.paragraph_format.space_after = Pt(10)
        box.paragraph_format.left_indent = Mm(2)
        box.paragraph_format.right_indent = Mm(2)
        bdr = _element("pBdr")
        for side in ("top", "left", "bottom", "right"):
            bdr.append(_border(side, 8, space=4))
        _put(_style_ppr(box), bdr, _PPR_ORDER)
        kicker = add("Omslag soort")
        kicker.font.bold = True
        kicker.font.size = Pt(14)
        kicker.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
        fact = add("Omslag gegeven")
        fact.paragraph_format.left_indent = Mm(40)
        fact.paragraph_format.first_line_indent = Mm(-40)
        fact.paragraph_format.tab_stops.add_tab_stop(Mm(40), WD_TAB_ALIGNMENT.LEFT)
        fact.paragraph_format.space_after = Pt(5)

        footer = styles["Footer"]
        footer.font.size = Pt(7.5)
        footer.paragraph_format.tab_stops.clear_all()
        footer.paragraph_format.tab_stops.add_tab_stop(
            Mm(USABLE_MM / 2 + 20), WD_TAB_ALIGNMENT.CENTER
        )
        footer.paragraph_format.tab_stops.add_tab_stop(Mm(USABLE_MM), WD_TAB_ALIGNMENT.RIGHT)
        fbdr = _element("pBdr")
        fbdr.append(_border("top", 4, space=4))
        _put(_style_ppr(footer), fbdr, _PPR_ORDER)

    def _setup_settings(self) -> None:
        settings = self.doc.settings.element
        # Word refreshes the contents and page numbers when it opens the document.
        _put(settings, _element("updateFields", val="true"), _SETTINGS_ORDER)
        _put(settings, _element("themeFontLang", val="nl-NL"), _SETTINGS_ORDER)
        _put(settings, _element("decimalSymbol", val=","), _SETTINGS_ORDER)
        _put(settings, _element("listSeparator", val=";"), _SETTINGS_ORDER)

    def _setup_properties(self) -> None:
        props = self.doc.core_properties
        now = datetime.now(timezone.utc).replace(microsecond=0)

        def cap(text: str) -> str:
            return one_line(self.safe(text, "Documenteigenschappen"), CORE_PROPERTY_MAX)

        props.title = cap(self.meta.title)
        props.author = cap(self.meta.author)
        props.subject = cap(self.meta.subject)
        props.keywords = cap(self.meta.keywords)
        props.comments = f"Gemaakt met de {APP_NAME}"
        props.last_modified_by = cap(self.meta.author)
        props.language = "nl-NL"
        props.category = ""
        props.revision = 1
        props.created = props.modified = now.replace(tzinfo=None)

    def _setup_footer(self) -> None:
        footer = self.doc.sections[0].footer
        paragraph = footer.paragraphs[0]
        paragraph.style = self.doc.styles["Footer"]
        printed = (self.meta.printed or date.today()).strftime("%d-%m-%Y")
        paragraph.add_run(one_line(self.safe(self.meta.footer, "Voettekst"), 70))
        paragraph.add_run(f"\tafgedrukt {printed}\tpagina ")
        self._field(paragraph, "PAGE", "1")
        paragraph.add_run(" van ")
        self._field(paragraph, "NUMPAGES", "1")

    # -- fields --------------------------------------------------------------------------

    def _field_start(self, paragraph: Any, instruction: str, *, dirty: bool = False) -> None:
        """Begin a complex field: begin, instruction, separate; the caller adds the shown
        result and the end."""
        begin = _element("fldChar", fldCharType="begin")
        if dirty:
            begin.set(_w("dirty"), "true")
        paragraph.add_run()._r.append(begin)
        paragraph.add_run()._r.append(_instr(instruction))
        paragraph.add_run()._r.append(_element("fldChar", fldCharType="separate"))

    def _field(self, paragraph: Any, instruction: str, shown: str) -> None:
        """A complex field in one paragraph, e.g. PAGE, with `shown` as its stored result."""
        self._field_start(paragraph, instruction)
        paragraph.add_run(shown)
        paragraph.add_run()._r.append(_element("fldChar", fldCharType="end"))

    def toc(self, title: str = "Inhoud", levels: str = "1-3") -> None:
        """A heading (not itself in the contents) and a real TOC field that Word updates when
        it opens the document (or with F9). Its stored result already lists the headings
        (without page numbers), so readers that do not update fields still show them."""
        self.doc.add_paragraph(title, style="TOC Heading")
        paragraph = self.doc.add_paragraph(style="Toelichting")
        self._toc = (paragraph, int(levels.split("-")[-1]), f'TOC \\o "{levels}" \\h \\z \\u')

    def _finish_toc(self) -> None:
        """Write the TOC field: begin and instruction in the placeholder paragraph, one entry
        paragraph per heading, and the field's end after the last entry."""
        if self._toc is None or self._toc_done:
            return
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Mm
        from docx.text.paragraph import Paragraph

        self._toc_done = True
        paragraph, deepest, instruction = self._toc
        self._field_start(paragraph, instruction, dirty=True)
        paragraph.add_run(TOC_PLACEHOLDER).italic = True
        last = paragraph
        for level in range(1, deepest + 1):
            name = f"toc {level}"
            if name not in [s.name for s in self.doc.styles]:
                style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.style_id = f"TOC{level}"
                style.base_style = self.doc.styles["Normal"]
                style.next_paragraph_style = self.doc.styles["Normal"]
                fmt = style.paragraph_format
                fmt.left_indent = Mm(6 * (level - 1))
                fmt.space_after = Mm(1.2)
                fmt.tab_stops.add_tab_stop(
                    Mm(USABLE_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
                )
                if level == 1:
                    style.font.bold = True
                    fmt.space_before = Mm(1.5)
        for level, text, bookmark in self._headings:
            if level > deepest:
                continue
            entry = _element("p")
            last._p.addnext(entry)
            last = Paragraph(entry, paragraph._parent)
            last.style = self.doc.styles[f"toc {level}"]
            link = _element("hyperlink", anchor=bookmark, history="1")
            entry.append(link)
            # Only Word knows the page numbers; it writes them (with a PAGEREF per entry)
            # when it updates the field. Until then the entries stand without numbers.
            link.append(_run_with(_text(text)))
        last.add_run()._r.append(_element("fldChar", fldCharType="end"))

    # -- text ----------------------------------------------------------------------------

    def safe(self, text: Any, where: str = GENERIC_FIELD) -> str:
        """The last line of defence: callers pass cleaned text, but nothing unclean gets in."""
        return sanitize(text, where, self.report)

    def heading(self, text: str, level: int, *, page_break: bool = False) -> Any:
        """A heading in Word's built-in style 'Heading N', with a bookmark for the contents."""
        shown = one_line(self.safe(text, "Kop"), 500)
        paragraph = self.doc.add_heading(shown, level)
        if page_break:
            paragraph.paragraph_format.page_break_before = True
        if paragraph.runs:
            self._bookmarks += 1
            name = f"_Toc{self._bookmarks:08d}"
            ident = str(self._bookmarks)
            paragraph.runs[0]._r.addprevious(_element("bookmarkStart", id=ident, name=name))
            paragraph.runs[-1]._r.addnext(_element("bookmarkEnd", id=ident))
            self._headings.append((level, shown, name))
        return paragraph

    def paras(self, text: str, style: str | None = None, *, empty: str | None = None) -> list[Any]:
        """Free text: one paragraph per block (at blank lines), newlines as line breaks.
        Without any text, the `empty` placeholder in italics (if given)."""
        out = [self.doc.add_paragraph(self.safe(b), style=style) for b in blocks(text)]
        if not out and empty is not None:
            out.append(self.doc.add_paragraph(empty, style="Niet ingevuld"))
        return out

    def para(self, text: str, style: str | None = None) -> Any:
        """One paragraph, even for text with blank lines (kept as line breaks)."""
        return self.doc.add_paragraph(self.safe(text), style=style)

    def field(self, label: str, value: str, style: str | None = None) -> list[Any]:
        """'Label: value' with the label in bold; a long value continues in more paragraphs."""
        parts = list(blocks(value)) or ["–"]
        first = self.doc.add_paragraph(style=style)
        first.add_run(f"{self.safe(label)}: ").bold = True
        first.add_run(self.safe(parts[0]))
        return [first, *[self.doc.add_paragraph(self.safe(p), style=style) for p in parts[1:]]]

    def bullets(self, items: Iterable[str], *, empty: str | None = None) -> list[Any]:
        """A bulleted list (Word's 'List Bullet'); an item with blank lines continues without
        a second bullet ('List Continue')."""
        out = []
        for item in items:
            for n, block in enumerate(blocks(item)):
                style = "List Continue" if n else "List Bullet"
                out.append(self.doc.add_paragraph(self.safe(block), style=style))
        if not out and empty is not None:
            out.append(self.doc.add_paragraph(empty, style="Niet ingevuld"))
        return out

    def box(self, text: str) -> Any:
        return self.para(text, "Kader")

    def rule(self, thickness_eighths: int = 8) -> Any:
        """A horizontal line across the text width (an empty paragraph's bottom border)."""
        from docx.shared import Pt

        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(8)
        bdr = _element("pBdr")
        bdr.append(_border("bottom", thickness_eighths, space=1))
        _put(paragraph._p.get_or_add_pPr(), bdr, _PPR_ORDER)
        paragraph.paragraph_format.line_spacing = Pt(2)
        return paragraph

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- tables --------------------------------------------------------------------------

    def table(
        self,
        headers: Sequence[str] | None,
        rows: Sequence[Sequence[str | dm.Cell]],
        widths_mm: Sequence[float],
        *,
        style: str | None = "Table Grid",
        header_shade: str = "E0E0E0",
        row_shade: str = "F2F2F2",
    ) -> Any:
        """A real Word table with fixed column widths; the header row (bold, shaded) repeats
        on every page. Cells hold their full text (several paragraphs when needed)."""
        from docx.shared import Mm

        ncols = len(widths_mm)
        table = self.doc.add_table(rows=0, cols=ncols)
        if style:
            table.style = self.doc.styles[style]
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        total = sum(widths_mm)
        _put(tbl_pr, _element("tblW", w=str(_twips(total)), type="dxa"), _TBLPR_ORDER)
        _put(tbl_pr, _element("tblInd", w="0", type="dxa"), _TBLPR_ORDER)
        _put(tbl_pr, _element("tblLayout", type="fixed"), _TBLPR_ORDER)
        margins = _element("tblCellMar")
        for side, twips in (("top", 40), ("left", 100), ("bottom", 40), ("right", 100)):
            margins.append(_element(side, w=str(twips), type="dxa"))
        _put(tbl_pr, margins, _TBLPR_ORDER)
        _put(
            tbl_pr,
            _element(
                "tblLook",
                val="04A0",
                firstRow="1",
                lastRow="0",
                firstColumn="0",
                lastColumn="0",
                noHBand="1",
                noVBand="1",
            ),
            _TBLPR_ORDER,
        )
        for col, width in zip(table.columns, widths_mm, strict=True):
            col.width = Mm(width)
        if headers is not None:
            row = table.add_row()
            _repeat_header(row)
            for col, text in enumerate(headers):
                self._fill(row.cells[col], dm.Cell(text, bold=True), widths_mm[col], header_shade)
        for values in rows:
            row = table.add_row()
            if sum(len(v.text if isinstance(v, dm.Cell) else v) for v in values) <= KEEP_ROW_CHARS:
                # a short row stays on one page; a long one may run over pages
                row._tr.get_or_add_trPr().append(_element("cantSplit"))
            col = 0
            for value in values:
                if col >= ncols:
                    break
                cell = value if isinstance(value, dm.Cell) else dm.Cell(value)
                span = max(1, min(cell.span, ncols - col))
                target = row.cells[col]
                if span > 1:
                    target = target.merge(row.cells[col + span - 1])
                shade = cell.fill.lstrip("#") or (row_shade if cell.shade else None)
                self._fill(target, cell, sum(widths_mm[col : col + span]), shade)
                col += span
            while col < ncols:
                self._fill(row.cells[col], dm.Cell(""), widths_mm[col])
                col += 1
        spacer = self.doc.add_paragraph().paragraph_format  # keeps the next table apart
        spacer.space_after, spacer.line_spacing = Mm(0), Mm(2.5)
        return table

    def _fill(self, cell: Any, value: dm.Cell, width_mm: float, shade: str | None = None) -> None:
        from docx.shared import Mm

        cell.width = Mm(width_mm)
        style = "Tabelkop" if value.bold else "Tabeltekst"
        parts = list(blocks(self.safe(value.text))) or [""]
        first = cell.paragraphs[0]
        first.style = self.doc.styles[style]
        if parts[0]:
            first.add_run(parts[0])
        paragraphs = [first] + [cell.add_paragraph(p, style=style) for p in parts[1:]]
        if value.indent:
            for paragraph in paragraphs:
                paragraph.paragraph_format.left_indent = Mm(3)
        if shade:
            tc_pr = cell._tc.get_or_add_tcPr()
            _put(tc_pr, _element("shd", val="clear", color="auto", fill=shade), _TCPR_ORDER)

    # -- pictures ------------------------------------------------------------------------

    def picture(self, png: bytes, width_mm: float, alt_text: str = "") -> Any:
        """An inline picture from PNG (or other image) bytes, `width_mm` wide."""
        from docx.shared import Mm

        paragraph = self.doc.add_paragraph()
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
        if alt_text:
            doc_pr = shape._inline.docPr
            doc_pr.set("descr", self.safe(alt_text, "Beschrijving van de afbeelding"))
        return shape

    def logo(
        self, path: Path | None, max_w_mm: float = 45, max_h_mm: float = 18, alt_text: str = ""
    ) -> None:
        """The organisation's logo, scaled to fit; an unreadable logo becomes a note."""
        from docx.shared import Mm

        if path is None:
            return
        paragraph = self.doc.add_paragraph()
        try:
            data = Path(path).read_bytes()
            shape = paragraph.add_run().add_picture(io.BytesIO(data))
            scale = min(Mm(max_w_mm) / shape.width, Mm(max_h_mm) / shape.height)
            shape.width, shape.height = int(shape.width * scale), int(shape.height * scale)
            if alt_text:
                shape._inline.docPr.set("descr", self.safe(alt_text, "Logo"))
        except Exception:  # a logo that became unreadable must not stop the export
            paragraph._p.getparent().remove(paragraph._p)
            self.para(dm.LOGO_UNREADABLE, "Toelichting")

    # -- output --------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        self._finish_toc()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _text(text: str) -> Any:
    t = _element("t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    return t


def _instr(instruction: str) -> Any:
    instr = _element("instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    return instr


def _run_with(child: Any) -> Any:
    run = _element("r")
    run.append(child)
    return run


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(_element("cantSplit"))
    tr_pr.append(_element("tblHeader"))


def frame_table(table: Any, outer_eighths: int = 16, inner_color: str = "888888") -> None:
    """Give a table a heavy outer border and thin lines between rows only (a 'box')."""
    borders = _element("tblBorders")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_border(side, outer_eighths, space=0))
    borders.append(_border("insideH", 4, inner_color, space=0))
    borders.append(_element("insideV", val="nil"))
    _put(table._tbl.tblPr, borders, _TBLPR_ORDER)


# --- the document ---------------------------------------------------------------------------

PARAGRAPH_STYLES = {
    "body": None,
    "title": "Title",
    "cover_title": "Title",
    "subtitle": "Subtitle",
    "cover_sub": "Subtitle",
    "kicker": "Omslag soort",
    "muted": "Toelichting",
    "small": "Toelichting",
    "empty": "Niet ingevuld",
}
COVERAGE_WIDTH_MM = 170


def _draw(b: DocxBuilder, block: Any) -> None:
    from docx.shared import Mm

    if isinstance(block, dm.Heading):
        b.heading(block.text, min(max(block.level, 1), 3), page_break=block.page_break)
    elif isinstance(block, dm.Paragraph):
        b.paras(block.text, PARAGRAPH_STYLES.get(block.style))
    elif isinstance(block, dm.Field):
        b.field(block.label, block.value)
    elif isinstance(block, dm.BulletList):
        notes = list(block.notes) + [""] * (len(block.items) - len(block.notes))
        for item, note in zip(block.items, notes, strict=True):
            b.bullets([item])
            for paragraph in b.paras(note, "Toelichting"):
                paragraph.paragraph_format.left_indent = Mm(6.35)
    elif isinstance(block, dm.Table):
        b.table(block.headers, block.rows, block.widths_mm)
    elif isinstance(block, dm.Facts):
        for label, value in block.items:
            paragraph = b.doc.add_paragraph(style="Omslag gegeven")
            paragraph.add_run(f"{b.safe(label)}\t").bold = True
            paragraph.add_run(b.safe(value.strip("\n") if value.strip() else "–"))
    elif isinstance(block, dm.Note):
        b.box(block.text)
    elif isinstance(block, dm.Warnings):
        _warnings(b, block)
    elif isinstance(block, dm.Figure):
        if block.kind == "coverage":
            from drugspreventie_app.export.coverage_image import coverage_png

            b.picture(coverage_png(block.data), COVERAGE_WIDTH_MM, block.alt)
        elif block.kind == "chart":
            from drugspreventie_app.export.progress_chart_render import chart_png

            shapes, width, height, width_mm = block.data
            b.picture(chart_png(shapes, width, height), width_mm, block.alt)
        else:
            b.logo(block.source, alt_text=block.alt)
    elif isinstance(block, dm.Rule):
        b.rule(10 if block.heavy else 2)
    elif isinstance(block, dm.Space):
        b.doc.add_paragraph().paragraph_format.space_before = Mm(block.height_mm)
    elif isinstance(block, dm.PageBreak):
        b.page_break()
    elif isinstance(block, dm.Contents):
        b.toc(block.title, f"1-{block.levels}")
    elif isinstance(block, dm.Group):
        for inner in block.blocks:
            _draw(b, inner)
    else:  # pragma: no cover - a new block type must be drawn here
        raise TypeError(f"onbekend blok: {type(block).__name__}")


def _warnings(b: DocxBuilder, block: dm.Warnings) -> None:
    """A heavy box, one row per item, so it stands out on a black-and-white print."""
    from docx.shared import Mm, Pt

    b.para("").paragraph_format.line_spacing = Mm(2.5)  # room above the box
    table = b.table(
        [block.title], [[""] for _ in block.items], (174,), style=None, header_shade="E6E6E6"
    )
    frame_table(table)
    for run in table.rows[0].cells[0].paragraphs[0].runs:
        run.font.size = Pt(12)
    for row, (strong, reason) in zip(table.rows[1:], block.items, strict=True):
        paragraph = row.cells[0].paragraphs[0]
        paragraph.add_run("✗ ").font.size = Pt(10)
        head = paragraph.add_run(b.safe(strong))
        head.bold, head.font.size = True, Pt(10)
        paragraph.add_run("\n" + b.safe(reason)).font.size = Pt(10)


def render_docx(document: dm.Document) -> bytes:
    report = document.report if document.report is not None else dm.ExportReport()
    document.report = report
    b = DocxBuilder(document.meta, report)
    for block in document.blocks:
        _draw(b, block)
    return b.to_bytes()


def write_docx(target: Path, document: dm.Document) -> ExportReport:
    """Write the document as an editable Word document; the report lists what had to
    change."""
    data = render_docx(document)
    report = document.report
    assert report is not None
    report.medium = "Word"
    target = Path(target)
    atomic_write_bytes(target, data, document=True)
    report.target = target
    return report
