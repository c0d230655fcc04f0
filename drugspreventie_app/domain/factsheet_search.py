"""Find factsheets by name, street name, stofgroep or werking, forgiving accents and case.

"cocaine" finds Cocaïne, "poes" and "3m" find 3-MMC, "extasy" still finds ecstasy. Spelling
by ear is forgiven too ("kokaine", "extacy"), but a near miss never outranks a real hit: once
a name, street name or stofgroep matches, typo guesses are left out ("wiet" is not "wit").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from drugspreventie_app.domain.factsheet import Factsheet
from drugspreventie_app.domain.text import fold

_NON_WORD = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"(.)\1+")
# Below this a match is only a typo guess; at or above it the query named the substance.
STRONG = 50.0
# Spelling by ear: c and k, x and ks, ph and f, y and i sound alike in Dutch drug names.
_SOUNDS = (("ph", "f"), ("x", "ks"), ("c", "k"), ("y", "i"))


def _squash(text: str) -> str:
    """Fold and drop punctuation/spaces: '3-MMC', '3 mmc' and '3mmc' all become '3mmc'."""
    return _NON_WORD.sub("", fold(text))


def _sound(squashed: str) -> str:
    """'ecstasy' and 'extacy' -> 'ekstasi' and 'ekstaki'; 'cocaine' and 'kokaine' agree."""
    for old, new in _SOUNDS:
        squashed = squashed.replace(old, new) if old != "c" else re.sub(r"c(?!h)", "k", squashed)
    return _DOUBLE.sub(r"\1", squashed)


def _words(text: str) -> list[str]:
    return [w for w in _NON_WORD.split(fold(text)) if w]


def _tiers(q: str, names: list[str], street: list[str], groups: list[str]) -> float:
    if q in names:
        return 100.0
    if q in street:
        return 90.0
    if any(n.startswith(q) for n in names):
        return 80.0
    if any(s.startswith(q) for s in street):
        return 70.0
    if len(q) >= 3 and any(q in n for n in names + street):
        return 60.0
    if len(q) >= 3 and any(w.startswith(q) for w in groups):
        return 50.0
    return 0.0


def _score(sheet: Factsheet, query: str) -> float:
    q = _squash(query)
    if not q:
        return 0.0
    names = [sheet.naam, sheet.slug, *sheet.synoniemen]
    squashed_names = [_squash(n) for n in names]
    squashed_street = [_squash(s) for s in sheet.straatnamen]
    name_words = [w for n in names for w in _words(n)]
    group_words = _words(sheet.stofgroep) + list(sheet.werking)
    direct = _tiers(q, squashed_names, squashed_street, group_words)
    if direct:
        return direct
    # the same tiers on how the words sound, a little below a literal hit
    sounded = 0.9 * _tiers(
        _sound(q),
        [_sound(n) for n in squashed_names + name_words],
        [_sound(s) for s in squashed_street],
        [],
    )
    if sounded:
        return sounded
    # small typos: compare with every name and street-name word of similar length
    if len(q) >= 4:
        candidates = [_sound(c) for c in squashed_names + squashed_street + name_words]
        sq = _sound(q)
        best = max(
            (
                SequenceMatcher(None, sq, c).ratio()
                for c in candidates
                if abs(len(c) - len(sq)) <= 2
            ),
            default=0.0,
        )
        if best >= 0.75:
            return 40.0 * best
    return 0.0


def search_factsheets(
    sheets: Iterable[Factsheet], query: str = "", werkingen: Sequence[str] = ()
) -> list[Factsheet]:
    """Matching sheets, best match first; an empty query lists all (alphabetically)."""
    pool = [s for s in sheets if not werkingen or set(werkingen) & set(s.werking)]
    if not query.strip():
        return sorted(pool, key=lambda s: fold(s.naam))
    scored = [(_score(s, query), s) for s in pool]
    floor = STRONG if any(score >= STRONG for score, _ in scored) else 0.0
    ranked = sorted(scored, key=lambda t: (-t[0], fold(t[1].naam)))
    return [s for score, s in ranked if score > 0 and score >= floor]
