"""Find factsheets by name, street name, stofgroep or werking, forgiving accents and case.

"cocaine" finds Cocaïne, "poes" and "3m" find 3-MMC, "extasy" still finds ecstasy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from drugspreventie_app.domain.factsheet import Factsheet
from drugspreventie_app.domain.text import fold

_NON_WORD = re.compile(r"[^0-9a-z]+")


def _squash(text: str) -> str:
    """Fold and drop punctuation/spaces: '3-MMC', '3 mmc' and '3mmc' all become '3mmc'."""
    return _NON_WORD.sub("", fold(text))


def _words(text: str) -> list[str]:
    return [w for w in _NON_WORD.split(fold(text)) if w]


def _score(sheet: Factsheet, query: str) -> float:
    q = _squash(query)
    if not q:
        return 0.0
    names = [sheet.naam, sheet.slug, *sheet.synoniemen]
    squashed_names = [_squash(n) for n in names]
    squashed_street = [_squash(s) for s in sheet.straatnamen]
    if q in squashed_names:
        return 100.0
    if q in squashed_street:
        return 90.0
    if any(n.startswith(q) for n in squashed_names):
        return 80.0
    if any(s.startswith(q) for s in squashed_street):
        return 70.0
    if len(q) >= 3 and any(q in n for n in squashed_names + squashed_street):
        return 60.0
    group_words = _words(sheet.stofgroep) + list(sheet.werking)
    if len(q) >= 3 and any(w.startswith(q) for w in group_words):
        return 50.0
    # small typos: compare with every name and street-name word of similar length
    if len(q) >= 4:
        candidates = squashed_names + squashed_street + [w for n in names for w in _words(n)]
        best = max(
            (SequenceMatcher(None, q, c).ratio() for c in candidates if abs(len(c) - len(q)) <= 2),
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
    return [s for score, s in sorted(scored, key=lambda t: (-t[0], fold(t[1].naam))) if score > 0]
