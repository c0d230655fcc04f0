"""The offline manual (Dutch HTML in data/handleiding/), one file per topic.

Files are called `NN-topic.html`; NN fixes the order of the contents list and the first
<h1> is the topic's title. A topic asked for as "plan-acties" opens plan.html at the anchor
"acties", so every tab and dialog can ask for exactly the part about itself. The plan's
guiding questions are filled in from the plan template itself ({{hulpvragen:section}}), so the
manual never tells a different story than the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from drugspreventie_app import locator
from drugspreventie_app.content.errors import ContentError
from drugspreventie_app.domain.plan.sections import SECTION_BY_ID

START_TOPIC = "start"
_FILE = re.compile(r"^\d+-(?P<topic>[a-z0-9-]+)\.html$")
_TITLE = re.compile(r"<h1>(.*?)</h1>", re.S)
_QUESTIONS = re.compile(r"\{\{hulpvragen:([a-z_]+)\}\}")


@dataclass(frozen=True)
class ManualPage:
    topic: str
    title: str
    html: str


def manual_dir() -> Path:
    """The manual of the content pack in use, else the one shipped with the program."""
    for folder in (locator.data_dir() / "handleiding", locator.bundle_root() / "data/handleiding"):
        if folder.is_dir():
            return folder
    raise ContentError("De handleiding (data/handleiding) ontbreekt. Installeer opnieuw.")


def _questions_html(match: re.Match[str]) -> str:
    section = SECTION_BY_ID.get(match.group(1))
    if section is None:
        raise ContentError(f"Handleiding: onbekend onderdeel {match.group(1)!r}.")
    items = "".join(f"<li>{escape(q)}</li>" for q in section.questions)
    return f"<p><i>Hulpvragen:</i></p><ul>{items}</ul>"


@cache
def manual_pages() -> tuple[ManualPage, ...]:
    pages = []
    for path in sorted(manual_dir().iterdir()):
        found = _FILE.match(path.name)
        if not found:
            continue
        text = path.read_text(encoding="utf-8")
        title = _TITLE.search(text)
        if title is None:
            raise ContentError(f"Handleiding: {path.name} heeft geen titel (<h1>).")
        pages.append(
            ManualPage(found.group("topic"), title.group(1), _QUESTIONS.sub(_questions_html, text))
        )
    if not pages:
        raise ContentError("De handleiding is leeg.")
    return tuple(pages)


def resolve(topic: str) -> tuple[ManualPage, str]:
    """The page and anchor for a topic such as 'plan-acties'; unknown topics open the start."""
    by_topic = {page.topic: page for page in manual_pages()}
    name, _, anchor = topic.partition("#")
    name = name.removesuffix(".html")
    if name in by_topic:
        return by_topic[name], anchor
    # "plan-acties" -> page "plan", anchor "acties" (the longest page name that fits)
    for page in sorted(by_topic.values(), key=lambda p: -len(p.topic)):
        if name.startswith(page.topic + "-"):
            return page, anchor or name[len(page.topic) + 1 :]
    return by_topic.get(START_TOPIC, manual_pages()[0]), ""
