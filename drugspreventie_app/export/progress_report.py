"""The voortgangsrapportage: what the council reads about one year of the plan (or the
mid-term or final evaluation), described once and drawn as PDF and as Word.

`build_progress_report` gathers the content without any renderer: the cover facts, the
summary of goals with their traffic lights, the indicators with their charts, the actions
with status, reach and spending, the measurements with their sources and the open plan-check
findings. `progress_document` only lays that out, once, for PDF and Word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from drugspreventie_app.domain.plan.model import Meting, Plan, Subdoel
from drugspreventie_app.domain.plan.numbers import first_number, format_euros, format_number
from drugspreventie_app.domain.plan.options import ACTIE_STATUSSEN
from drugspreventie_app.domain.plan.progress import (
    LIGHT_LABELS,
    IndicatorProgress,
    doel_light,
    measurements_until,
    plan_progress,
    statuses_until,
)

KINDS = {
    "jaar": "Voortgangsrapportage",
    "tussenevaluatie": "Tussenevaluatie",
    "eindevaluatie": "Eindevaluatie",
}


@dataclass(frozen=True)
class ReportOptions:
    kind: str = "jaar"  # a key of KINDS
    year: int = 2026

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Onbekende soort rapportage '{self.kind}'.")


@dataclass(frozen=True)
class GoalSummary:
    doel: str
    light: str
    counts: dict[str, int]  # light -> number of indicators


@dataclass(frozen=True)
class ActionRow:
    naam: str
    jaar: int | None  # None: no status recorded in the years covered
    status: str
    bereik: str
    uitgegeven: str
    budget: str
    toelichting: str


@dataclass(frozen=True)
class MeasurementRow:
    subdoel: str
    jaar: str
    waarde: str
    groep: str
    bron: str
    datum: str
    toelichting: str


@dataclass
class ProgressReport:
    options: ReportOptions
    title: str
    plan_title: str
    gemeente: str
    periode: str
    organisation: str
    printed: date
    covered_years: tuple[int, ...]
    intro: str
    goals: list[GoalSummary] = field(default_factory=list)
    indicators: list[IndicatorProgress] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    spending: str = ""
    measurements: list[MeasurementRow] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)
    years: tuple[int, int] = (2026, 2029)  # the chart's year axis


def report_title(options: ReportOptions, plan: Plan) -> str:
    if options.kind == "jaar":
        return f"Voortgangsrapportage {options.year}"
    if options.kind == "tussenevaluatie":
        return f"Tussenevaluatie {plan.periode_start}-{options.year}"
    return f"Eindevaluatie {plan.periode_start}-{options.year}"


def default_report_name(plan: Plan, options: ReportOptions) -> str:
    import re

    name = f"{report_title(options, plan)} {plan.gemeente}".strip()
    return re.sub(r"[^\w\- ]+", "", name).strip() or "voortgangsrapportage"


def build_progress_report(
    plan: Plan,
    options: ReportOptions,
    *,
    findings: Sequence[Any] = (),
    organisation: str = "",
    today: date | None = None,
) -> ProgressReport:
    year = options.year
    covered = (year,) if options.kind == "jaar" else tuple(range(plan.periode_start, year + 1))
    indicators = plan_progress(plan, until=year)
    report = ProgressReport(
        options=options,
        title=report_title(options, plan),
        plan_title=plan.titel.strip() or "Preventie- en Handhavingsplan",
        gemeente=plan.gemeente.strip(),
        periode=plan.periode_text(),
        organisation=organisation.strip() or plan.auteur.strip(),
        printed=today or date.today(),
        covered_years=covered,
        intro=_intro(plan, options),
        indicators=indicators,
        years=(plan.periode_start, plan.periode_eind),
    )
    for doel in plan.doelen:
        mine = [p for p in indicators if p.doel is doel]
        if not mine:
            continue
        counts = {key: sum(1 for p in mine if p.light == key) for key in LIGHT_LABELS}
        report.goals.append(
            GoalSummary(
                doel.omschrijving.strip() or "Doel zonder omschrijving", doel_light(mine), counts
            )
        )
    total_spent = 0
    for actie in plan.acties:
        entries = [s for s in statuses_until(actie, year) if s.jaar in covered]
        name = actie.naam.strip() or "Actie zonder naam"
        if not entries:
            report.actions.append(ActionRow(name, None, "niet ingevuld", "", "", actie.budget, ""))
        for entry in entries:
            reach = ""
            if entry.bereik is not None:
                reach = f"{format_number(entry.bereik)} {entry.bereik_eenheid}".strip()
            spent = format_euros(entry.uitgegeven) if entry.uitgegeven is not None else ""
            report.actions.append(
                ActionRow(
                    name,
                    entry.jaar,
                    ACTIE_STATUSSEN.get(entry.status, entry.status),
                    reach,
                    spent,
                    actie.budget,
                    entry.toelichting,
                )
            )
        total_spent += sum(s.uitgegeven or 0 for s in entries)
    report.spending = _spending_text(plan, covered, total_spent)
    for sub, meting in measurements_until(plan, year):
        if options.kind == "jaar" and meting.jaar is not None and meting.jaar > year:
            continue
        report.measurements.append(_measurement_row(sub, meting))
    report.findings = list(findings)
    return report


def _intro(plan: Plan, options: ReportOptions) -> str:
    name = plan.gemeente.strip()
    if not name:
        where = "de gemeente"
    elif name.casefold().startswith("gemeente "):
        where = "g" + name[1:]  # "Gemeente Voorbeeld" -> "gemeente Voorbeeld"
    else:
        where = f"de gemeente {name}"
    if options.kind == "jaar":
        what = (
            f"Deze rapportage laat zien hoe de uitvoering van het plan in {options.year} is "
            f"verlopen en waar {where} staat ten opzichte van de doelen."
        )
    elif options.kind == "tussenevaluatie":
        what = (
            f"Deze tussenevaluatie kijkt terug op de jaren {plan.periode_start} tot en met "
            f"{options.year}: liggen de doelen op koers, en waar moet het plan worden bijgesteld?"
        )
    else:
        what = (
            f"Deze eindevaluatie kijkt terug op de hele planperiode: welke doelen zijn gehaald, "
            f"welke niet, en wat betekent dat voor het volgende plan van {where}?"
        )
    method = (
        "Per indicator vergelijkt de Werkbank de laatste meting met de rechte lijn van de "
        "nulmeting naar de streefwaarde. Ligt de meting op of voorbij die lijn, of hooguit een "
        "tiende van de geplande verandering erachter, dan is de indicator op koers; anders loopt "
        "hij achter. Zonder nulmeting, streefwaarde of meting als getal staat er: geen gegevens."
    )
    return f"{what}\n\n{method}"


def _spending_text(plan: Plan, covered: tuple[int, ...], total: int) -> str:
    if not total:
        return "Er zijn geen uitgaven vastgelegd."
    years = f"in {covered[0]}" if len(covered) == 1 else f"in {covered[0]}-{covered[-1]}"
    budgets = [first_number(a.budget) for a in plan.acties if "per jaar" in a.budget.lower()]
    yearly = sum(b for b in budgets if b is not None)
    text = f"Uitgegeven {years}: {format_euros(total)}."
    if yearly:
        text += (
            f" De acties met een jaarbudget begroten samen {format_euros(yearly)} per jaar "
            f"({format_euros(yearly * len(covered))} over deze {len(covered)} "
            f"{'jaar' if len(covered) == 1 else 'jaren'}); eenmalige bedragen staan per actie "
            "in de tabel."
        )
    return text


def _measurement_row(sub: Subdoel, meting: Meting) -> MeasurementRow:
    return MeasurementRow(
        subdoel=sub.omschrijving.strip() or sub.indicator.strip(),
        jaar=str(meting.jaar) if meting.jaar is not None else "–",
        waarde=meting.waarde.strip() or "geen meting",
        groep=meting.doelgroep,
        bron=meting.bron.strip() or "bron ontbreekt",
        datum=meting.datum,
        toelichting=meting.toelichting,
    )


def write_progress_report(
    target: Path,
    plan: Plan,
    options: ReportOptions,
    *,
    findings: Sequence[Any] = (),
    organisation: str = "",
    today: date | None = None,
) -> Path:
    """Write the report as PDF or Word, as the file name's extension says."""
    report = build_progress_report(
        plan, options, findings=findings, organisation=organisation, today=today
    )
    suffix = Path(target).suffix.lower()
    if suffix in (".pdf", ".docx"):
        from drugspreventie_app.export.output import write_document
        from drugspreventie_app.export.progress_document import progress_document

        write_document(Path(target), progress_document(report))
        return Path(target)
    raise ValueError(
        f"Onbekend bestandstype '{suffix or '(geen)'}': kies een bestandsnaam op .pdf of .docx."
    )
