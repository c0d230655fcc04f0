"""Load every shipped content file once, for the self-test and the About box."""

from __future__ import annotations

from drugspreventie_app.content.factsheets import all_factsheets


def load_all_content() -> str:
    """Parse and validate everything in `data/`; a short Dutch summary, or raise ContentError."""
    from drugspreventie_app.content.example_plan import example_plan
    from drugspreventie_app.content.interventions import catalogue, guidance

    sheets = all_factsheets()
    items = catalogue()
    bands = guidance().school_bands
    plan = example_plan()
    return (
        f"{len(sheets)} factsheets (peildatum {content_peildatum()}), {len(items)} interventies, "
        f"{len(bands)} leeftijdsbanden richtlijnen, voorbeeldplan '{plan.gemeente}'"
    )


def content_peildatum() -> str | None:
    """The oldest peildatum of the shipped factsheets: the content is as current as that."""
    sheets = all_factsheets()
    oldest = min((s.peildatum for s in sheets), default=None)
    return oldest.strftime("%d-%m-%Y") if oldest else None
