"""The Preventie- en Handhavingsplan as one `Document`: cover page, table of contents, the
eight numbered chapters with their tables, the coverage of the actions, the chosen
interventions (Bijlage A) and, when given, the outcome of the plan check (Bijlage B).
Written as PDF or Word by the file's suffix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from drugspreventie_app.domain.intervention import NIVEAUS, SETTINGS, Intervention
from drugspreventie_app.domain.plan.coverage import plan_coverage
from drugspreventie_app.domain.plan.model import Actie, Plan
from drugspreventie_app.domain.plan.options import (
    AANLEIDINGEN,
    DOMEINEN,
    HANDHAVING_MAATREGELEN,
    MODELLEN,
    PRIORITEITEN,
    REIKWIJDTE,
)
from drugspreventie_app.domain.plan.sections import SECTION_BY_ID
from drugspreventie_app.export import document as dm
from drugspreventie_app.export import plan_text
from drugspreventie_app.export.handout import HandoutContext, organisation_blocks
from drugspreventie_app.export.output import write_document

DOCUMENT_KIND = "Preventie- en Handhavingsplan"
FALLBACK_AUTHOR = dm.APP_NAME
EMPTY = "(nog niet ingevuld)"
CONTENTS = "Inhoud"
COVERAGE_TITLE = "Dekking van de acties"
APPENDIX_INTERVENTIONS = "Bijlage A: Gekozen interventies"
APPENDIX_CHECK = "Bijlage B: Plancheck"
SEVERITIES = (("fout", "Fouten"), ("waarschuwing", "Waarschuwingen"), ("tip", "Tips"))
FOOTER_CHARS = 52  # the footer prints the date from the middle of the page: stay clear of it
COVERAGE_INTRO = (
    "Aantal acties per setting en preventieniveau. Een gearceerd vak met 0 is een setting en "
    "niveau waar het plan nog geen actie heeft: bespreek in de werkgroep of dat zo bedoeld is."
)


def _filled(text: Any) -> bool:
    return bool(str(text or "").strip())


def _chapter(doc: dm.Document, section_id: str) -> None:
    section = SECTION_BY_ID[section_id]
    doc.add(dm.Heading(f"{section.number} {section.title}", 1, contents=True))


def _sub(doc: dm.Document, number: str, title: str) -> None:
    doc.add(dm.Heading(f"{number} {title}", 2, contents=True))


def _empty(doc: dm.Document) -> None:
    doc.add(dm.Paragraph(EMPTY, "empty"))


# --- cover ---------------------------------------------------------------------------------


def _cover(doc: dm.Document, plan: Plan, ctx: HandoutContext, organisation: str) -> None:
    doc.add(*organisation_blocks(ctx, ctx.profile), dm.Space(38))
    titel = plan.titel.strip()
    if "handhavingsplan" not in titel.casefold():
        doc.add(dm.Paragraph(DOCUMENT_KIND, "kicker"))
    doc.paras(plan.titel, "cover_title")
    subtitle = " · ".join(x for x in (plan.gemeente.strip(), plan.periode_text()) if x)
    doc.add(dm.Paragraph(subtitle, "cover_sub"), dm.Rule())
    facts = (
        ("Gemeente", plan.gemeente),
        ("Periode", plan.periode_text()),
        ("Reikwijdte", plan_text.label(REIKWIJDTE, plan.reikwijdte)),
        ("Status", plan_text.status_text(plan)),
        ("Datum", f"{ctx.printed:%d-%m-%Y}"),
        ("Auteur", plan.auteur),
        ("Organisatie", organisation),
    )
    doc.add(dm.Facts(facts), dm.PageBreak(), dm.Contents(CONTENTS, levels=2), dm.PageBreak())


# --- the chapters --------------------------------------------------------------------------


def _inleiding(doc: dm.Document, plan: Plan) -> None:
    inl = plan.inleiding
    _chapter(doc, "inleiding")
    _sub(doc, "1.1", "Aanleiding")
    reasons = []
    for key in inl.aanleiding:
        if key == "anders" and _filled(inl.aanleiding_anders):
            reasons.append(f"Anders: {inl.aanleiding_anders}")
        else:
            reasons.append(plan_text.label(AANLEIDINGEN, key))
    doc.bullets(reasons)
    if _filled(inl.aanleiding_toelichting) or not reasons:
        doc.paras(inl.aanleiding_toelichting, empty=EMPTY)
    _sub(doc, "1.2", "Kaders")
    for title, items in (("Landelijke wetten", inl.wetten), ("Lokale kaders", inl.lokale_kaders)):
        doc.add(dm.Heading(title, 3))
        chosen = [k for k in items if k.van_toepassing]
        if not chosen:
            _empty(doc)
        doc.add(*(dm.Field(k.naam, k.toelichting or "van toepassing") for k in chosen))
    _sub(doc, "1.3", "Definities")
    doc.paras(inl.definities, empty=EMPTY)


def _beleidsfocus(doc: dm.Document, plan: Plan) -> None:
    bf = plan.beleidsfocus
    _chapter(doc, "beleidsfocus")
    _sub(doc, "2.1", "Visie")
    doc.paras(bf.visie, empty=EMPTY)
    _sub(doc, "2.2", "Missie")
    doc.paras(bf.missie, empty=EMPTY)
    _sub(doc, "2.3", "Model")
    if bf.model == "anders":
        doc.paras(
            f"Ander model: {bf.model_anders}" if _filled(bf.model_anders) else "", empty=EMPTY
        )
    elif bf.model:
        doc.paras(plan_text.label(MODELLEN, bf.model), empty=EMPTY)
    else:
        _empty(doc)
    _sub(doc, "2.4", "Speerpunten")
    doc.bullets(bf.speerpunten, empty=EMPTY)


def _lokale_situatie(doc: dm.Document, plan: Plan) -> None:
    ls = plan.lokale_situatie
    _chapter(doc, "lokale_situatie")
    _sub(doc, "3.1", "Cijfers")
    if ls.cijfers:
        doc.table(
            ["Indicator", "Doelgroep", "Waarde", "Jaar", "Bron"],
            [[c.indicator, c.doelgroep, c.waarde, c.jaar, c.bron] for c in ls.cijfers],
            (48, 34, 26, 13, 48),
            when_empty=EMPTY,
        )
    else:
        _empty(doc)
    _sub(doc, "3.2", "Bevindingen van professionals")
    doc.paras(ls.bevindingen, empty=EMPTY)
    _sub(doc, "3.3", "Duiding")
    doc.paras(ls.duiding, empty=EMPTY)
    _sub(doc, "3.4", "Doelgroepen")
    doc.bullets(ls.doelgroepen)
    if _filled(ls.doelgroepen_toelichting) or not ls.doelgroepen:
        doc.paras(ls.doelgroepen_toelichting, empty=EMPTY)
    _sub(doc, "3.5", "Stakeholders")
    if ls.stakeholders:
        rows = []
        for s in ls.stakeholders:
            name = (
                f"{s.organisatie}\n(verslavingspreventie)"
                if s.verslavingspreventie
                else s.organisatie
            )
            rows.append([name, plan_text.label(DOMEINEN, s.domein), s.huidige_rol, s.gewenste_rol])
        doc.table(
            ["Organisatie", "Domein", "Huidige rol", "Gewenste rol"],
            rows,
            (42, 25, 51, 51),
            when_empty=EMPTY,
        )
    else:
        _empty(doc)


def _doelen(doc: dm.Document, plan: Plan) -> None:
    _chapter(doc, "doelen")
    _sub(doc, "4.1", "Doelen en subdoelen")
    if not plan.doelen:
        _empty(doc)
    else:
        rows: list[list[str | dm.Cell]] = []
        for d, doel in enumerate(plan.doelen, 1):
            head = f"Doel {d}. {doel.omschrijving.strip() or EMPTY}"
            priority = plan_text.label(PRIORITEITEN, doel.prioriteit)
            rows.append(
                [
                    dm.Cell(head, bold=True, span=5, shade=True),
                    dm.Cell(priority, bold=True, shade=True),
                ]
            )
            if not doel.subdoelen:
                rows.append([dm.Cell("(nog geen subdoelen)", indent=True), "", "", "", "", ""])
            for s, sub in enumerate(doel.subdoelen, 1):
                rows.append(
                    [
                        dm.Cell(f"{d}.{s} {sub.omschrijving.strip()}", indent=True),
                        sub.indicator,
                        sub.nulmeting,
                        sub.streefwaarde,
                        "" if sub.streefjaar is None else str(sub.streefjaar),
                        "",
                    ]
                )
        doc.table(
            ["Doel / subdoel", "Indicator", "Nulmeting", "Streefwaarde", "Jaar", "Prioriteit"],
            rows,
            (57, 33, 23, 25, 12, 19),
        )
    _sub(doc, "4.2", "Prioriteiten")
    by_priority = [
        (label, [f"Doel {d}" for d, doel in enumerate(plan.doelen, 1) if doel.prioriteit == key])
        for key, label in PRIORITEITEN.items()
    ]
    doc.bullets(
        [f"{label}: {', '.join(doelen)}" for label, doelen in by_priority if doelen], empty=EMPTY
    )


def coverage_counts(plan: Plan) -> dict[tuple[str, str], int]:
    return {cell: len(names) for cell, names in plan_coverage(plan).items()}


def coverage_alt_text(counts: Mapping[tuple[str, str], int]) -> str:
    filled = [
        f"{SETTINGS[s]}, {NIVEAUS[n].lower()}: {count}" for (s, n), count in counts.items() if count
    ]
    head = "Tabel van het aantal acties per setting en preventieniveau. "
    if not filled:
        return head + "Het plan heeft nog geen acties met een setting en niveau."
    return head + "Vakken met acties: " + "; ".join(filled) + ". Alle andere vakken: 0."


def _action_details(
    doc: dm.Document,
    actie: Actie,
    number: int,
    plan: Plan,
    interventions: Mapping[str, Intervention],
    numbers: Mapping[str, str],
) -> None:
    doc.add(dm.Heading(f"Actie {number}. {actie.naam.strip() or '(zonder naam)'}", 3))
    doc.paras(actie.beschrijving)
    item = interventions.get(actie.interventie_id or "")
    if item is not None:
        doc.add(dm.Field("Interventie", f"{item.naam} ({item.erkenning}); zie bijlage A"))
    elif actie.interventie_id:
        doc.add(dm.Field("Interventie", "niet meer beschikbaar in de Werkbank"))
    else:
        doc.add(dm.Field("Interventie", "eigen maatregel, geen interventie uit de catalogus"))
    for label, value in plan_text.action_fields(actie, plan, numbers):
        if _filled(value):
            doc.add(dm.Field(label, value))


def _acties(doc: dm.Document, plan: Plan, interventions: Mapping[str, Intervention]) -> None:
    numbers = plan_text.subdoel_numbers(plan)
    _chapter(doc, "acties")
    _sub(doc, "5.1", "Overzicht van de acties")
    if plan.acties:
        rows = []
        for actie in plan.acties:
            where = (actie.niveau, plan_text.label(SETTINGS, actie.setting))
            when = (plan_text.planning(actie), actie.budget.strip())
            served = plan_text.served_subdoelen(actie, plan, numbers)
            rows.append(
                [
                    actie.naam,
                    " · ".join(x for x in where if x),
                    actie.doelgroep,
                    actie.uitvoerder,
                    "\n".join(x for x in when if x),
                    "\n".join(dm.one_line(s, 70) for s in served),
                ]
            )
        doc.table(
            [
                "Actie",
                "Niveau en setting",
                "Doelgroep",
                "Uitvoerder",
                "Planning en budget",
                "Dient subdoelen",
            ],
            rows,
            (29, 25, 27, 30, 24, 34),
            compact=True,
            when_empty=EMPTY,
        )
        levels = ", ".join(f"{k} = {v.lower()}" for k, v in NIVEAUS.items())
        doc.add(dm.Paragraph(f"Niveaus: {levels}.", "muted"))
    else:
        _empty(doc)
    _sub(doc, "5.2", COVERAGE_TITLE)
    counts = coverage_counts(plan)
    doc.add(
        dm.Paragraph(COVERAGE_INTRO), dm.Figure("coverage", coverage_alt_text(counts), data=counts)
    )
    loose = [
        plan_text.action_name(a)
        for a in plan.acties
        if a.setting not in SETTINGS or a.niveau not in NIVEAUS
    ]
    if loose:
        doc.add(
            dm.Paragraph(
                f"Niet in de tabel, omdat setting of niveau ontbreekt: {'; '.join(loose)}.",
                "muted",
            )
        )
    _sub(doc, "5.3", "Beschrijving per actie")
    if not plan.acties:
        _empty(doc)
    for number, actie in enumerate(plan.acties, 1):
        _action_details(doc, actie, number, plan, interventions, numbers)


def _handhaving(doc: dm.Document, plan: Plan) -> None:
    _chapter(doc, "handhaving")
    _sub(doc, "6.1", "Maatregelen en toezicht")
    if not plan.handhaving:
        _empty(doc)
        return
    rows = [
        [
            plan_text.label(HANDHAVING_MAATREGELEN, m.maatregel),
            m.omschrijving,
            m.instrument,
            m.verantwoordelijke,
            m.frequentie,
        ]
        for m in plan.handhaving
    ]
    doc.table(
        ["Maatregel", "Omschrijving", "Instrument", "Verantwoordelijke", "Frequentie"],
        rows,
        (27, 46, 33, 33, 30),
        compact=True,
        when_empty=EMPTY,
    )


def _evaluatie(doc: dm.Document, plan: Plan) -> None:
    ev = plan.evaluatie
    _chapter(doc, "evaluatie")
    _sub(doc, "7.1", "Evaluatiemomenten")
    moments = [
        ("Jaarlijkse monitoring", ev.jaarlijks),
        ("Tussentijdse evaluatie", ev.tussentijds),
        ("Eindevaluatie", ev.eindevaluatie),
    ]
    if any(_filled(text) for _, text in moments):
        rows = [[label, text.strip() or EMPTY] for label, text in moments]
        doc.table(["Moment", "Hoe en wanneer"], rows, (42, 127))
    else:
        _empty(doc)
    _sub(doc, "7.2", "Indicatoren")
    doc.bullets(ev.indicatoren, empty=EMPTY)
    _sub(doc, "7.3", "Sleutelfiguren")
    doc.bullets(ev.sleutelfiguren, empty=EMPTY)


def _communicatie(doc: dm.Document, plan: Plan) -> None:
    com = plan.communicatie
    _chapter(doc, "communicatie")
    _sub(doc, "8.1", "Doelen")
    doc.paras(com.doelen, empty=EMPTY)
    _sub(doc, "8.2", "Doelgroepen")
    doc.paras(com.doelgroepen, empty=EMPTY)
    _sub(doc, "8.3", "Kanalen")
    doc.paras(com.kanalen, empty=EMPTY)


# --- appendices ----------------------------------------------------------------------------


def _appendix_interventions(
    doc: dm.Document, chosen: Sequence[tuple[Intervention, list[str]]]
) -> None:
    doc.add(dm.Heading(APPENDIX_INTERVENTIONS, 1, contents=True, page_break=True))
    if not chosen:
        doc.add(dm.Paragraph("(geen interventies uit de catalogus gekozen)", "empty"))
        return
    doc.paras(
        "De erkende en eigen interventies die de acties in hoofdstuk 5 gebruiken, met de "
        "erkenning uit de databanken."
    )
    for item, actions in chosen:
        part = dm.Document(doc.meta)
        part.add(dm.Heading(f"{item.naam} (eigen, lokaal)" if item.lokaal else item.naam, 2))
        part.add(dm.Field("Erkenning", item.erkenning))
        if _filled(item.doelgroep):
            part.add(dm.Field("Doelgroep", item.doelgroep))
        part.add(
            dm.Field("Leeftijd", item.age_text()),
            dm.Field("Setting", plan_text.labels(item.settings, SETTINGS) or "–"),
            dm.Field("Niveau", plan_text.labels(item.niveaus, NIVEAUS) or "–"),
        )
        part.paras(item.beschrijving)
        part.add(dm.Field("Gebruikt in", "; ".join(actions)))
        # interventions are short: keep each on one page; a long one still splits
        doc.add(dm.Group(tuple(part.blocks)))


def _appendix_check(doc: dm.Document, findings: Sequence[Any], ctx: HandoutContext) -> None:
    """The plan-check summary."""
    doc.add(dm.Heading(APPENDIX_CHECK, 1, contents=True, page_break=True))
    doc.paras(
        f"Uitkomst van de plancheck van de Werkbank op {ctx.printed:%d-%m-%Y}: wat nog "
        "ontbreekt of tegen de richtlijnen ingaat, met de bron."
    )
    if not findings:
        doc.paras("De plancheck vond geen punten.")
        return
    known = {key for key, _ in SEVERITIES}
    groups = [*SEVERITIES]
    if any(getattr(f, "severity", "") not in known for f in findings):
        groups.append(("", "Overige punten"))
    for key, title in groups:
        items = [
            f
            for f in findings
            if getattr(f, "severity", "") == key
            or (not key and getattr(f, "severity", "") not in known)
        ]
        if not items:
            continue
        doc.add(dm.Heading(f"{title} ({len(items)})", 2))
        items.sort(key=lambda f: plan_text.section_rank(getattr(f, "section", "")))
        texts, notes = [], []
        for finding in items:
            texts.append(str(getattr(finding, "text", "") or "–"))
            meta = []
            section = plan_text.section_name(getattr(finding, "section", ""))
            if section:
                meta.append(f"Hoofdstuk: {section}")
            source = str(getattr(finding, "source", "") or "").strip()
            if source:
                meta.append(f"Bron: {source}")
            notes.append(" · ".join(meta))
        doc.add(dm.BulletList(tuple(texts), tuple(notes)))


# --- the document --------------------------------------------------------------------------


def plan_meta(plan: Plan, organisation: str, ctx: HandoutContext) -> dm.DocumentMeta:
    titel = plan.titel.strip() or DOCUMENT_KIND
    gemeente = plan.gemeente.strip()
    org = organisation.strip()
    author = org or plan.auteur.strip() or FALLBACK_AUTHOR
    subject = " ".join(x for x in (DOCUMENT_KIND, gemeente, plan.periode_text()) if x)
    footer = dm.one_line(" · ".join(x for x in (org or gemeente, titel) if x), FOOTER_CHARS)
    keywords = "; ".join(x for x in ("drugspreventie", DOCUMENT_KIND.lower(), gemeente) if x)
    return dm.DocumentMeta(
        title=titel,
        author=author,
        subject=subject,
        footer=footer,
        printed=ctx.printed,
        keywords=keywords,
    )


def plan_document(
    plan: Plan,
    ctx: HandoutContext,
    interventions: Mapping[str, Intervention],
    findings: Sequence[Any] | None = None,
) -> dm.Document:
    """The whole plan, with the plan-check summary as Bijlage B when `findings` is given."""
    report = dm.ExportReport()
    plan = dm.clean_tree(plan, report)
    profile = dm.clean_tree(ctx.profile, report, "Organisatiegegevens")
    ctx = HandoutContext(profile, ctx.logo, ctx.today)
    chosen = [
        (dm.clean_tree(item, report, f"Bijlage A, interventie {n}"), actions)
        for n, (item, actions) in enumerate(plan_text.chosen_interventions(plan, interventions), 1)
    ]
    by_id = {item.id: item for item, _ in chosen}
    doc = dm.Document(plan_meta(plan, profile.organisatie, ctx), report=report)
    _cover(doc, plan, ctx, profile.organisatie)
    _inleiding(doc, plan)
    _beleidsfocus(doc, plan)
    _lokale_situatie(doc, plan)
    _doelen(doc, plan)
    _acties(doc, plan, {**dict(interventions or {}), **by_id})
    _handhaving(doc, plan)
    _evaluatie(doc, plan)
    _communicatie(doc, plan)
    _appendix_interventions(doc, chosen)
    if findings is not None:
        _appendix_check(doc, dm.clean_tree(list(findings), report, "Plancheck"), ctx)
    return doc


def write_plan(
    target: Path,
    plan: Plan,
    ctx: HandoutContext,
    interventions: Mapping[str, Intervention],
    findings: Sequence[Any] | None = None,
    fmt: str | None = None,
) -> dm.ExportReport:
    """The plan as PDF or Word: `fmt` (".pdf", ".docx") or else the suffix of `target`."""
    return write_document(target, plan_document(plan, ctx, interventions, findings), fmt)
