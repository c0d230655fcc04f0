"""Text helpers shared by search and validation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

# Control characters other than tab, newline and carriage return have no place in anything a
# user types (the text rule in text_policy.py removes them); XML and PDF cannot hold most.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fold(text: str) -> str:
    """Lower case without accents: 'Cocaïne' -> 'cocaine'. Used for every search."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def join_words(items: Sequence[str], conjunction: str = "en") -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def labels_in_order(keys: Sequence[str], names: Mapping[str, str]) -> str:
    """Dutch labels of `keys` in the order of `names`; unknown keys (an old import) last, as
    they are."""
    known = [names[key] for key in names if key in keys]
    return ", ".join(known + [key for key in keys if key not in names])


def age_range_text(low: int | None, high: int | None, unbounded: str = "alle leeftijden") -> str:
    """'12-16 jaar', 'vanaf 18 jaar', 'tot 12 jaar', or `unbounded` without limits."""
    if low is None and high is None:
        return unbounded
    if low is None:
        return f"tot {high} jaar"
    if high is None:
        return f"vanaf {low} jaar"
    return f"{low}-{high} jaar"


def has_control_characters(text: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(text))


def strip_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def in_sentence(name: str) -> str:
    """A substance name as it reads inside a sentence: 'Lachgas' -> 'lachgas', while
    abbreviations and codes stay as they are ('GHB', '3-MMC', 'LSD', '2C-B')."""
    first = name.split(" ", 1)[0].split("/", 1)[0]
    if (
        len(first) > 1
        and first[0].isupper()
        and first[1:].islower()
        and first.replace("'", "").isalpha()
    ):
        return name[0].lower() + name[1:]
    return name
