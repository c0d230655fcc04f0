"""Numbers as Dutch policy texts and monitor exports write them: "38%", "38,0", "3,1 (2025)",
"€ 18.000 per jaar", "1.234,5", and the decimal point of an English export ("38.0").

Two readers: `first_number` finds the figure in a free text the user typed (a nulmeting,
a budget), `cell_number` reads one CSV cell strictly and says what is wrong with it.
"""

from __future__ import annotations

import re

# A number with optional thousands separators (dot or space) and a decimal comma or point.
_NUMBER = re.compile(r"(?<![\w.,])([-−]?)(\d{1,3}(?:[. \u00a0]\d{3})+|\d+)(?:([.,])(\d+))?")
_YEAR_IN_BRACKETS = re.compile(r"\((?:[^()]*?\b)?((?:19|20)\d{2})\)")
_CELL = re.compile(r"^([-−+]?)(\d[\d.\s\u00a0]*?)(?:([.,])(\d+))?$")


def _to_float(sign: str, whole: str, mark: str | None, decimals: str | None) -> float:
    digits = re.sub(r"[.\s\u00a0]", "", whole)
    value = float(f"{digits}.{decimals}" if decimals else digits)
    return -value if sign in ("-", "−") else value


def first_number(text: str) -> float | None:
    """The first figure in `text`, or None when it holds none.

    A dot followed by exactly three digits is a thousands separator ("18.000"), as in
    Dutch; any other dot or comma is the decimal mark ("3,1", "38.5")."""
    for match in _NUMBER.finditer(text or ""):
        sign, whole, mark, decimals = match.groups()
        if mark == "." and decimals is not None and len(decimals) == 3 and "." not in whole:
            # "18.000": thousands, not eighteen point zero
            return _to_float(sign, whole + decimals, None, None)
        return _to_float(sign, whole, mark, decimals)
    return None


def year_in_brackets(text: str) -> int | None:
    """The year a value was measured, when the text names it: "38% (2023)" -> 2023."""
    match = _YEAR_IN_BRACKETS.search(text or "")
    return int(match.group(1)) if match else None


class NumberError(ValueError):
    """A CSV cell that should hold a number and does not; the message is Dutch."""


def cell_number(text: str, decimal: str = ",") -> float:
    """One CSV cell as a number: "38%", "38,0", "1.234,5", "12 345"; `decimal` is the decimal
    mark the file uses ("," for a Dutch export, "." for an English one)."""
    raw = (text or "").strip().replace("\u00a0", " ")
    if raw.endswith("%"):
        raw = raw[:-1].rstrip()
    if not raw:
        raise NumberError("de waarde is leeg")
    thousands = "." if decimal == "," else ","
    compact = raw.replace(" ", "")
    if thousands in compact:
        groups = compact.lstrip("+-−").split(decimal)[0].split(thousands)
        if any(len(g) != 3 for g in groups[1:]) or not groups[0]:
            raise NumberError(f"'{_shown(text)}' is geen getal")
        compact = compact.replace(thousands, "")
    if compact.count(decimal) > 1:
        raise NumberError(f"'{_shown(text)}' is geen getal")
    match = _CELL.match(compact)
    if not match:
        raise NumberError(f"'{_shown(text)}' is geen getal")
    sign, whole, mark, decimals = match.groups()
    if mark is not None and mark != decimal:
        raise NumberError(f"'{_shown(text)}' is geen getal")
    return _to_float(sign, whole, mark, decimals)


def _shown(text: str) -> str:
    text = (text or "").strip()
    return text if len(text) <= 40 else text[:39] + "…"


def format_number(value: float, decimals: int | None = None) -> str:
    """Dutch notation: 38 -> "38", 3.1 -> "3,1", 1234.5 -> "1.234,5"."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else (1 if round(value, 1) == value else 2)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_euros(value: int | float) -> str:
    return f"€ {format_number(round(value), 0)}"
