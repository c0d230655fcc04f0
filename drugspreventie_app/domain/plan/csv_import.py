"""Local figures from a CSV file, as the GGD Gezondheidsmonitor and CBS StatLine export them.

Three steps, so the preview can show everything before the plan changes:

1. `inspect_csv` reads the first lines: encoding (UTF-8, else Windows-1252 as Excel saves
   it), separator (semicolon, comma or tab), the header and a few sample rows.
2. `read_rows` streams the whole file with a column mapping (which column holds the
   indicator, group, value, year, source and region). Only the rows that pass the region
   filter are kept, so a 50 MB StatLine export of every municipality is read line by line
   without holding it in memory. Every malformed line is named ("Regel 7: ...").
3. `apply_import` adds the rows to a plan: as figures of the probleemanalyse or as
   measurements of a subdoel, skipping what the plan already holds.

Plain Python, no Qt; the messages are Dutch because they go straight to the user.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from drugspreventie_app.domain.plan.model import Cijfer, Meting, Plan, Subdoel
from drugspreventie_app.domain.plan.numbers import NumberError, cell_number, format_number
from drugspreventie_app.domain.text import fold
from drugspreventie_app.domain.text_policy import clean

SEPARATORS = {";": "puntkomma", ",": "komma", "\t": "tab"}
ROLES = {
    "indicator": "Indicator",
    "groep": "Groep",
    "waarde": "Waarde",
    "jaar": "Jaar",
    "bron": "Bron",
    "regio": "Regio",
}
REQUIRED_ROLES = ("indicator", "waarde", "jaar")
# Header words that point to a role; the first column that matches wins.
_HEADER_HINTS = {
    "indicator": ("indicator", "onderwerp", "onderwerpen", "vraag", "thema", "omschrijving"),
    "groep": ("groep", "doelgroep", "leeftijd", "klas", "geslacht", "populatie"),
    "waarde": ("waarde", "percentage", "aantal", "score", "value", "uitkomst"),
    "jaar": ("jaar", "perioden", "periode", "meetjaar", "year"),
    "bron": ("bron", "source", "herkomst"),
    "regio": ("regio", "regios", "gemeente", "gemeentenaam", "wijk", "ggd-regio"),
}
# What StatLine and the GGD write where a value is missing or kept back.
MISSING_VALUES = {"", ".", "-", "x", "?", "n.v.t.", "nvt", "geheim"}
MAX_ROWS = 5_000  # rows kept after the region filter; more is not a plan's local figures
MAX_ERRORS = 15
MAX_FILE_BYTES = 500 * 1024 * 1024
MAX_CELL = 1_000
SAMPLE_ROWS = 8
_HEAD_BYTES = 64 * 1024
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


class CsvImportError(ValueError):
    """The file cannot be imported; the message names the line and the problem in Dutch."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        head = "Het bestand is niet ingelezen; er is niets aan het plan veranderd. "
        if len(problems) == 1:
            text = head + problems[0]
        else:
            shown = "\n".join(problems[:MAX_ERRORS])
            tail = "\n… en meer problemen." if len(problems) > MAX_ERRORS else ""
            text = f"{head}Er zijn problemen in het bestand:\n{shown}{tail}"
        super().__init__(text)


@dataclass(frozen=True)
class CsvLayout:
    path: Path
    encoding: str
    separator: str
    headers: tuple[str, ...]
    sample: tuple[tuple[str, ...], ...]  # the first data rows, for the preview
    decimal: str  # "," or "."

    @property
    def separator_name(self) -> str:
        return SEPARATORS[self.separator]


@dataclass(frozen=True)
class ImportRow:
    line: int
    indicator: str
    groep: str
    waarde: float
    waarde_tekst: str  # as it will be stored: "34%", "3,1"
    jaar: int
    bron: str


@dataclass
class ReadResult:
    rows: list[ImportRow] = field(default_factory=list)
    lines_read: int = 0
    without_value: int = 0  # rows with "." or an empty value: nothing to import
    other_region: int = 0  # rows outside the region filter

    def series(self) -> list[tuple[str, str]]:
        """The distinct (indicator, groep) pairs, in file order."""
        return list(dict.fromkeys((r.indicator, r.groep) for r in self.rows))


# -- 1. the layout -------------------------------------------------------------------------


def _detect_encoding(head: bytes, complete: bool) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=complete)
    except UnicodeDecodeError:
        return "cp1252"  # Excel's "CSV (gescheiden door lijstscheidingsteken)" on Windows
    return "utf-8"


def _open(path: Path, encoding: str) -> IO[str]:
    return open(path, encoding=encoding, newline="")  # the caller closes it


def inspect_csv(path: Path) -> CsvLayout:
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as raw:
            head = raw.read(_HEAD_BYTES)
    except OSError as err:
        raise CsvImportError([f"Het bestand kan niet worden gelezen: {err.strerror}."]) from None
    if size > MAX_FILE_BYTES:
        raise CsvImportError(
            [f"Het bestand is te groot ({size / 1024 / 1024:.0f} MB; maximaal 500 MB)."]
        )
    if not head.strip(b" \r\n\t\xef\xbb\xbf"):
        raise CsvImportError(["Het bestand is leeg."])
    if b"\x00" in head:
        raise CsvImportError(
            ["Dit is geen tekstbestand (CSV). Sla de tabel op als CSV en probeer het opnieuw."]
        )
    encoding = _detect_encoding(head, complete=size <= _HEAD_BYTES)
    text = head.decode(encoding, errors="replace")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    separator = _detect_separator(first_line)
    with _open(path, encoding) as handle:
        reader = csv.reader(_lines(handle), delimiter=separator)
        try:
            headers = next(reader, None)
            sample = []
            for row in reader:
                if any(cell.strip() for cell in row):
                    sample.append(tuple(_clean(c) for c in row))
                if len(sample) >= SAMPLE_ROWS:
                    break
        except (csv.Error, UnicodeDecodeError) as err:
            raise CsvImportError([f"Regel {reader.line_num}: {_csv_problem(err)}"]) from None
    if headers is None:
        raise CsvImportError(["Het bestand is leeg."])
    headers_clean = tuple(_clean(h) for h in headers)
    if len(headers_clean) < 2:
        raise CsvImportError(
            [
                "Regel 1: de kopregel heeft maar één kolom. Gebruik een bestand met puntkomma's "
                "of komma's tussen de kolommen (zo exporteren de GGD Gezondheidsmonitor en CBS "
                "StatLine)."
            ]
        )
    if not sample:
        raise CsvImportError(["Het bestand heeft een kopregel maar geen regels met gegevens."])
    mapping = guess_mapping(headers_clean)
    column = mapping["waarde"]
    values = [row[column] for row in sample if column is not None and column < len(row)]
    decimal = guess_decimal(values, separator)
    return CsvLayout(path, encoding, separator, headers_clean, tuple(sample), decimal)


def _lines(handle: IO[str]) -> Iterator[str]:
    """The file's lines, each cut to a sane length: one 50 MB line must not fill memory."""
    while True:
        line = handle.readline(MAX_CELL * 100)
        if not line:
            return
        yield line


def _detect_separator(line: str) -> str:
    counts = {sep: _count_outside_quotes(line, sep) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ";"


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def _clean(cell: str) -> str:
    """A cell under the Werkbank's one text rule, capped: a figure's name is not an essay."""
    return clean(cell, MAX_CELL).strip()


def _csv_problem(err: Exception) -> str:
    if isinstance(err, UnicodeDecodeError):
        return "het bestand bevat tekens die niet als tekst te lezen zijn."
    text = str(err)
    if "field larger than field limit" in text:
        return "een veld is te lang; is dit wel een CSV-bestand?"
    if "quote" in text or "EOF" in text:
        return "een aanhalingsteken wordt niet afgesloten."
    return "de regel is geen geldige CSV."


def guess_mapping(headers: Iterable[str]) -> dict[str, int | None]:
    """Which column holds each role, from the header words; None when no header fits."""
    folded = [re.sub(r"[^a-z0-9-]+", " ", fold(h)).split() for h in headers]
    mapping: dict[str, int | None] = dict.fromkeys(ROLES)
    taken: set[int] = set()
    for role, hints in _HEADER_HINTS.items():
        for index, words in enumerate(folded):
            if index not in taken and any(w in hints for w in words):
                mapping[role] = index
                taken.add(index)
                break
    return mapping


def guess_decimal(values: Iterable[str], separator: str) -> str:
    """ "," or ".": what the values show, else what goes with the separator."""
    comma = point = False
    for value in values:
        v = value.replace("%", "").strip()
        if re.fullmatch(r"[-+]?\d+,\d+", v):
            comma = True
        elif re.fullmatch(r"[-+]?\d+\.\d{1,2}|[-+]?\d+\.\d{4,}", v):
            point = True
    if comma and not point:
        return ","
    if point and not comma:
        return "."
    return "." if separator == "," else ","


# -- 2. the rows ---------------------------------------------------------------------------


def read_rows(
    layout: CsvLayout,
    mapping: Mapping[str, int | None],
    *,
    default_source: str = "",
    region: str = "",
) -> ReadResult:
    """Every data row under `mapping`, or `CsvImportError` naming each bad line."""
    problems = _mapping_problems(layout, mapping, default_source)
    if problems:
        raise CsvImportError(problems)
    region_key = fold(_clean(region))
    # A StatLine export repeats a few thousand region names over hundreds of thousands of
    # rows: fold each name once.
    region_cache: dict[str, bool] = {}

    def _same_region(cell: str) -> bool:
        same = region_cache.get(cell)
        if same is None:
            same = region_cache[cell] = fold(cell) == region_key
        return same

    result = ReadResult()
    width = len(layout.headers)
    with _open(layout.path, layout.encoding) as handle:
        reader = csv.reader(_lines(handle), delimiter=layout.separator)
        try:
            next(reader, None)
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                result.lines_read += 1
                line = reader.line_num
                if len(row) != width:
                    problems.append(
                        f"Regel {line}: {len(row)} kolommen, maar de kopregel heeft er {width}. "
                        f"Klopt het scheidingsteken ({layout.separator_name})?"
                    )
                elif region_key and not _same_region(_cell(row, mapping["regio"])):
                    result.other_region += 1
                    continue
                else:
                    parsed = _row(row, line, mapping, layout, default_source, problems)
                    if parsed == "leeg":
                        result.without_value += 1
                    elif isinstance(parsed, ImportRow):
                        result.rows.append(parsed)
                if len(problems) > MAX_ERRORS:
                    break  # enough to show what is wrong; the rest of a bad file adds nothing
                if len(result.rows) > MAX_ROWS:
                    raise CsvImportError(
                        [
                            f"Het bestand heeft meer dan {MAX_ROWS:,} regels met gegevens".replace(
                                ",", "."
                            )
                            + (
                                f" voor '{region}'"
                                if region_key
                                else ". Kies een regio om alleen de cijfers van uw gemeente "
                                "in te lezen, of maak in StatLine een kleinere selectie"
                            )
                            + "."
                        ]
                    )
        except (csv.Error, UnicodeDecodeError) as err:
            problems.append(f"Regel {reader.line_num}: {_csv_problem(err)}")
    if problems:
        raise CsvImportError(problems)
    if not result.rows:
        where = f" voor '{region}'" if region_key else ""
        raise CsvImportError([f"Het bestand bevat geen regels met een waarde{where}."])
    return result


def _mapping_problems(
    layout: CsvLayout, mapping: Mapping[str, int | None], default_source: str
) -> list[str]:
    problems = []
    missing = [ROLES[r] for r in REQUIRED_ROLES if mapping.get(r) is None]
    if missing:
        names = ", ".join(f"'{m}'" for m in missing)
        problems.append(
            f"Er is geen kolom gekozen voor {names}. Het bestand heeft de kolommen: "
            + ", ".join(f"'{h}'" for h in layout.headers)
            + "."
        )
    if mapping.get("bron") is None and not default_source.strip():
        problems.append(
            "Er is geen kolom met de bron en ook geen bron ingevuld. Elk cijfer heeft een bron "
            "nodig (bijvoorbeeld 'GGD Gezondheidsmonitor Jeugd 2027')."
        )
    used = [i for i in mapping.values() if i is not None]
    if any(i >= len(layout.headers) for i in used):
        problems.append("De gekozen kolom bestaat niet in dit bestand.")
    return problems


def _cell(row: list[str], index: int | None) -> str:
    return _clean(row[index]) if index is not None and index < len(row) else ""


def _row(
    row: list[str],
    line: int,
    mapping: Mapping[str, int | None],
    layout: CsvLayout,
    default_source: str,
    problems: list[str],
) -> ImportRow | str | None:
    indicator = _cell(row, mapping["indicator"])
    raw_value = _cell(row, mapping["waarde"])
    raw_year = _cell(row, mapping["jaar"])
    if raw_value.casefold() in MISSING_VALUES:
        return "leeg"
    try:
        value = cell_number(raw_value, layout.decimal)
    except NumberError as err:
        column = _header(layout, mapping["waarde"])
        problems.append(f"Regel {line}: in de kolom {column} staat {err}.")
        return None
    years = _YEAR.findall(raw_year)
    if not years:
        shown = raw_year if len(raw_year) <= 40 else raw_year[:39] + "…"
        column = _header(layout, mapping["jaar"])
        problems.append(f"Regel {line}: in de kolom {column} staat '{shown}'; dat is geen jaartal.")
        return None
    if not indicator:
        problems.append(f"Regel {line}: de indicator is leeg.")
        return None
    source = _cell(row, mapping["bron"]) or _clean(default_source)
    text = format_number(value) + ("%" if raw_value.endswith("%") else "")
    return ImportRow(
        line, indicator, _cell(row, mapping["groep"]), value, text, int(years[0]), source
    )


def _header(layout: CsvLayout, index: int | None) -> str:
    return f"'{layout.headers[index]}'" if index is not None else "?"


# -- 3. into the plan ----------------------------------------------------------------------

AS_CIJFER = "cijfer"  # a figure in the probleemanalyse
SKIP = ""


def subdoel_target(subdoel_id: str) -> str:
    return f"subdoel:{subdoel_id}"


def _words(text: str) -> set[str]:
    """Words that carry meaning: four letters or more, or a number ("klas 4")."""
    return {w for w in re.split(r"[^a-z0-9]+", fold(text)) if len(w) >= 4 or w.isdigit()}


Series = tuple[str, str]  # (indicator, groep): one line of figures in the file


def guess_targets(plan: Plan, series: Iterable[Series]) -> dict[Series, str]:
    """For each series in the file, the subdoel whose indicator shares most of its words
    (more than half of them, at least two), else a figure for the probleemanalyse. A
    subdoel gets at most one series: its own group, not the neighbouring class."""
    subs = [(s, _words(s.indicator)) for s in plan.all_subdoelen() if s.indicator.strip()]
    targets: dict[Series, str] = {}
    best_for_sub: dict[str, tuple[int, Series]] = {}
    for item in series:
        targets[item] = AS_CIJFER
        words = _words(" ".join(item))
        best, best_score = None, 1
        for sub, sub_words in subs:
            score = len(words & sub_words)
            if score > best_score and score * 2 > len(words):
                best, best_score = sub, score
        if best is not None and best_score > best_for_sub.get(best.id, (0, item))[0]:
            best_for_sub[best.id] = (best_score, item)
    for sub_id, (_score, item) in best_for_sub.items():
        targets[item] = subdoel_target(sub_id)
    return targets


@dataclass(frozen=True)
class ImportPreview:
    cijfers: tuple[Cijfer, ...]
    metingen: tuple[tuple[Subdoel, Meting], ...]
    duplicates: int  # rows the plan already holds

    @property
    def count(self) -> int:
        return len(self.cijfers) + len(self.metingen)


def preview_import(
    plan: Plan, rows: Iterable[ImportRow], targets: Mapping[Series, str]
) -> ImportPreview:
    """What `apply_import` would add; the plan itself is not touched."""
    subs = {s.id: s for s in plan.all_subdoelen()}
    seen_cijfers = {_cijfer_key(c) for c in plan.lokale_situatie.cijfers}
    # One measurement per subdoel and year: a year the plan already holds a value for is
    # left as the user typed it, whatever the file says.
    seen_metingen = {(s.id, m.jaar) for s in subs.values() for m in s.metingen if m.waarde.strip()}
    cijfers, metingen, duplicates = [], [], 0
    for row in rows:
        target = targets.get((row.indicator, row.groep), SKIP)
        if target == AS_CIJFER:
            cijfer = Cijfer(
                indicator=row.indicator,
                doelgroep=row.groep,
                waarde=row.waarde_tekst,
                jaar=str(row.jaar),
                bron=row.bron,
            )
            key = _cijfer_key(cijfer)
            if key in seen_cijfers:
                duplicates += 1
                continue
            seen_cijfers.add(key)
            cijfers.append(cijfer)
        elif target.startswith("subdoel:") and target[8:] in subs:
            sub = subs[target[8:]]
            key = (sub.id, row.jaar)
            if key in seen_metingen:
                duplicates += 1
                continue
            seen_metingen.add(key)
            metingen.append(
                (
                    sub,
                    Meting(
                        jaar=row.jaar,
                        waarde=row.waarde_tekst,
                        bron=row.bron,
                        doelgroep=row.groep,
                        toelichting=f"Ingelezen uit CSV: {row.indicator}"[:300],
                    ),
                )
            )
    return ImportPreview(tuple(cijfers), tuple(metingen), duplicates)


def _cijfer_key(c: Cijfer) -> tuple[str, str, str, str]:
    return (fold(c.indicator), fold(c.doelgroep), c.jaar.strip(), c.waarde.strip())


def apply_import(plan: Plan, preview: ImportPreview) -> None:
    """Add what the preview shows to `plan` (matched by subdoel id, so it works on the
    session's own copy of the plan)."""
    plan.lokale_situatie.cijfers.extend(Cijfer(**vars(c)) for c in preview.cijfers)
    subs = {s.id: s for s in plan.all_subdoelen()}
    for sub, meting in preview.metingen:
        target = subs.get(sub.id)
        if target is not None:
            target.metingen.append(Meting(**vars(meting)))
