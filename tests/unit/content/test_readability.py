"""Texts for parents and young people stay at least as readable as when the check came in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drugspreventie_app.locator import data_dir
from tools.check_factsheet import READABILITY_FLOOR, readability_problems, reading_ease

FILES = sorted((data_dir() / "middelen").glob("*.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_parents_and_youth_texts_meet_the_floor(path: Path) -> None:
    assert readability_problems(json.loads(path.read_text("utf-8"))) == []


def test_flesch_douma_ranks_plain_dutch_above_jargon() -> None:
    plain = "Praat rustig met uw kind. Luister goed. Vraag wat het weet."
    jargon = (
        "Psychoactieve cathinonderivaten veroorzaken dosisafhankelijke sympathicomimetische "
        "toxiciteit, waaronder hyperthermie, tachycardie en paranoïde decompensatie."
    )
    assert reading_ease(plain) > READABILITY_FLOOR["ouders"] > reading_ease(jargon)


def test_a_harder_parents_text_is_reported() -> None:
    doc = json.loads((data_dir() / "middelen" / "3-mmc.json").read_text("utf-8"))
    doc["doelgroepteksten"]["ouders"]["gesprek"] = [
        "Farmacologische interventiestrategieën betreffende psychostimulantiaconsumptie "
        "vereisen multidisciplinaire samenwerkingsverbanden tussen verslavingszorginstellingen."
    ] * 6
    problems = readability_problems(doc)
    assert len(problems) == 1 and "ouders" in problems[0]
