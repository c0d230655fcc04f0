"""Find sentences copied from the source documents: any run of RUN identical words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
RUN = 8


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9à-ÿ]+", text.lower())


@cache
def seed_runs() -> frozenset[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        w = words(seed.read_text(encoding="utf-8", errors="replace"))
        grams.update(tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1))
    return frozenset(grams)


def strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def copied_runs(texts: Iterable[str]) -> list[str]:
    grams = seed_runs()
    found = []
    for text in texts:
        w = words(text)
        found += [
            " ".join(w[i : i + RUN])
            for i in range(len(w) - RUN + 1)
            if tuple(w[i : i + RUN]) in grams
        ]
    return found
