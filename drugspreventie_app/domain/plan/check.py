"""The plan check: what is missing or goes against the guidelines, in Dutch, with its source.

Each rule is a small function that looks at one aspect of the plan and yields findings. The
rules follow what the sources say a sound local plan needs:

- Trimbos-instituut, Verkenning 3-MMC Aalten (2021), §6.2, §7 and §8: a problem analysis of
  figures, professionals' findings and their interpretation; one clear model; concrete goals
  and activities; effective interventions per prevention level; the addiction-care institution
  as partner; careful communication.
- Wat werkt dossier drugs (Trimbos/RIVM 2023): the integral components (§5.1), the partners
  (§4.6), the Richtlijnen verslavingspreventie ('niet doen' per age), the media guidance (§5.9)
  and the step plan with the Modelplan lokaal drugsbeleid (§6.4).
- Alcoholwet, art. 43a: the legal minimum of the preventie- en handhavingsplan alcohol, on which
  the plan for drugs is modelled (Kamerbrieven experiment gesloten coffeeshopketen, 2021).

Severities: "fout" makes the plan incomplete or goes against the guidelines, "waarschuwing" is
a weak spot, "tip" is a nice-to-have. Plain Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from drugspreventie_app.domain.guidance import DontDo, Guidance
from drugspreventie_app.domain.intervention import MIDDELEN, NIVEAUS, SETTINGS, Intervention
from drugspreventie_app.domain.plan.model import (
    Actie,
    Doel,
    Handhavingsmaatregel,
    Plan,
    Stakeholder,
    Subdoel,
)
from drugspreventie_app.domain.plan.options import (
    AANLEIDINGEN,
    COMPONENTEN,
    MODELLEN,
    VERSLAVINGSZORG_NAMEN,
)
from drugspreventie_app.domain.plan.progress import indicator_progress, missing_years
from drugspreventie_app.domain.plan.sections import SECTIONS
from drugspreventie_app.domain.text import age_range_text, join_words

SEVERITY_ORDER = ("fout", "waarschuwing", "tip")

SRC_AALTEN = "Trimbos-instituut, Verkenning 3-MMC Aalten (2021)"
SRC_AALTEN_ANALYSE = f"{SRC_AALTEN}, §6.2"
SRC_AALTEN_NIVEAUS = f"{SRC_AALTEN}, §6.2 en §7"
SRC_AALTEN_PARTNER = f"{SRC_AALTEN}, §8.3"
SRC_AALTEN_COMMUNICATIE = f"{SRC_AALTEN}, §8.5"
SRC_WAT_WERKT = "Wat werkt dossier drugs (Trimbos/RIVM 2023)"
SRC_MODELPLAN = f"{SRC_WAT_WERKT}, §6.4"
SRC_INTEGRAAL = f"{SRC_WAT_WERKT}, §5.1"
SRC_PARTNERS = f"{SRC_WAT_WERKT}, §4.6; {SRC_AALTEN_PARTNER}"
SRC_RICHTLIJNEN = f"Richtlijnen verslavingspreventie, in: {SRC_WAT_WERKT}"
SRC_MEDIA = f"{SRC_WAT_WERKT}, §5.9"
SRC_ALCOHOLWET = "Alcoholwet, art. 43a (preventie- en handhavingsplan)"
SRC_HANDHAVING = f"Kamerbrief experiment gesloten coffeeshopketen (2021); {SRC_INTEGRAAL}"

# The universal, selective and indicated levels every plan should cover (Aalten report).
KERN_NIVEAUS = ("U", "S", "I")
MIN_COMPONENTEN = 3
MAX_JAREN = 4
YEAR_MIN, YEAR_MAX = 1900, 2100

_SECTION_RANK = {s.id: s.number for s in SECTIONS}


@dataclass(frozen=True)
class Finding:
    key: str  # stable rule id, e.g. "geen_cijfers"
    severity: str  # "fout" | "waarschuwing" | "tip"
    section: str  # a section id from sections.py
    text: str  # Dutch: what is missing and what to do
    source: str  # short Dutch citation
    item_id: str | None = None  # the offending action, subdoel, doel or cijfer


@dataclass(frozen=True)
class _Context:
    interventions: Mapping[str, Intervention]
    guidance: Guidance
    current_year: int


Rule = Callable[[Plan, _Context], Iterable[Finding]]


# --- helpers ---------------------------------------------------------------------------------


def _blank(value: str | None) -> bool:
    return not (value or "").strip()


def _empty_row(row: object, ignore: tuple[str, ...] = ("id",)) -> bool:
    """A table row the user added but left empty: every text field blank. Choice fields
    with a default (a stakeholder's domain, a measure's kind) do not make a row filled."""
    for name, value in vars(row).items():
        if name in ignore:
            continue
        if isinstance(value, str) and value.strip():
            return False
        if isinstance(value, list) and value:
            return False
    return True


_YEAR = re.compile(r"^\s*(\d{4})(?:\s*[-/–]\s*(\d{2}|\d{4}))?\s*$")


def is_year_text(text: str) -> bool:
    """'2023', '2022-2023', '2022/23': a year (or two) between 1900 and 2100, in figures."""
    match = _YEAR.match(text)
    if not match:
        return False
    years = [int(match.group(1))]
    if match.group(2):
        second = match.group(2)
        years.append(int(second) if len(second) == 4 else years[0] // 100 * 100 + int(second))
    return all(YEAR_MIN <= y <= YEAR_MAX for y in years) and years == sorted(years)


def _filled_doelen(plan: Plan) -> list[Doel]:
    return [d for d in plan.doelen if not _blank(d.omschrijving) or d.subdoelen]


def _filled_handhaving(plan: Plan) -> list[Handhavingsmaatregel]:
    # the kind of measure has a default (APV), so a row counts once something is typed in it
    return [m for m in plan.handhaving if not _empty_row(m, ("id", "maatregel"))]


def _missing(*fields: tuple[str, str]) -> list[str]:
    """The names of the (name, value) pairs whose value is empty."""
    return [name for name, value in fields if _blank(value)]


def _ontbreekt(names: list[str]) -> str:
    """'ontbreekt de bron', 'ontbreken de bron en het jaar'."""
    verb = "ontbreekt" if len(names) == 1 else "ontbreken"
    return f"{verb} {_join(names)}"


def _quoted(text: str, fallback: str) -> str:
    return f"‘{text.strip()}’" if not _blank(text) else fallback


def _actie_label(actie: Actie) -> str:
    return _quoted(actie.naam, "zonder naam")


def _subdoel_label(sub: Subdoel) -> str:
    return _quoted(sub.omschrijving, "zonder omschrijving")


_join = join_words


def _intervention(actie: Actie, ctx: _Context) -> Intervention | None:
    if not actie.interventie_id:
        return None
    return ctx.interventions.get(actie.interventie_id)


def _werkvormen(actie: Actie, ctx: _Context) -> set[str]:
    found = set(actie.werkvormen)
    interventie = _intervention(actie, ctx)
    if interventie is not None:
        found.update(interventie.werkvormen)
    return found


def _age_range(actie: Actie, ctx: _Context) -> tuple[int | None, int | None]:
    """The action's own ages when it has any, else those of its intervention."""
    if actie.leeftijd_van is not None or actie.leeftijd_tot is not None:
        return actie.leeftijd_van, actie.leeftijd_tot
    interventie = _intervention(actie, ctx)
    if interventie is not None:
        return interventie.leeftijd_van, interventie.leeftijd_tot
    return None, None


def _ages(actie: Actie, ctx: _Context) -> list[int | None]:
    low, high = _age_range(actie, ctx)
    if low is None and high is None:
        return [None]
    low = 0 if low is None else low
    high = 99 if high is None else high
    if low > high:
        low, high = high, low
    return list(range(low, high + 1))


def _settings(actie: Actie, ctx: _Context) -> list[str | None]:
    """The action's setting; without one, the settings of its intervention; else unknown."""
    if not _blank(actie.setting):
        return [actie.setting]
    interventie = _intervention(actie, ctx)
    if interventie is not None and interventie.settings:
        return list(interventie.settings)
    return [None]


def _about_middel(actie: Actie, ctx: _Context, middel: str) -> bool:
    """Whether the action (or its intervention) is about this substance."""
    interventie = _intervention(actie, ctx)
    if interventie is not None and middel in interventie.middelen:
        return True
    words = {middel.lower(), MIDDELEN.get(middel, middel).lower()}
    texts = [actie.naam, actie.beschrijving]
    if interventie is not None:
        texts += [interventie.naam, interventie.beschrijving]
    return any(word in text.lower() for text in texts for word in words)


def _matches(item: DontDo, werkvormen: set[str], actie: Actie, ctx: _Context) -> bool:
    """A 'niet doen' id is a werkvorm, or a werkvorm plus a substance
    ("klassikale_voorlichting_lachgas": classroom lessons about lachgas)."""
    if item.id in werkvormen:
        return True
    for werkvorm in werkvormen:
        prefix = f"{werkvorm}_"
        if item.id.startswith(prefix):
            middel = item.id[len(prefix) :]
            if middel in MIDDELEN and _about_middel(actie, ctx, middel):
                return True
    return False


def _age_text(actie: Actie, ctx: _Context) -> str:
    return age_range_text(*_age_range(actie, ctx))


# --- a. problem analysis ---------------------------------------------------------------------


def _rule_probleemanalyse(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    situatie = plan.lokale_situatie
    if not situatie.cijfers:
        yield Finding(
            "geen_cijfers",
            "fout",
            "lokale_situatie",
            "De probleemanalyse bevat geen cijfers. Neem lokale en landelijke cijfers op "
            "(bijvoorbeeld uit de GGD Gezondheidsmonitor of van de verslavingszorg en politie).",
            SRC_AALTEN_ANALYSE,
        )
    if _blank(situatie.bevindingen):
        yield Finding(
            "geen_bevindingen",
            "fout",
            "lokale_situatie",
            "De probleemanalyse zegt niet wat professionals in de praktijk zien. Vraag "
            "jongerenwerk, scholen, verslavingszorg en politie naar hun signalen en beschrijf die.",
            SRC_AALTEN_ANALYSE,
        )
    if _blank(situatie.duiding):
        yield Finding(
            "geen_duiding",
            "waarschuwing",
            "lokale_situatie",
            "De cijfers en signalen worden niet geduid. Beschrijf wat ze samen betekenen, wat "
            "met middelengebruik samenhangt en wat u nog moet uitzoeken.",
            SRC_AALTEN_ANALYSE,
        )


# --- b. figures without source or year ----------------------------------------------------


def _rule_cijfers(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    for cijfer in plan.lokale_situatie.cijfers:
        if _empty_row(cijfer):
            yield Finding(
                "lege_regel",
                "waarschuwing",
                "lokale_situatie",
                "De tabel met cijfers heeft een lege regel. Vul het cijfer in of verwijder de "
                "regel.",
                SRC_AALTEN_ANALYSE,
                cijfer.id,
            )
            continue
        label = _quoted(cijfer.indicator, "zonder naam")
        if not _blank(cijfer.jaar) and not is_year_text(cijfer.jaar):
            yield Finding(
                "cijfer_jaar_ongeldig",
                "waarschuwing",
                "lokale_situatie",
                f"Bij het cijfer {label} staat ‘{cijfer.jaar.strip()}’ als jaar. Schrijf het "
                "jaar in cijfers, bijvoorbeeld 2023 of 2022-2023.",
                SRC_AALTEN_ANALYSE,
                cijfer.id,
            )
        missing = _missing(("de bron", cijfer.bron), ("het jaar", cijfer.jaar))
        if not missing:
            continue
        yield Finding(
            "cijfer_onvolledig",
            "waarschuwing",
            "lokale_situatie",
            f"Bij het cijfer {label} {_ontbreekt(missing)}. Vul aan waar het cijfer "
            "vandaan komt en over welk jaar het gaat, zodat de lezer het kan wegen.",
            SRC_AALTEN_ANALYSE,
            cijfer.id,
        )


# --- c. model ---------------------------------------------------------------------------------


def _rule_model(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    focus = plan.beleidsfocus
    if _blank(focus.model):
        yield Finding(
            "geen_model",
            "fout",
            "beleidsfocus",
            "Er is geen model gekozen. Kies één model als kapstok voor de aanpak, bijvoorbeeld "
            "de vier pijlers van het RIVM.",
            SRC_AALTEN_ANALYSE,
        )
    elif focus.model == "anders" and _blank(focus.model_anders):
        yield Finding(
            "geen_model",
            "fout",
            "beleidsfocus",
            f"U koos ‘{MODELLEN['anders']}’ maar noemt het model niet. Beschrijf welk model "
            "de aanpak draagt.",
            SRC_AALTEN_ANALYSE,
        )


# --- d. goals ---------------------------------------------------------------------------------


def _rule_doelen(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    if not _filled_doelen(plan) and not plan.includes_alcohol:  # alcohol: _rule_alcoholwet
        yield Finding(
            "geen_doelen",
            "fout",
            "doelen",
            "Het plan heeft nog geen doelen. Beschrijf welke situatie u wilt bereiken en welke "
            "subdoelen daarbij horen.",
            SRC_MODELPLAN,
        )
    for doel in plan.doelen:
        if _blank(doel.omschrijving):
            empty = not doel.subdoelen
            yield Finding(
                "lege_regel" if empty else "doel_zonder_omschrijving",
                "fout",
                "doelen",
                "De tabel met doelen heeft een lege regel. Beschrijf het doel of verwijder de "
                "regel."
                if empty
                else "Een doel heeft subdoelen maar geen omschrijving. Beschrijf welke "
                "situatie u met dit doel wilt bereiken.",
                SRC_MODELPLAN,
                doel.id,
            )
            if empty:
                continue
        if not doel.subdoelen:
            label = _quoted(doel.omschrijving, "zonder omschrijving")
            yield Finding(
                "doel_zonder_subdoelen",
                "fout",
                "doelen",
                f"Het doel {label} heeft geen subdoelen. Maak het concreet met minstens één "
                "subdoel met een indicator, een nulmeting en een streefwaarde.",
                SRC_MODELPLAN,
                doel.id,
            )
        for sub in doel.subdoelen:
            if _empty_row(sub, ("id", "streefjaar")):
                yield Finding(
                    "lege_regel",
                    "fout",
                    "doelen",
                    f"Het doel {_quoted(doel.omschrijving, 'zonder omschrijving')} heeft een "
                    "lege regel bij de subdoelen. Vul het subdoel in of verwijder de regel.",
                    SRC_MODELPLAN,
                    sub.id,
                )
                continue
            missing = _missing(
                ("de indicator", sub.indicator),
                ("de nulmeting", sub.nulmeting),
                ("de streefwaarde", sub.streefwaarde),
            )
            if missing:
                yield Finding(
                    "subdoel_onvolledig",
                    "fout",
                    "doelen",
                    f"Bij het subdoel {_subdoel_label(sub)} {_ontbreekt(missing)}. Zonder "
                    "deze gegevens kunt u bij de evaluatie niet zien of het doel is gehaald.",
                    SRC_MODELPLAN,
                    sub.id,
                )


def _rule_acties(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    if not plan.acties and not plan.includes_alcohol:  # alcohol plans: see _rule_alcoholwet
        yield Finding(
            "geen_acties",
            "fout",
            "acties",
            "Het plan heeft nog geen acties. Beschrijf met welke effectieve interventies en "
            "maatregelen u de doelen wilt bereiken, en wie ze uitvoert.",
            SRC_MODELPLAN,
        )


# --- e. goals and actions linked --------------------------------------------------------------


def _rule_koppeling(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    subdoelen = plan.all_subdoelen()
    known = {s.id for s in subdoelen}
    served = {sid for actie in plan.acties for sid in actie.subdoelen if sid in known}
    for sub in subdoelen:
        if sub.id not in served:
            yield Finding(
                "subdoel_zonder_actie",
                "fout",
                "doelen",
                f"Geen enkele actie werkt aan het subdoel {_subdoel_label(sub)}. Koppel er een "
                "actie aan of schrap het subdoel.",
                SRC_MODELPLAN,
                sub.id,
            )
    for actie in plan.acties:
        if not any(sid in known for sid in actie.subdoelen):
            yield Finding(
                "actie_zonder_subdoel",
                "waarschuwing",
                "acties",
                f"De actie {_actie_label(actie)} werkt aan geen enkel subdoel. Geef aan aan welk "
                "subdoel de actie bijdraagt, of overweeg of ze nodig is.",
                SRC_MODELPLAN,
                actie.id,
            )


# --- f. prevention levels ---------------------------------------------------------------------


def _rule_niveaus(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    if not plan.acties:  # the missing actions themselves are reported elsewhere
        return
    present = {actie.niveau for actie in plan.acties}
    missing = [n for n in KERN_NIVEAUS if n not in present]
    if missing:
        labels = [f"{NIVEAUS[n].lower()} ({n})" for n in missing]
        yield Finding(
            "preventieniveau_ontbreekt",
            "waarschuwing",
            "acties",
            f"Er is geen actie op het niveau {_join(labels)}. Kies per preventieniveau een of "
            "enkele effectieve activiteiten, bijvoorbeeld vroegsignalering en kortdurende "
            "interventies voor selectieve en geïndiceerde preventie.",
            SRC_AALTEN_NIVEAUS,
        )


# --- g. integral components -------------------------------------------------------------------


def _rule_componenten(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    if not plan.acties:
        return
    covered = {a.component for a in plan.acties if a.component in COMPONENTEN}
    if _filled_handhaving(plan):
        covered.add("regelgeving")
    if len(covered) < MIN_COMPONENTEN:
        missing = [f"‘{label}’" for key, label in COMPONENTEN.items() if key not in covered]
        yield Finding(
            "te_weinig_componenten",
            "waarschuwing",
            "acties",
            f"De acties dekken {len(covered)} van de {len(COMPONENTEN)} onderdelen van een "
            f"integrale aanpak. Combineer er minstens {MIN_COMPONENTEN}, bijvoorbeeld met "
            f"{_join(missing[:3], 'of')}.",
            SRC_INTEGRAAL,
        )


# --- h. addiction-care prevention ---------------------------------------------------------


def _rule_stakeholders(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    for stakeholder in plan.lokale_situatie.stakeholders:
        if not _blank(stakeholder.organisatie):
            continue
        empty = _empty_row(stakeholder, ("id", "domein", "verslavingspreventie"))
        yield Finding(
            "lege_regel" if empty else "stakeholder_zonder_naam",
            "waarschuwing",
            "lokale_situatie",
            "De tabel met stakeholders heeft een lege regel. Vul de organisatie in of verwijder "
            "de regel."
            if empty
            else "Bij een stakeholder ontbreekt de naam van de organisatie. Vul in om welke "
            "organisatie het gaat.",
            SRC_PARTNERS,
            stakeholder.id,
        )


def _named_stakeholders(plan: Plan) -> list[Stakeholder]:
    return [s for s in plan.lokale_situatie.stakeholders if not _blank(s.organisatie)]


def _rule_verslavingszorg(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    # a row without a name does not bring the addiction-care institution on board
    for stakeholder in _named_stakeholders(plan):
        if stakeholder.verslavingspreventie:
            return
        naam = stakeholder.organisatie.lower()
        if any(word in naam for word in VERSLAVINGSZORG_NAMEN):
            return
    yield Finding(
        "geen_verslavingszorg",
        "waarschuwing",
        "lokale_situatie",
        "De preventieafdeling van de regionale instelling voor verslavingszorg staat niet bij "
        "de partijen. Betrek haar: zij adviseert over beleid, voert interventies uit en verzorgt "
        "deskundigheidsbevordering.",
        SRC_PARTNERS,
    )


# --- i. 'niet doen' in the Richtlijnen ----------------------------------------------------


def _rule_niet_doen(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    for actie in plan.acties:
        werkvormen = _werkvormen(actie, ctx)
        if not werkvormen:
            continue
        reported: set[str] = set()
        for setting in _settings(actie, ctx):
            for age in _ages(actie, ctx):
                for item in ctx.guidance.niet_doen_for(setting, age):
                    if item.id == "massamediaal" or item.id in reported:
                        continue  # mass media: a weak spot of its own (_rule_massamediaal)
                    if not _matches(item, werkvormen, actie, ctx):
                        continue
                    reported.add(item.id)
                    where = SETTINGS.get(setting, setting) if setting else "elke setting"
                    yield Finding(
                        "niet_doen_richtlijn",
                        "fout",
                        "acties",
                        f"De actie {_actie_label(actie)} ({where.lower()}, "
                        f"{_age_text(actie, ctx)}) staat in de richtlijnen als ‘niet doen’. "
                        f"{item.tekst} {item.reden}",
                        item.bron or SRC_RICHTLIJNEN,
                        actie.id,
                    )


# --- j. mass-media campaigns ------------------------------------------------------------------


def _rule_massamediaal(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    source = ctx.guidance.media_bron or SRC_MEDIA
    for actie in plan.acties:
        if "massamediaal" in _werkvormen(actie, ctx):
            yield Finding(
                "massamediale_campagne",
                "waarschuwing",
                "acties",
                f"De actie {_actie_label(actie)} is een brede mediacampagne. Zulke campagnes "
                "bereiken vooral niet-gebruikers en kunnen gebruik normaal laten lijken; kies "
                "gerichte communicatie voor een duidelijk omschreven doelgroep, als deel van een "
                "bredere aanpak.",
                source,
                actie.id,
            )


# --- k. evaluation ----------------------------------------------------------------------------


def _rule_evaluatie(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    evaluatie = plan.evaluatie
    moments = {
        "de jaarlijkse monitoring": evaluatie.jaarlijks,
        "de tussentijdse evaluatie": evaluatie.tussentijds,
        "de eindevaluatie": evaluatie.eindevaluatie,
    }
    missing = [name for name, value in moments.items() if _blank(value)]
    if len(missing) == len(moments):
        yield Finding(
            "geen_evaluatie",
            "fout",
            "evaluatie",
            "Het plan zegt niet hoe en wanneer de uitvoering wordt gevolgd en geëvalueerd. "
            "Beschrijf de jaarlijkse monitoring, de evaluatie halverwege en de eindevaluatie.",
            SRC_MODELPLAN,
        )
    elif missing:
        yield Finding(
            "evaluatie_onvolledig",
            "tip",
            "evaluatie",
            f"Beschrijf ook {_join(missing)}, zodat u tijdig kunt bijsturen en na de periode "
            "weet of de doelen zijn gehaald.",
            SRC_MODELPLAN,
        )


# --- m. the plan cycle: measurements --------------------------------------------------------


def _rule_metingen(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    for doel in plan.doelen:
        for sub in doel.subdoelen:
            if _blank(sub.indicator):
                continue
            years = missing_years(plan, sub, ctx.current_year)
            if years:
                word = "het jaar" if len(years) == 1 else "de jaren"
                yield Finding(
                    "meting_ontbreekt",
                    "waarschuwing",
                    "evaluatie",
                    f"Bij het subdoel {_subdoel_label(sub)} ontbreekt een meting over {word} "
                    f"{_join([str(y) for y in years])}. Leg per jaar vast wat de monitoring "
                    "liet zien, zodat de jaarlijkse verantwoording en de evaluatie kloppen.",
                    SRC_MODELPLAN,
                    sub.id,
                )
            for meting in sub.metingen:
                # No value is allowed: "geen meting dit jaar" with a reason is a record too.
                missing = _missing(("de bron", meting.bron))
                if meting.jaar is None:
                    missing.insert(0, "het jaar")
                if missing:
                    yield Finding(
                        "meting_onvolledig",
                        "fout",
                        "evaluatie",
                        f"Bij een meting van het subdoel {_subdoel_label(sub)} "
                        f"{_ontbreekt(missing)}. Zonder jaar en bron kan niemand de meting "
                        "controleren of vergelijken met de nulmeting.",
                        SRC_MODELPLAN,
                        sub.id,
                    )
            progress = indicator_progress(plan, doel, sub)
            if progress.moving_away:
                latest = progress.measurements[-1]
                yield Finding(
                    "indicator_wijkt_af",
                    "waarschuwing",
                    "evaluatie",
                    f"De indicator van het subdoel {_subdoel_label(sub)} beweegt van de "
                    f"streefwaarde af (meting {latest.jaar}). Ga na waarom, en of de acties "
                    "voor dit subdoel moeten worden bijgesteld.",
                    SRC_MODELPLAN,
                    sub.id,
                )


# --- l. enforcement -----------------------------------------------------------------------


def _rule_handhaving(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    filled = _filled_handhaving(plan)
    for maatregel in plan.handhaving:
        if maatregel not in filled:
            yield Finding(
                "lege_regel",
                "waarschuwing",
                "handhaving",
                "De tabel met handhavingsmaatregelen heeft een regel zonder omschrijving, "
                "instrument, verantwoordelijke of frequentie. Vul de regel in of verwijder hem.",
                SRC_HANDHAVING,
                maatregel.id,
            )
    if not filled:
        yield Finding(
            "geen_handhaving",
            "waarschuwing",
            "handhaving",
            "Het hoofdstuk handhaving is leeg. Beschrijf welke regels gelden (APV, Alcoholwet, "
            "huisregels), wie toezicht houdt, met welk instrument en hoe vaak.",
            SRC_HANDHAVING,
        )


# --- m. Alcoholwet minimum --------------------------------------------------------------------


def _rule_alcoholwet(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    if not plan.includes_alcohol:
        return
    subdoelen = plan.all_subdoelen()
    if not _filled_doelen(plan):
        yield Finding(
            "alcoholwet_doelstellingen",
            "fout",
            "doelen",
            "Het plan heeft geen doelstellingen, terwijl de Alcoholwet die voor het preventie- "
            "en handhavingsplan verplicht stelt. Voeg minstens één doel toe.",
            SRC_ALCOHOLWET,
        )
    if not plan.acties:
        yield Finding(
            "alcoholwet_acties",
            "fout",
            "acties",
            "Het plan heeft geen acties, terwijl de Alcoholwet vraagt welke acties u onderneemt. "
            "Voeg de interventies en maatregelen toe die u gaat inzetten.",
            SRC_ALCOHOLWET,
        )
    for key, attr, what in (
        ("alcoholwet_resultaten", "streefwaarde", "welke resultaten u wilt behalen"),
        ("alcoholwet_meting", "indicator", "hoe u die resultaten meet"),
    ):
        lacking = [s for s in subdoelen if _blank(getattr(s, attr))]
        if subdoelen and not lacking:
            continue
        if lacking:
            noun = "het subdoel" if len(lacking) == 1 else "de subdoelen"
            names = _join([_subdoel_label(s) for s in lacking])
            detail = f"Vul een {attr} in bij {noun} {names}."
        else:
            detail = f"Voeg subdoelen met een {attr} toe."
        yield Finding(
            key,
            "fout",
            "doelen",
            f"De Alcoholwet vraagt in het plan {what}. {detail}",
            SRC_ALCOHOLWET,
        )


# --- n. period ----------------------------------------------------------------------------


def _rule_periode(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    if plan.periode_eind < plan.periode_start:
        yield Finding(
            "periode_ongeldig",
            "fout",
            "algemeen",
            f"De periode {plan.periode_text()} eindigt vóór ze begint. Controleer het begin- en "
            "eindjaar.",
            SRC_MODELPLAN,
        )
        return
    jaren = plan.periode_eind - plan.periode_start + 1
    if jaren > MAX_JAREN:
        extra = (
            " Voor alcohol stelt de gemeenteraad het plan volgens de Alcoholwet eens in de vier "
            "jaar vast."
            if plan.includes_alcohol
            else ""
        )
        yield Finding(
            "periode_te_lang",
            "waarschuwing",
            "algemeen",
            f"De periode {plan.periode_text()} duurt {jaren} jaar. Een plan beslaat meestal vier "
            f"jaar, met daarna een eindevaluatie en een nieuw of aangepast plan.{extra}",
            SRC_MODELPLAN,
        )


# --- o. basic tips ----------------------------------------------------------------------------


def _rule_basis(plan: Plan, ctx: _Context) -> Iterator[Finding]:
    focus = plan.beleidsfocus
    missing = _missing(("de visie", focus.visie), ("de missie", focus.missie))
    if missing:
        yield Finding(
            "geen_visie_missie",
            "tip",
            "beleidsfocus",
            f"Beschrijf {_join(missing)} van de gemeente: wanneer is gebruik een probleem, "
            "voor wie, en wat wilt u bereiken?",
            SRC_MODELPLAN,
        )
    if not plan.lokale_situatie.doelgroepen:
        yield Finding(
            "geen_doelgroepen",
            "tip",
            "lokale_situatie",
            "Er zijn geen doelgroepen gekozen. Geef aan bij welke groepen de problemen spelen "
            "en waar u ze kunt bereiken.",
            SRC_MODELPLAN,
        )
    communicatie = plan.communicatie
    if all(
        _blank(v) for v in (communicatie.doelen, communicatie.doelgroepen, communicatie.kanalen)
    ):
        yield Finding(
            "geen_communicatie",
            "tip",
            "communicatie",
            "Het hoofdstuk communicatie is leeg. Beschrijf wat u wilt bereiken, bij wie en via "
            "welke kanalen, en hoe u voorkomt dat aandacht nieuwsgierig maakt.",
            SRC_AALTEN_COMMUNICATIE,
        )
    inleiding = plan.inleiding
    if not inleiding.aanleiding:
        yield Finding(
            "geen_aanleiding",
            "tip",
            "inleiding",
            "Er is geen aanleiding gekozen. Geef aan waarom het plan er nu komt, bijvoorbeeld "
            "een motie, een wetswijziging of signalen uit de samenleving.",
            SRC_MODELPLAN,
        )
    elif "anders" in inleiding.aanleiding and _blank(inleiding.aanleiding_anders):
        yield Finding(
            "geen_aanleiding",
            "tip",
            "inleiding",
            f"U koos ‘{AANLEIDINGEN['anders']}’ als aanleiding maar noemt die niet. Beschrijf "
            "de aanleiding.",
            SRC_MODELPLAN,
        )


RULES: tuple[Rule, ...] = (
    _rule_periode,
    _rule_basis,
    _rule_model,
    _rule_probleemanalyse,
    _rule_cijfers,
    _rule_stakeholders,
    _rule_verslavingszorg,
    _rule_alcoholwet,
    _rule_doelen,
    _rule_acties,
    _rule_koppeling,
    _rule_niveaus,
    _rule_componenten,
    _rule_niet_doen,
    _rule_massamediaal,
    _rule_handhaving,
    _rule_evaluatie,
    _rule_metingen,
)


def _sort_key(finding: Finding) -> tuple[int, int]:
    severity = (
        SEVERITY_ORDER.index(finding.severity)
        if finding.severity in SEVERITY_ORDER
        else len(SEVERITY_ORDER)
    )
    return severity, _SECTION_RANK.get(finding.section, len(_SECTION_RANK))


def check_plan(
    plan: Plan,
    interventions: Mapping[str, Intervention] | None = None,
    guidance: Guidance | None = None,
    today: date | None = None,
) -> list[Finding]:
    """All findings for the plan, by severity and then in section order.

    `interventions` maps intervention ids to interventions (pass the catalogue plus the
    user's local interventions); without it the shipped catalogue is used, and without
    `guidance` the shipped Richtlijnen. `today` decides which years of the period are over
    and should have a measurement.
    """
    if interventions is None or guidance is None:
        from drugspreventie_app.content import interventions as content

        if interventions is None:
            interventions = {i.id: i for i in content.catalogue()}
        if guidance is None:
            guidance = content.guidance()
    ctx = _Context(interventions, guidance, (today or date.today()).year)
    findings = [finding for rule in RULES for finding in rule(plan, ctx)]
    return sorted(findings, key=_sort_key)  # stable: rule order within a section


def check_summary(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each severity; every severity is present, zero or not."""
    counts = dict.fromkeys(SEVERITY_ORDER, 0)
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


_SEVERITY_WORDS = {
    "fout": ("fout", "fouten"),
    "waarschuwing": ("waarschuwing", "waarschuwingen"),
    "tip": ("tip", "tips"),
}


def summary_text(findings: Iterable[Finding]) -> str:
    """'Geen bevindingen: ...' or '1 fout, 2 waarschuwingen en 1 tip' (only what occurs)."""
    counts = check_summary(findings)
    parts = [
        f"{n} {_SEVERITY_WORDS[severity][0 if n == 1 else 1]}"
        for severity, n in counts.items()
        if n and severity in _SEVERITY_WORDS
    ]
    if not parts:
        return "Geen bevindingen: het plan voldoet aan alle controles."
    return _join(parts)
