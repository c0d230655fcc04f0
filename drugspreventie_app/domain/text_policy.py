"""The one rule for text that the Werkbank accepts, wherever it comes from.

Typing, pasting, plan files, local-intervention files and settings all pass through here, so
what the editor accepts is exactly what a plan file can hold and what storage can write:

- a lone surrogate (half of an emoji from a broken file, or an escaped ``\\ud800``) cannot be
  written as UTF-8; it becomes U+FFFD, the replacement character;
- control characters other than tab and newline are invisible and break Word and PDF
  documents; they are removed (a carriage return becomes a newline);
- a field holds at most `MAX_TEXT` characters, so a plan file always reads back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from drugspreventie_app.domain.text import CONTROL_CHARACTERS, join_words

MAX_TEXT = 100_000
REPLACEMENT = "\ufffd"

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CARRIAGE_RETURN = re.compile(r"\r\n?")


@dataclass
class TextChanges:
    """What cleaning changed, counted so the user can be told in one sentence."""

    surrogates: int = 0
    controls: int = 0
    truncated: int = 0  # characters cut off

    def __bool__(self) -> bool:
        return bool(self.surrogates or self.controls or self.truncated)

    def add(self, other: TextChanges) -> None:
        self.surrogates += other.surrogates
        self.controls += other.controls
        self.truncated += other.truncated

    def message(self) -> str:
        """A Dutch sentence for the status bar or an import report; "" when nothing changed."""
        parts = []
        if self.controls:
            found = _count(self.controls, "onzichtbaar stuurteken", "onzichtbare stuurtekens")
            parts.append(f"{found} verwijderd")
        if self.surrogates:
            found = _count(self.surrogates, "onleesbaar teken", "onleesbare tekens")
            parts.append(f"{found} vervangen door {REPLACEMENT}")
        if self.truncated:
            parts.append(f"tekst ingekort tot {MAX_TEXT:,} tekens per veld".replace(",", "."))
        if not parts:
            return ""
        sentence = join_words(parts)
        return sentence[0].upper() + sentence[1:] + "."


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def clean_text(text: str, limit: int | None = MAX_TEXT) -> tuple[str, TextChanges]:
    """`text` as the Werkbank accepts it, and what had to change."""
    changes = TextChanges()
    if text.isascii() and text.isprintable() and (limit is None or len(text) <= limit):
        return text, changes  # the common case, without regular expressions
    text, changes.surrogates = _SURROGATE.subn(REPLACEMENT, text)
    text = _CARRIAGE_RETURN.sub("\n", text)
    text, changes.controls = CONTROL_CHARACTERS.subn("", text)
    if limit is not None and len(text) > limit:
        changes.truncated = len(text) - limit
        text = text[:limit]
    return text, changes


def clean(text: str, limit: int | None = MAX_TEXT) -> str:
    return clean_text(text, limit)[0]


def clean_tree(value: Any, limit: int | None = MAX_TEXT) -> tuple[Any, TextChanges]:
    """Clean every string (keys included) in nested dicts and lists. Returns a new structure
    only where something changed, so clean data (the common case, on every edit) costs no
    copy."""
    changes = TextChanges()
    return _clean_value(value, limit, changes), changes


def _clean_value(value: Any, limit: int | None, changes: TextChanges) -> Any:
    if isinstance(value, str):
        cleaned, found = clean_text(value, limit)
        if found:
            changes.add(found)
        return cleaned
    if isinstance(value, dict):
        out: dict[Any, Any] | None = None
        for key, item in value.items():
            new_key = _clean_value(key, limit, changes) if isinstance(key, str) else key
            new_item = _clean_value(item, limit, changes)
            if new_key is not key or new_item is not item:
                if out is None:
                    out = dict(value)
                if new_key != key:
                    del out[key]
                out[new_key] = new_item
        return out if out is not None else value
    if isinstance(value, list):
        new_list: list[Any] | None = None
        for index, item in enumerate(value):
            new_item = _clean_value(item, limit, changes)
            if new_item is not item:
                if new_list is None:
                    new_list = list(value)
                new_list[index] = new_item
        return new_list if new_list is not None else value
    return value
