"""The shipped, fictional example plan (`data/plannen/voorbeeldplan.json`).

It is an ordinary plan file, read with the same strict check as an import. Its ids are fixed;
callers that add it to the user database give it a new plan id (`fresh_example_plan`).
"""

from __future__ import annotations

from pathlib import Path

from drugspreventie_app.content.errors import ContentError
from drugspreventie_app.domain.plan.model import Plan, new_id
from drugspreventie_app.domain.plan.plan_file import PlanFileError, parse_plan_file
from drugspreventie_app.locator import data_dir

EXAMPLE_FILE = ("plannen", "voorbeeldplan.json")


def example_plan_path() -> Path:
    return data_dir().joinpath(*EXAMPLE_FILE)


def example_plan() -> Plan:
    """A new `Plan` object each call (plans are mutable), with the file's own ids."""
    path = example_plan_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ContentError(f"Het voorbeeldplan {path.name} kan niet worden gelezen: {err}") from err
    try:
        return parse_plan_file(text)
    except PlanFileError as err:
        shown = "; ".join(err.problems[:5])
        raise ContentError(f"Het voorbeeldplan {path.name} is beschadigd: {shown}") from err


def fresh_example_plan() -> Plan:
    """The example plan with a new plan id and no timestamps, ready to be saved as a copy."""
    plan = example_plan()
    plan.id = new_id()
    plan.aangemaakt = ""
    plan.gewijzigd = ""
    return plan
