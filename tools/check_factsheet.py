"""Check factsheet JSON files against the schema, against copying from the seeds, and the
readability of the texts for parents and young people.

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

# Flesch-Douma reading ease (the Dutch Flesch formula: higher is easier). The floors are what
# the hardest texts scored when the check came in (parents: heroine 64.3, youth: paddo's 70.9),
# so an edit may make a text easier but never harder than the hardest one already was.
READABILITY_FLOOR = {"ouders": 64.0, "jongeren": 70.0}


def audience_texts(doc: dict) -> dict[str, str]:
    """What each audience's handout says in the sheet's own words, as one text."""
    texts = doc["doelgroepteksten"]
    ouders = [texts["ouders"]["samenvatting"], *texts["ouders"]["gesprek"]]
    jongeren = [texts["jongeren"]["samenvatting"], *texts["jongeren"]["veiliger"]]
    jongeren += doc.get("noodgeval", {}).get("jongeren", [])
    return {"ouders": " ".join(ouders), "jongeren": " ".join(jongeren)}


def reading_ease(text: str) -> float:
    import textstat  # a test dependency, imported only when the check runs

    textstat.set_lang("nl")  # Flesch-Douma constants and Dutch hyphenation for syllables
    return float(textstat.flesch_reading_ease(text))


def readability_problems(doc: dict) -> list[str]:
    problems = []
    for audience, text in audience_texts(doc).items():
        score = reading_ease(text)
        if score < READABILITY_FLOOR[audience]:
            problems.append(
                f"leesbaarheid {audience}: Flesch-Douma {score:.1f}, ondergrens "
                f"{READABILITY_FLOOR[audience]:.0f}; maak zinnen korter of woorden eenvoudiger"
            )
    return problems


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
        for problem in readability_problems(doc):
            print(f"{p}: {problem}")
            bad += 1
        if Path(p).stem != doc.get("slug"):
            print(f"{p}: file name must equal slug")
            bad += 1
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
