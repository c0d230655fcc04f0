"""Every heading stays with its first lines: no page ends on a heading (issue 14)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from drugspreventie_app.content.factsheets import all_factsheets
from drugspreventie_app.domain.factsheet import Audience
from drugspreventie_app.domain.profile import OrganisationProfile
from drugspreventie_app.export.handout import HandoutContext, handout_meta, handout_story
from drugspreventie_app.export.pdf_document import render_pdf

HEADING_STYLES = {
    "H1", "H2", "H3", "H1Keep", "H2Keep", "Item", "DontHead", "TocEntry", "PlanH2", "PlanH3",
    "PlanItem", "OverflowHead",
}  # fmt: skip


@pytest.fixture
def last_on_page(monkeypatch: pytest.MonkeyPatch) -> dict[int, str]:
    """Records, per page, the style of the last flowable the frame accepted."""
    from reportlab.platypus.flowables import Spacer
    from reportlab.platypus.frames import Frame

    pages: dict[int, str] = defaultdict(str)
    real = Frame.add

    def add(self, flowable, canv, trySplit=0):
        placed = real(self, flowable, canv, trySplit)
        if placed and not isinstance(flowable, Spacer):
            style = getattr(flowable, "style", None)
            pages[canv.getPageNumber()] = getattr(style, "name", type(flowable).__name__)
        return placed

    monkeypatch.setattr(Frame, "add", add)
    return pages


def _stranded(pages: dict[int, str]) -> list[int]:
    last_page = max(pages) if pages else 0
    return [n for n, style in pages.items() if style in HEADING_STYLES and n != last_page]


@pytest.mark.parametrize("audience", list(Audience))
def test_no_handout_page_ends_on_a_heading(last_on_page, audience: Audience) -> None:
    """Regression: 'Wat zegt de wet?' (lachgas, youth), 'Gebruik in cijfers' and 'Risico's'
    (professional) stood at the foot of a page with their text on the next."""
    ctx = HandoutContext(profile=OrganisationProfile(organisatie="Sint-Jozefschool"))
    problems = {}
    for sheet in all_factsheets():
        last_on_page.clear()
        render_pdf(handout_story(sheet, audience, ctx), handout_meta(sheet, audience, ctx))
        if _stranded(last_on_page):
            problems[sheet.slug] = _stranded(last_on_page)
    assert problems == {}


def test_no_page_of_the_overview_or_the_plan_ends_on_a_heading(last_on_page) -> None:
    from drugspreventie_app.content.example_plan import example_plan
    from drugspreventie_app.content.interventions import catalogue, guidance
    from drugspreventie_app.domain.age_range import AgeRange
    from drugspreventie_app.domain.intervention_filter import Criteria
    from drugspreventie_app.export.interventions_overview import overview_meta, overview_story
    from drugspreventie_app.export.plan_pdf import plan_meta, plan_story

    ctx = HandoutContext(profile=OrganisationProfile(organisatie="Gemeente Aalten"))
    items = list(catalogue())
    criteria = Criteria(settings=frozenset({"voortgezet_onderwijs"}), leeftijd=AgeRange(13, 15))
    advice = guidance().advice("voortgezet_onderwijs", AgeRange(13, 15))
    render_pdf(overview_story(items, criteria, advice, ctx), overview_meta(items, ctx))
    assert len(last_on_page) > 5 and _stranded(last_on_page) == []
    last_on_page.clear()
    plan = example_plan()
    interventions = {i.id: i for i in items}
    story = plan_story(plan, ctx, interventions, None)
    render_pdf(story, plan_meta(plan, ctx), with_toc=True)
    assert len(last_on_page) > 5 and _stranded(last_on_page) == []
