from __future__ import annotations

import re

import pytest

from drugspreventie_app.content.manual import manual_pages, resolve
from drugspreventie_app.domain.plan.sections import SECTIONS
from tests.helpers.seed_copy import SEEDS, copied_runs

# Every topic a tab or dialog asks for with F1 (see help_topic in ui/).
UI_TOPICS = [
    "middelen",
    "interventies",
    "plan",
    "instellingen",
    "eigen-interventie",
    "nieuw-plan",
    "plan-opslaan",
    "plan-acties",
    *(f"plan-{section.id}" for section in SECTIONS),
    "plan-voortgang",
]


def _anchors(html: str) -> set[str]:
    return set(re.findall(r'<a name="([^"]+)"', html))


def test_the_manual_covers_what_the_issue_asks() -> None:
    text = " ".join(page.html for page in manual_pages()).lower()
    for subject in (
        "handout maken",  # how to make a handout
        "interventies vinden",  # how to find interventions
        "onderdeel voor onderdeel",  # writing the plan section by section
        "gegevensmap",  # where the data lives
        "reservekopie",  # backups
        "versies",  # versions
        "beschadigd",  # a damaged file
    ):
        assert subject in text, subject


@pytest.mark.parametrize("topic", UI_TOPICS)
def test_every_tab_and_dialog_opens_at_its_own_part(topic: str) -> None:
    page, anchor = resolve(topic)
    assert page.topic != "start" or topic == "start"
    if anchor:
        assert anchor in _anchors(page.html), f"{topic}: anker {anchor!r} ontbreekt"


def test_every_section_shows_its_guiding_questions() -> None:
    plan, _ = resolve("plan")
    assert "{{" not in plan.html
    for section in SECTIONS:
        for question in section.questions:
            assert question.replace("'", "&#x27;") in plan.html or question in plan.html


def test_links_between_pages_lead_somewhere() -> None:
    topics = {page.topic for page in manual_pages()}
    for page in manual_pages():
        for href in re.findall(r'href="([^"]+)"', page.html):
            name, _, anchor = href.partition("#")
            target = name.removesuffix(".html") if name else page.topic
            assert target in topics, f"{page.topic}: link naar {href}"
            if anchor:
                linked = next(p for p in manual_pages() if p.topic == target)
                assert anchor in _anchors(linked.html), f"{page.topic}: link naar {href}"


def test_unknown_topic_opens_the_start() -> None:
    assert resolve("bestaat-niet")[0].topic == "start"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="de bronnen (shared/seeds) staan niet naast de repo")
def test_no_sentence_copied_from_the_seeds() -> None:
    texts = [re.sub(r"<[^>]+>", " ", page.html) for page in manual_pages()]
    copied = copied_runs(texts)
    assert not copied, f"letterlijk uit de bronnen: {copied[0]!r}"
