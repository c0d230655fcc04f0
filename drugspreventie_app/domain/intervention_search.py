"""Free-text search over interventions that forgives accents, case and small typos.

"moti 4" finds Moti-4, "helder op scool" finds Helder op School; the whole query, spaces
and hyphens dropped, may also be a near miss of a whole name ("motie4" for Moti-4, "tripel p"
for Triple P: one letter too many, or two letters swapped). Every query word must match
a word of the intervention (name, description, target group, programme, provider): exactly,
as a prefix, or within a small edit distance. The index maps words to interventions once, so
a keystroke only scans the vocabulary, not every intervention.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from drugspreventie_app.domain.intervention import Intervention
from drugspreventie_app.domain.text import fold

_SPLIT = re.compile(r"[^0-9a-z]+")


def tokens(text: str) -> list[str]:
    return [t for t in _SPLIT.split(fold(text)) if t]


def _mask(word: str) -> int:
    """Which letters occur: two words within k edits differ in at most 2k of these bits."""
    mask = 0
    for ch in word:
        mask |= 1 << (ord(ch) & 63)
    return mask


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by exactly one substitution, insertion or deletion (or are equal)."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    for i, (ca, cb) in enumerate(zip(a, b, strict=False)):
        if ca != cb:
            return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]
    return True


def within_edits(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b is at most `limit` (banded, early exit)."""
    if abs(len(a) - len(b)) > limit:
        return False
    if limit == 1:
        return _one_edit(a, b)
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            best = min(best, current[j])
        if best > limit:
            return False
        previous = current
    return previous[-1] <= limit


def within_edits_or_swaps(a: str, b: str, limit: int) -> bool:
    """Like `within_edits`, but two neighbouring letters swapped ("tripel" for "triple")
    count as one edit (optimal string alignment distance)."""
    if abs(len(a) - len(b)) > limit:
        return False
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1] <= limit


def allowed_edits(word: str) -> int:
    if len(word) >= 8:
        return 2
    if len(word) >= 4:
        return 1
    return 0


class SearchIndex:
    def __init__(self, items: Iterable[Intervention]) -> None:
        self._words: dict[str, set[str]] = defaultdict(set)
        self._name_words: dict[str, set[str]] = defaultdict(set)
        self._squashed_names: dict[str, str] = {}
        self._name_masks: dict[str, int] = {}
        for item in items:
            for word in tokens(item.naam):
                self._name_words[word].add(item.id)
                self._words[word].add(item.id)
            squashed = "".join(tokens(item.naam))
            self._squashed_names[item.id] = squashed
            self._name_masks[item.id] = _mask(squashed)
            extra = " ".join(
                x or ""
                for x in (item.beschrijving, item.doelgroep, item.onderdeel_van, item.aanbieder)
            )
            for word in tokens(extra):
                self._words[word].add(item.id)
        self._vocabulary = tuple(self._words)
        # letter masks of every prefix of every word, for a cheap rejection before the
        # edit-distance check (most of the vocabulary fails it)
        self._prefix_masks = {w: _prefix_masks(w) for w in self._vocabulary}
        self._matching_words = lru_cache(maxsize=512)(self._matching_words_uncached)
        # the finder asks once for the results and again for the counts of the same query
        self._matching_ids = lru_cache(maxsize=64)(self._matching_ids_uncached)

    def _matching_words_uncached(self, word: str) -> tuple[str, ...]:
        limit = allowed_edits(word)
        mask, size, bits = _mask(word), len(word), 2 * limit
        found = []
        for candidate in self._vocabulary:
            if candidate.startswith(word):
                found.append(candidate)
                continue
            if not limit:
                continue
            masks = self._prefix_masks[candidate]
            # a typo in a whole word ("scool") or in the start of one while typing ("scoo")
            if (
                abs(len(candidate) - size) <= limit
                and (masks[-1] ^ mask).bit_count() <= bits
                and within_edits(word, candidate, limit)
            ) or (
                len(candidate) > size
                and (masks[size - 1] ^ mask).bit_count() <= bits
                and within_edits(word, candidate[:size], limit)
            ):
                found.append(candidate)
        return tuple(found)

    def _near_miss_names(self, squashed: str) -> set[str]:
        limit, mask = allowed_edits(squashed), _mask(squashed)
        if not limit:
            return set()
        return {
            i
            for i, name in self._squashed_names.items()
            if abs(len(name) - len(squashed)) <= limit
            and (self._name_masks[i] ^ mask).bit_count() <= 2 * limit
            and within_edits_or_swaps(squashed, name, limit)
        }

    def matching_ids(self, query: str) -> frozenset[str] | None:
        return self._matching_ids(query)

    def _matching_ids_uncached(self, query: str) -> frozenset[str] | None:
        """Ids matching every word of `query`; None when the query has no words (no filter)."""
        words = tokens(query)
        if not words:
            return None
        squashed = "".join(words)
        by_name = {i for i, name in self._squashed_names.items() if squashed in name}
        result: set[str] | None = None
        for word in words:
            ids: set[str] = set()
            for candidate in self._matching_words(word):
                ids |= self._words[candidate]
            result = ids if result is None else result & ids
            if not result:
                break
        if not result and not by_name:
            # nothing matched word by word: perhaps a near miss of a whole name
            by_name = self._near_miss_names(squashed)
        return frozenset((result or set()) | by_name)


def _prefix_masks(word: str) -> tuple[int, ...]:
    masks, mask = [], 0
    for ch in word:
        mask |= 1 << (ord(ch) & 63)
        masks.append(mask)
    return tuple(masks)
