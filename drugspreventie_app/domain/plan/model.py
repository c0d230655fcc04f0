"""The plan as plain data. Every list entry carries its own id (a UUID) so references
(an action serving a subdoel) survive reordering, undo and export."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from drugspreventie_app.domain.plan.options import LOKALE_KADERS, WETTEN

PLAN_DEFAULT_YEARS = 4


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class KaderItem:
    naam: str
    van_toepassing: bool = False
    toelichting: str = ""


@dataclass
class Inleiding:
    aanleiding: list[str] = field(default_factory=list)  # keys of options.AANLEIDINGEN
    aanleiding_anders: str = ""
    aanleiding_toelichting: str = ""
    wetten: list[KaderItem] = field(default_factory=lambda: [KaderItem(w) for w in WETTEN])
    lokale_kaders: list[KaderItem] = field(
        default_factory=lambda: [KaderItem(k) for k in LOKALE_KADERS]
    )
    definities: str = ""


@dataclass
class Beleidsfocus:
    visie: str = ""
    missie: str = ""
    model: str = ""  # key of options.MODELLEN, or "" when not chosen yet
    model_anders: str = ""
    speerpunten: list[str] = field(default_factory=list)


@dataclass
class Cijfer:
    id: str = field(default_factory=new_id)
    indicator: str = ""
    doelgroep: str = ""
    waarde: str = ""
    jaar: str = ""
    bron: str = ""


@dataclass
class Stakeholder:
    id: str = field(default_factory=new_id)
    organisatie: str = ""
    domein: str = "anders"  # key of options.DOMEINEN
    huidige_rol: str = ""
    gewenste_rol: str = ""
    verslavingspreventie: bool = False  # prevention department of an addiction-care institution


@dataclass
class LokaleSituatie:
    cijfers: list[Cijfer] = field(default_factory=list)
    bevindingen: str = ""  # what local professionals see
    duiding: str = ""  # interpretation of figures and findings together
    doelgroepen: list[str] = field(default_factory=list)
    doelgroepen_toelichting: str = ""
    stakeholders: list[Stakeholder] = field(default_factory=list)


@dataclass
class Meting:
    """One measured value of a subdoel's indicator, as the monitoring found it."""

    id: str = field(default_factory=new_id)
    jaar: int | None = None
    waarde: str = ""  # as measured and typed: "34%", "3,1", "27"
    datum: str = ""  # when measured or published, as typed ("2027-11", "najaar 2027")
    bron: str = ""
    doelgroep: str = ""
    toelichting: str = ""


@dataclass
class Subdoel:
    id: str = field(default_factory=new_id)
    omschrijving: str = ""
    indicator: str = ""
    nulmeting: str = ""  # value, optionally with its year: "38% (2023)"
    streefwaarde: str = ""
    streefjaar: int | None = None
    metingen: list[Meting] = field(default_factory=list)


@dataclass
class Doel:
    id: str = field(default_factory=new_id)
    omschrijving: str = ""
    prioriteit: str = "middel"  # key of options.PRIORITEITEN
    subdoelen: list[Subdoel] = field(default_factory=list)


@dataclass
class ActieStatus:
    """How an action stood in one year of the period."""

    id: str = field(default_factory=new_id)
    jaar: int = 2026
    status: str = "gepland"  # key of options.ACTIE_STATUSSEN
    toelichting: str = ""
    bereik: int | None = None  # how many were reached, counted in `bereik_eenheid`
    bereik_eenheid: str = ""  # "leerlingen", "ouders", "bijeenkomsten"
    uitgegeven: int | None = None  # whole euros spent in that year


@dataclass
class Actie:
    id: str = field(default_factory=new_id)
    naam: str = ""
    interventie_id: str | None = None  # catalogue or local intervention; None = free measure
    beschrijving: str = ""
    harm_pijler: str = ""  # key of options.HARM_PIJLERS
    rivm_pijler: str = ""  # key of domain.intervention.PIJLERS
    component: str = ""  # key of options.COMPONENTEN
    niveau: str = ""  # U, S, I, Z or HR
    setting: str = ""  # key of domain.intervention.SETTINGS
    doelgroep: str = ""
    leeftijd_van: int | None = None
    leeftijd_tot: int | None = None
    werkvormen: list[str] = field(default_factory=list)  # keys of intervention.WERKVORMEN
    uitvoerder: str = ""
    partners: str = ""
    start: str = ""  # year or year-month, as typed in the plan ("2026", "2026-09")
    eind: str = ""
    budget: str = ""
    subdoelen: list[str] = field(default_factory=list)  # ids of Subdoel
    terugkoppeling: str = ""  # how the executing party reports back
    voortgang: list[ActieStatus] = field(default_factory=list)  # one entry per year at most


@dataclass
class Handhavingsmaatregel:
    id: str = field(default_factory=new_id)
    maatregel: str = "apv"  # key of options.HANDHAVING_MAATREGELEN
    omschrijving: str = ""
    instrument: str = ""
    verantwoordelijke: str = ""
    frequentie: str = ""


@dataclass
class Evaluatie:
    jaarlijks: str = ""  # how and when the yearly check happens
    tussentijds: str = ""  # mid-term evaluation
    eindevaluatie: str = ""  # after the period
    indicatoren: list[str] = field(default_factory=list)
    sleutelfiguren: list[str] = field(default_factory=list)  # who collects the data


@dataclass
class Communicatie:
    doelen: str = ""
    doelgroepen: str = ""
    kanalen: str = ""


@dataclass
class PlanOrganisatie:
    """Who wrote the plan, printed on its cover. Each plan has its own: filled from the
    settings when the plan is made, then edited per plan (a school care coordinator's settings
    do not belong on the municipality's plan)."""

    naam: str = ""
    afdeling: str = ""
    adres: str = ""
    telefoon: str = ""
    email: str = ""
    website: str = ""


@dataclass
class Plan:
    id: str = field(default_factory=new_id)
    titel: str = ""
    gemeente: str = ""
    periode_start: int = 2026
    periode_eind: int = 2029
    reikwijdte: str = "beide"  # key of options.REIKWIJDTE
    status: str = "concept"
    vastgesteld_op: str = ""  # ISO date when status is vastgesteld
    auteur: str = ""
    organisatie: PlanOrganisatie = field(default_factory=PlanOrganisatie)
    aangemaakt: str = ""
    gewijzigd: str = ""
    inleiding: Inleiding = field(default_factory=Inleiding)
    beleidsfocus: Beleidsfocus = field(default_factory=Beleidsfocus)
    lokale_situatie: LokaleSituatie = field(default_factory=LokaleSituatie)
    doelen: list[Doel] = field(default_factory=list)
    acties: list[Actie] = field(default_factory=list)
    handhaving: list[Handhavingsmaatregel] = field(default_factory=list)
    evaluatie: Evaluatie = field(default_factory=Evaluatie)
    communicatie: Communicatie = field(default_factory=Communicatie)

    @property
    def includes_alcohol(self) -> bool:
        return self.reikwijdte in ("alcohol", "beide")

    def periode_text(self) -> str:
        return f"{self.periode_start}-{self.periode_eind}"

    def all_subdoelen(self) -> list[Subdoel]:
        return [s for d in self.doelen for s in d.subdoelen]

    def subdoel_by_id(self, subdoel_id: str) -> Subdoel | None:
        return next((s for s in self.all_subdoelen() if s.id == subdoel_id), None)

    def to_dict(self) -> dict[str, Any]:
        # Not dataclasses.asdict: that deep-copies every value and costs milliseconds per
        # call, and the editor takes two snapshots on every edit.
        return _to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        """Build from stored or imported data; unknown keys are ignored, missing ones default.
        Callers that need strictness (plan-file import) validate first."""
        return _build(cls, data)


T = TypeVar("T")


@cache
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, type) of every field; get_type_hints is slow, so once per class."""
    hints = get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in fields(cls))


# type -> its field names, or None for a type that is not a dataclass (str, int, ...); the
# plan is converted on every edit and every autosave, so this walk must be cheap
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _to_dict(obj: Any) -> Any:
    kind = type(obj)
    if kind is list:
        return [_to_dict(item) for item in obj]
    try:
        names = _FIELD_NAMES[kind]
    except KeyError:
        names = _FIELD_NAMES[kind] = (
            tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None
        )
    if names is None:
        return obj  # str, int, bool, None: immutable, no copy needed
    return {name: _to_dict(getattr(obj, name)) for name in names}


def _build(cls: type[T], data: Any) -> T:
    if not isinstance(data, dict):
        return cls()
    kwargs: dict[str, Any] = {}
    for name, hint in _field_hints(cls):
        if name in data:
            kwargs[name] = _value(hint, data[name])
    return cls(**kwargs)


def _value(hint: Any, raw: Any) -> Any:
    origin = get_origin(hint)
    if origin is list:
        (item_type,) = get_args(hint)
        if not isinstance(raw, list):
            return []
        if is_dataclass(item_type):
            return [_build(item_type, r) for r in raw if isinstance(r, dict)]
        return [r for r in raw if isinstance(r, str)]
    if is_dataclass(hint):
        return _build(hint, raw)
    return raw


def new_plan(
    titel: str,
    gemeente: str,
    reikwijdte: str = "beide",
    start: int = 2026,
    auteur: str = "",
    organisatie: PlanOrganisatie | None = None,
) -> Plan:
    """A plan from the Modelplan template: every section present, period of four years."""
    return Plan(
        titel=titel,
        gemeente=gemeente,
        reikwijdte=reikwijdte,
        periode_start=start,
        periode_eind=start + PLAN_DEFAULT_YEARS - 1,
        auteur=auteur,
        organisatie=organisatie or PlanOrganisatie(),
    )


def title_for_period(title: str, old: Plan, new: Plan) -> str:
    """The title with the old period replaced by the new one ('PHP Aalten 2027-2030' ->
    'PHP Aalten 2031-2034'); a title without the period gets the new one added."""
    period = re.compile(
        rf"\b{old.periode_start}(\s*(?:-|–|/|t/m|tot en met|tot)\s*){old.periode_eind}\b"
    )
    if period.search(title):
        return period.sub(
            lambda m: f"{new.periode_start}{m.group(1)}{new.periode_eind}", title, count=1
        )
    return f"{title.rstrip()} {new.periode_text()}".strip()


def duplicate_for_next_period(plan: Plan) -> Plan:
    """A copy that starts where this plan's period ends: new ids, status concept."""
    data = plan.to_dict()
    copy = Plan.from_dict(data)
    length = plan.periode_eind - plan.periode_start
    copy.id = new_id()
    copy.periode_start = plan.periode_eind + 1
    copy.periode_eind = copy.periode_start + length
    copy.status = "concept"
    copy.vastgesteld_op = ""
    copy.titel = title_for_period(plan.titel, plan, copy)
    # Fresh ids for subdoelen, and the actions' references follow them.
    mapping: dict[str, str] = {}
    # Measurements and statuses belong to the old period; the new plan starts its own cycle.
    for doel in copy.doelen:
        doel.id = new_id()
        for sub in doel.subdoelen:
            mapping[sub.id] = sub.id = new_id()
            sub.metingen = []
    for actie in copy.acties:
        actie.id = new_id()
        actie.voortgang = []
        actie.subdoelen = [mapping.get(s, s) for s in actie.subdoelen]
    return copy
