"""Check factsheet JSON files against the schema and against copying from the seeds.

Usage: .venv/bin/python tools/check_factsheet.py data/middelen/3-mmc.json [...]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8  # this many consecutive identical words counts as copied


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9à-ÿ]+", text.lower())


def seed_ngrams() -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for f in SEEDS.glob("*.txt"):
        w = words(f.read_text(encoding="utf-8", errors="replace"))
        grams.update(tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1))
    return grams


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)


def main(paths: list[str]) -> int:
    schema = json.loads((ROOT / "data" / "schema" / "factsheet.schema.json").read_text())
    grams = seed_ngrams()
    bad = 0
    for p in paths:
        doc = json.loads(Path(p).read_text(encoding="utf-8"))
        for err in jsonschema.Draft202012Validator(schema).iter_errors(doc):
            print(f"{p}: schema: {list(err.absolute_path)}: {err.message}")
            bad += 1
        for s in strings(doc):
            w = words(s)
            for i in range(len(w) - RUN + 1):
                if tuple(w[i : i + RUN]) in grams:
                    print(f"{p}: copied from seed: {' '.join(w[i : i + RUN])!r} in {s[:80]!r}")
                    bad += 1
                    break
        if Path(p).stem != doc.get("slug"):
            print(f"{p}: file name must equal slug")
            bad += 1
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
