"""Text helpers shared by search and validation."""

from __future__ import annotations

import re
import unicodedata

# Control characters other than tab and newline have no place in anything a user types; XML
# (docx) and PDF text cannot hold most of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fold(text: str) -> str:
    """Lower case without accents: 'Cocaïne' -> 'cocaine'. Used for every search."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


def strip_control_characters(text: str) -> str:
    return _CONTROL.sub("", text)
