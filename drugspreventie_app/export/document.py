"""The format-neutral document model every export is built on.

A product (a handout, the factsheet bundle, the interventions overview, the plan, the
self-test page) describes itself once as a `Document`: metadata plus a list of blocks, each
with a role (heading with a level, paragraph, list, table with header cells, figure with an
alternative text, note, page break, table of contents). The PDF renderer (`pdf_renderer`) and
the Word renderer (`docx_renderer`) draw the same document; the PDF's structure tree follows
from the roles.

The blocks carry plain text only: no markup, so nothing a user typed can ever be read as
formatting by either renderer. What a format cannot hold (control characters and lone
surrogates) is replaced once, while the document is built, by `clean_tree`, which records the
field in an `ExportReport`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from drugspreventie_app import APP_NAME
from drugspreventie_app.domain.text_policy import REPLACEMENT

LANGUAGE = "nl-NL"
SUMMARY_MAX_PLACES = 15
GENERIC_FIELD = "tekst"
EMPTY_CELL = "–"
NO_FIGURES = "De bronnen geven hiervoor geen cijfers."
LOGO_UNREADABLE = "(logo kon niet worden gelezen)"

# Not allowed in XML 1.0 and not printable: C0/C1 control characters other than tab and
# newline, lone surrogates, U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+")


# --- metadata ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    author: str = APP_NAME
    subject: str = ""
    footer: str = ""  # left part of the running footer, e.g. the organisation
    printed: date | None = None
    keywords: str = ""
    language: str = LANGUAGE


# --- blocks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading of level 1-3. `contents` puts it in the table of contents and the PDF
    bookmarks; `page_break` starts it on a new page."""

    text: str
    level: int = 1
    contents: bool = False
    page_break: bool = False
    style: str = ""  # "title": looks like the document title (a sheet's name in the bundle)


@dataclass(frozen=True)
class Paragraph:
    """Plain text. `style` is one of the renderers' paragraph styles: body, title, subtitle,
    kicker, cover_title, cover_sub, muted, small, empty."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Field:
    """'Label: value' with the label in bold."""

    label: str
    value: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    # a note under each item (e.g. the chapter and source of a plan-check finding), or ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cell:
    text: str
    bold: bool = False
    indent: bool = False
    span: int = 1  # columns this cell covers
    shade: bool = False  # a grey background, e.g. a group row
    fill: str = ""  # a background colour of this cell alone, "#RRGGBB" (a traffic light)


@dataclass(frozen=True)
class Table:
    """A data table: one header row (repeated on every page), then the rows. Widths are in
    millimetres of the 174 mm text width. `compact` asks for a smaller font (many columns)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths_mm: tuple[float, ...]
    compact: bool = False


@dataclass(frozen=True)
class Facts:
    """Label-value pairs laid out in two columns (the cover of the plan)."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Note:
    """A framed statement that must stand out (legal status, an outdated sheet)."""

    text: str


@dataclass(frozen=True)
class Warnings:
    """A heavily framed list under a title ('Niet doen'), each item a bold line and a reason."""

    title: str
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Figure:
    """A picture with its alternative text. `kind` tells the renderers how to draw it:
    'logo' (an image file at `source`), 'coverage' (the plan's coverage grid, drawn from
    `data`, a mapping (setting, niveau) -> count) or 'chart' (a progress chart: `data` is
    (shapes, width pt, height pt, width on paper mm))."""

    kind: str
    alt: str
    source: Path | None = None
    data: Any = None


@dataclass(frozen=True)
class Rule:
    """A horizontal line: decoration only; a thin grey one between items."""

    heavy: bool = True


@dataclass(frozen=True)
class Space:
    height_mm: float


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Contents:
    """The table of contents: the headings marked `contents`."""

    title: str = "Inhoud"
    levels: int = 1  # headings down to this level are listed


@dataclass(frozen=True)
class Group:
    """Blocks that should stay on one page when they fit (one intervention in an appendix)."""

    blocks: tuple[Any, ...]


Block = (
    Heading
    | Paragraph
    | Field
    | BulletList
    | Table
    | Facts
    | Note
    | Warnings
    | Figure
    | Rule
    | Space
    | PageBreak
    | Contents
    | Group
)


@dataclass
class Document:
    meta: DocumentMeta
    blocks: list[Any] = field(default_factory=list)
    report: ExportReport | None = None

    def add(self, *blocks: Any) -> None:
        self.blocks.extend(blocks)

    def paras(self, text: str, style: str = "body", *, empty: str | None = None) -> None:
        """Free text: one paragraph per block between blank lines; without any text, the
        `empty` placeholder (if given)."""
        parts = [Paragraph(part, style) for part in text_blocks(text)]
        if not parts and empty is not None:
            parts = [Paragraph(empty, "empty")]
        self.blocks.extend(parts)

    def bullets(self, items: Iterable[str], *, empty: str | None = None) -> None:
        kept = tuple(item for item in items if str(item).strip())
        if kept:
            self.blocks.append(BulletList(kept))
        elif empty is not None:
            self.blocks.append(Paragraph(empty, "empty"))

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str | Cell]],
        widths_mm: Sequence[float],
        *,
        compact: bool = False,
        when_empty: str = NO_FIGURES,
        informative_from: int = 0,
    ) -> None:
        """A table, or the sentence `when_empty` when no body cell (from column
        `informative_from` on: the first columns may only name the rows) holds anything but
        a dash."""
        cells = tuple(tuple(c if isinstance(c, Cell) else Cell(str(c)) for c in r) for r in rows)
        if not any(_informative(c.text) for row in cells for c in row[informative_from:]):
            self.blocks.append(Paragraph(when_empty))
            return
        self.blocks.append(Table(tuple(headers), cells, tuple(widths_mm), compact))


def _informative(text: str) -> bool:
    return bool(text.strip()) and text.strip() != EMPTY_CELL


def text_blocks(text: Any) -> Iterator[str]:
    """Free text as paragraphs: split at blank lines; single newlines stay line breaks."""
    raw = "" if text is None else str(text)
    for block in _BLANK_LINE.split(raw.replace("\r\n", "\n").replace("\r", "\n")):
        block = block.strip("\n")
        if block.strip():
            yield block


def one_line(text: str, limit: int) -> str:
    """One line (headers, footers, properties): no breaks, capped with an ellipsis."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


# --- what a document could not hold ---------------------------------------------------------


@dataclass
class ExportReport:
    """What an export had to change: `replaced` holds (field, character) for every character
    that became U+FFFD; `notes` holds further Dutch sentences for the user."""

    target: Path | None = None
    replaced: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    medium: str = "Word"

    def summary(self) -> str:
        """Dutch sentences naming every replaced character and its field; "" if none."""
        parts = [self._replaced_summary(), *self.notes]
        return " ".join(p for p in parts if p)

    def _replaced_summary(self) -> str:
        if not self.replaced:
            return ""
        places: dict[tuple[str, str], int] = {}
        for where, char in self.replaced:
            places[(where, char)] = places.get((where, char), 0) + 1
        parts = [
            f"{code_point(char)} in '{where}'" + (f" ({count}×)" if count > 1 else "")
            for (where, char), count in list(places.items())[:SUMMARY_MAX_PLACES]
        ]
        rest = sum(list(places.values())[SUMMARY_MAX_PLACES:])
        if rest:
            parts.append(f"en nog {rest} elders")
        total = len(self.replaced)
        if total == 1:
            head = (
                f"1 teken kon niet in {self.medium} worden opgenomen en is vervangen door "
                f"{REPLACEMENT}"
            )
        else:
            head = (
                f"{total} tekens konden niet in {self.medium} worden opgenomen en zijn "
                f"vervangen door {REPLACEMENT}"
            )
        return f"{head}: {', '.join(parts)}."


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def sanitize(text: Any, where: str, report: ExportReport) -> str:
    """`text` as a string every renderer can hold: line ends become \\n, and every character
    XML 1.0 cannot hold becomes U+FFFD and is recorded in `report` under `where`."""
    raw = "" if text is None else str(text)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not _FORBIDDEN.search(raw):
        return raw

    def replace(match: re.Match[str]) -> str:
        report.replaced.append((where, match.group()))
        return REPLACEMENT

    return _FORBIDDEN.sub(replace, raw)


# Fields that only hold references or bookkeeping and are never printed.
_NOT_PRINTED = frozenset(
    {
        "id",
        "interventie_id",
        "item_id",
        "key",
        "aangemaakt",
        "gewijzigd",
        "bijgewerkt",
        "slug",
        "search_terms",
    }
)
_ATTR_LABELS = {"text": "tekst", "source": "bron", "section": "hoofdstuk", "severity": "ernst"}
_ITEM_NAMES = {
    "acties": "Actie",
    "doelen": "Doel",
    "subdoelen": "subdoel",
    "cijfers": "Cijfer",
    "stakeholders": "Stakeholder",
    "handhaving": "Handhavingsmaatregel",
    "wetten": "Wet",
    "lokale_kaders": "Lokaal kader",
    "hulpcontacten": "Hulpcontact",
    "routes": "Route",
    "hulp": "Hulplijn",
    "bronnen": "Bron",
    "historie": "Gebeurtenis",
    "niet_doen": "Niet doen",
    "bands": "Richtlijn",
}


def _attr_label(name: str) -> str:
    return _ATTR_LABELS.get(name, name.replace("_", " "))


def _join(prefix: str, part: str) -> str:
    if not prefix:
        return part[:1].upper() + part[1:]
    return f"{prefix}: {part}"


def clean_tree(obj: Any, report: ExportReport, where: str = "") -> Any:
    """A copy of `obj` (dataclasses, lists, tuples, dicts, strings) in which every printed
    string went through `sanitize`, with a readable field name such as 'Actie 2: naam'.

    Identifiers and lists of ids are left alone: they are never printed, and references
    between objects must keep matching."""
    if isinstance(obj, str):
        return sanitize(obj, where or GENERIC_FIELD, report)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            if not f.init or f.name in _NOT_PRINTED:
                continue
            value = getattr(obj, f.name)
            if f.name == "subdoelen" and value and all(isinstance(v, str) for v in value):
                continue  # Actie.subdoelen: ids of subdoelen
            label = _join(where, _attr_label(f.name))
            if isinstance(value, (list, tuple)) and f.name in _ITEM_NAMES:
                cleaned = [
                    clean_tree(v, report, _item_label(where, _ITEM_NAMES[f.name], n, v))
                    for n, v in enumerate(value, 1)
                ]
                new: Any = type(value)(cleaned)
                if all(a is b for a, b in zip(cleaned, value, strict=True)):
                    new = value
            else:
                new = clean_tree(value, report, label)
            if new is not value:
                changes[f.name] = new
        return dataclasses.replace(obj, **changes) if changes else obj
    if isinstance(obj, (list, tuple)):
        if not obj:
            return obj
        items = [
            clean_tree(v, report, f"{where} {n}" if _is_record(v) else f"{where}, regel {n}")
            for n, v in enumerate(obj, 1)
        ]
        if all(a is b for a, b in zip(items, obj, strict=True)):
            return obj
        return type(obj)(items)
    if isinstance(obj, dict):
        out = {k: clean_tree(v, report, _join(where, str(k))) for k, v in obj.items()}
        return obj if all(out[k] is obj[k] for k in obj) else out
    return obj


def _is_record(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _item_label(prefix: str, name: str, number: int, value: Any) -> str:
    label = f"{name} {number}"
    if isinstance(value, str):
        label = f"{_attr_label(name)}, regel {number}"
    if not prefix:
        return label[:1].upper() + label[1:]
    return f"{prefix}, {label}"
