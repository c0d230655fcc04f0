"""Versioned plan files: one plan as JSON, to share with colleagues or keep as an archive.

`parse_plan_file` checks the whole file before anything is built: JSON syntax, format and
version, the exact structure of the dataclasses in `model.py` (walked with their type hints, so
a new field is covered without touching this module), sizes, the fixed choices from
`options.py`, ids and references, and invisible control characters. Every problem is named
with its place in the file ("plan.acties[2].budgett: onbekend veld"); indices count from 0,
as in the JSON itself.

Missing fields are not an error: they take the model's default, so an older file stays
readable when the model gains a field. Version 2 added the plan cycle (measurements per
subdoel, action status per year); a version-1 file is simply a plan without them. Unknown
fields are an error, because silently dropping them would lose data.
"""

from __future__ import annotations

import json
import types
from dataclasses import MISSING, Field, fields, is_dataclass
from datetime import datetime
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from drugspreventie_app.domain.intervention import NIVEAUS, PIJLERS, SETTINGS, WERKVORMEN
from drugspreventie_app.domain.plan import options
from drugspreventie_app.domain.plan.model import (
    Actie,
    ActieStatus,
    Beleidsfocus,
    Doel,
    Handhavingsmaatregel,
    Inleiding,
    Plan,
    Stakeholder,
    Subdoel,
)
from drugspreventie_app.domain.text_policy import MAX_TEXT, TextChanges, clean_tree

FORMAT = "drugspreventie-werkbank/plan"
VERSION = 2
READABLE_VERSIONS = (1, 2)  # 1: before the measurements and action statuses
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_STRING = MAX_TEXT  # the editor's limit, so every exported plan reads back
MAX_LIST = 1_000
MAX_SHOWN = 15
YEAR_MIN, YEAR_MAX = 1990, 2100
AGE_MIN, AGE_MAX = 0, 120
TOP_LEVEL_KEYS = ("formaat", "versie", "geexporteerd", "plan")
LOCAL_INTERVENTIONS_FORMAT = "drugspreventie-werkbank/lokale-interventies"

# The fields that hold a key of one of the fixed choice lists. Whether "" is allowed follows
# from the model: it is when the field's default is "" (nothing chosen yet).
CHOICES: dict[tuple[type, str], dict[str, str]] = {
    (Plan, "reikwijdte"): options.REIKWIJDTE,
    (Plan, "status"): options.STATUS,
    (Inleiding, "aanleiding"): options.AANLEIDINGEN,
    (Beleidsfocus, "model"): options.MODELLEN,
    (Stakeholder, "domein"): options.DOMEINEN,
    (Doel, "prioriteit"): options.PRIORITEITEN,
    (Actie, "niveau"): NIVEAUS,
    (Actie, "setting"): SETTINGS,
    (Actie, "harm_pijler"): options.HARM_PIJLERS,
    (Actie, "rivm_pijler"): PIJLERS,
    (Actie, "component"): options.COMPONENTEN,
    (Actie, "werkvormen"): WERKVORMEN,
    (Handhavingsmaatregel, "maatregel"): options.HANDHAVING_MAATREGELEN,
    (ActieStatus, "status"): options.ACTIE_STATUSSEN,
}
# Only whole numbers are checked as years: Cijfer.jaar is free text ("2023", "2022-2023").
YEAR_FIELDS = ("periode_start", "periode_eind", "streefjaar", "jaar")
AGE_FIELDS = ("leeftijd_van", "leeftijd_tot")
COUNT_FIELDS = ("bereik", "uitgegeven")


class PlanFileError(ValueError):
    """The file cannot be imported; `problems` names each problem in Dutch."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[str]) -> str:
    head = "Het plan is niet geïmporteerd. "
    if len(problems) == 1:
        return head + problems[0]
    shown = "\n".join(problems[:MAX_SHOWN])
    more = len(problems) - MAX_SHOWN
    tail = f"\n… en nog {more} problemen." if more > 0 else ""
    return f"{head}Er zijn {len(problems)} problemen in het bestand:\n{shown}{tail}"


# -- writing -----------------------------------------------------------------------------------


def plan_to_file_text(plan: Plan, *, exported: str | None = None) -> str:
    """The plan file's text. It passes the same text rule as every entrance, so a plan file
    always reads back (and always encodes as UTF-8)."""
    payload = {
        "formaat": FORMAT,
        "versie": VERSION,
        "geexporteerd": exported or datetime.now().isoformat(timespec="seconds"),
        "plan": clean_tree(plan.to_dict())[0],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# -- reading -----------------------------------------------------------------------------------


def parse_plan_file(text: str, changes: TextChanges | None = None) -> Plan:
    """The plan in `text`, or `PlanFileError` naming every problem; nothing half-built.

    Text passes the text rule first (lone surrogates replaced, invisible control characters
    removed), exactly as if it had been typed; what that changed is added to `changes`.
    Text longer than the rule allows is refused rather than cut, so nothing is lost."""
    data = _load_json(text)
    data, cleaned = clean_tree(data, limit=None)
    if changes is not None:
        changes.add(cleaned)
    problems: list[str] = []
    _check_envelope(data, problems)
    if problems:
        raise PlanFileError(problems)
    raw_plan = data["plan"]
    _Checker(problems).check_plan(raw_plan)
    if problems:
        raise PlanFileError(problems)
    return Plan.from_dict(raw_plan)


def plan_record_problems(raw: Any) -> list[str]:
    """What is wrong with a stored plan record (wrong types, unknown choices, broken
    references), with the same checks as an import; empty when it can be shown and edited."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        return [f"plan: {_expected(Plan)}, gevonden {_kind(raw)}"]
    _Checker(problems, text_rule=False).check_plan(raw)
    return problems


def _load_json(text: str) -> Any:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        raise PlanFileError(
            [f"Het bestand is te groot ({size / 1024 / 1024:.1f} MB; maximaal 20 MB)."]
        )
    if text.startswith("\ufeff"):  # a byte-order mark, as some Windows editors write
        text = text[1:]
    duplicate_keys: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out and key not in duplicate_keys:
                duplicate_keys.append(key)
            out[key] = value
        return out

    def constant(name: str) -> Any:
        raise ValueError(name)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as err:
        raise PlanFileError(
            [f"Het bestand is geen geldige JSON (regel {err.lineno}, kolom {err.colno})."]
        ) from None
    except ValueError as err:  # NaN or Infinity: JSON has no such numbers
        raise PlanFileError(
            [f"Het bestand is geen geldige JSON: '{err}' is geen getal in JSON."]
        ) from None
    except RecursionError:
        raise PlanFileError(["Het bestand is te diep genest om te lezen."]) from None
    if duplicate_keys:
        names = ", ".join(f"'{k[:60]}'" for k in duplicate_keys[:5])
        raise PlanFileError(
            [f"Het bestand bevat een sleutel twee keer in hetzelfde object ({names})."]
        )
    return data


def _check_envelope(data: Any, problems: list[str]) -> None:
    if not isinstance(data, dict) or "formaat" not in data:
        problems.append("Dit is geen planbestand van de Drugspreventie Werkbank.")
        return
    if data["formaat"] == LOCAL_INTERVENTIONS_FORMAT:
        problems.append(
            "Dit is een bestand met eigen interventies, geen plan. Importeer het in het "
            "tabblad Interventies."
        )
        return
    if data["formaat"] != FORMAT:
        shown = data["formaat"] if isinstance(data["formaat"], str) else "?"
        problems.append(
            f"Dit is geen planbestand van de Drugspreventie Werkbank (formaat '{shown[:80]}'; "
            f"verwacht '{FORMAT}')."
        )
        return
    version = data.get("versie")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        problems.append(
            f"Dit planbestand heeft versie {version} en is gemaakt met een nieuwere Werkbank; "
            f"deze Werkbank leest versie {VERSION}. Werk de Werkbank bij en probeer het opnieuw."
        )
        return
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        problems.append(
            f"Het planbestand heeft een onbekende versie ({str(version)[:40]}); deze Werkbank "
            f"leest versie {READABLE_VERSIONS[0]} tot en met {VERSION}."
        )
        return
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            problems.append(f"{str(key)[:80]}: onbekend veld")
    if "geexporteerd" in data and not isinstance(data["geexporteerd"], str):
        problems.append(f"geexporteerd: {_expected(str)}, gevonden {_kind(data['geexporteerd'])}")
    if "plan" not in data:
        problems.append("Het bestand bevat geen plan (het veld 'plan' ontbreekt).")
    elif not isinstance(data["plan"], dict):
        problems.append(f"plan: {_expected(Plan)}, gevonden {_kind(data['plan'])}")


# -- the structure walk -------------------------------------------------------------------------


def _kind(value: Any) -> str:
    """What a JSON value is, in words."""
    if value is None:
        return "leeg (null)"
    if isinstance(value, bool):
        return "waar/onwaar"
    if isinstance(value, int):
        return "een geheel getal"
    if isinstance(value, float):
        return "een kommagetal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "een lijst"
    return "een object"


@cache  # type hints are hashable and few; the check runs over every stored plan at start-up
def _expected(hint: Any) -> str:
    if is_dataclass(hint):
        return "verwacht een object"
    if get_origin(hint) is list:
        (item,) = get_args(hint)
        return "verwacht een lijst met " + ("objecten" if is_dataclass(item) else "teksten")
    args = _optional_args(hint)
    if args is not None:
        return _expected(args) + " of leeg (null)"
    return {
        str: "verwacht tekst",
        int: "verwacht een geheel getal",
        bool: "verwacht waar of onwaar (true/false)",
    }[hint]


_origin = cache(get_origin)


@cache
def _fields_by_name(cls: type) -> dict[str, Field]:
    return {f.name: f for f in fields(cls)}


_is_dataclass = cache(is_dataclass)


@cache
def _optional_args(hint: Any) -> Any | None:
    """`X` for `X | None`, else None."""
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(get_args(hint)) == 2:
            return args[0]
    return None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _default(f: Field) -> Any:
    if f.default is not MISSING:
        return f.default
    factory: Any = f.default_factory
    return factory() if factory is not MISSING else MISSING


class _Checker:
    def __init__(self, problems: list[str], *, text_rule: bool = True) -> None:
        self.problems = problems
        # stored plans from older versions may hold long or odd text; that is no reason to
        # hide a plan, only wrong types and broken references are
        self.text_rule = text_rule
        self.ids: dict[str, str] = {}  # id -> path of the first list entry that carries it
        self.subdoel_ids: set[str] = set()
        self.references: list[tuple[str, str]] = []  # (path, subdoel id)

    def add(self, path: str, text: str) -> None:
        self.problems.append(f"{path}: {text}")

    def check_plan(self, raw: dict[str, Any]) -> None:
        self.check_object(Plan, raw, "plan")
        self.check_period(raw)
        for path, ref in self.references:
            if ref not in self.subdoel_ids:
                self.add(path, f"verwijst naar subdoel '{ref[:80]}', dat niet in het plan staat")

    def check_object(self, cls: type, raw: Any, path: str, *, in_list: bool = False) -> None:
        if not isinstance(raw, dict):
            self.add(path, f"{_expected(cls)}, gevonden {_kind(raw)}")
            return
        known = _fields_by_name(cls)
        for key in raw:
            if key not in known:
                self.add(f"{path}.{str(key)[:80]}", "onbekend veld")
        if in_list and "id" in known and isinstance(raw.get("id"), str):
            self.check_id(raw["id"], f"{path}.id")  # before the children: document order
            if cls is Subdoel:
                self.subdoel_ids.add(raw["id"])
        hints = _hints(cls)
        for name, f in known.items():
            if name not in raw:
                continue
            field_path = f"{path}.{name}"
            value = raw[name]
            if self.check_value(hints[name], value, field_path):
                self.check_rules(cls, f, value, field_path)

    def check_value(self, hint: Any, value: Any, path: str, shown: Any = None) -> bool:
        """Type and size of one value; True when its contents can be checked further.
        `shown` is the type named in the message (the whole `X | None`)."""
        inner = _optional_args(hint)
        if inner is not None:
            return value is None or self.check_value(inner, value, path, hint)
        if _is_dataclass(hint):
            self.check_object(hint, value, path)
            return False
        if _origin(hint) is list:
            (item_type,) = get_args(hint)
            if not isinstance(value, list):
                self.add(path, f"{_expected(hint)}, gevonden {_kind(value)}")
                return False
            if len(value) > MAX_LIST:
                self.add(path, f"te veel items ({len(value)}; maximaal {MAX_LIST})")
                return False
            ok = True
            for index, item in enumerate(value):
                item_path = f"{path}[{index}]"
                if _is_dataclass(item_type):
                    self.check_object(item_type, item, item_path, in_list=True)
                else:
                    ok = self.check_value(item_type, item, item_path) and ok
            return ok and not _is_dataclass(item_type)
        if hint not in (bool, int, str):
            raise TypeError(f"plan_file kent het type {hint!r} van {path} niet")  # model changed
        expected = _expected(shown if shown is not None else hint)
        if hint is bool:
            if not isinstance(value, bool):
                self.add(path, f"{expected}, gevonden {_kind(value)}")
                return False
            return True
        if hint is int:
            if not isinstance(value, int) or isinstance(value, bool):
                self.add(path, f"{expected}, gevonden {_kind(value)}")
                return False
            return True
        if not isinstance(value, str):
            self.add(path, f"{expected}, gevonden {_kind(value)}")
            return False
        if not self.text_rule:
            return True
        if len(value) > MAX_STRING:
            self.add(path, f"tekst te lang ({len(value)} tekens; maximaal {MAX_STRING})")
            return False
        return True  # control characters: the text rule removed them in parse_plan_file

    def check_rules(self, cls: type, f: Field, value: Any, path: str) -> None:
        """The rules beyond the type: fixed choices, years, ages, references."""
        allowed = CHOICES.get((cls, f.name))
        if allowed is not None:
            allow_empty = _default(f) == ""
            values = value if isinstance(value, list) else [value]
            for index, item in enumerate(values):
                if item == "" and allow_empty:
                    continue
                if item not in allowed:
                    where = f"{path}[{index}]" if isinstance(value, list) else path
                    keys = ", ".join(allowed) + (" of leeg" if allow_empty else "")
                    self.add(where, f"onbekende waarde '{item[:80]}' (toegestaan: {keys})")
        if f.name in YEAR_FIELDS and isinstance(value, int) and not YEAR_MIN <= value <= YEAR_MAX:
            self.add(path, f"{value} is geen jaartal tussen {YEAR_MIN} en {YEAR_MAX}")
        if f.name in AGE_FIELDS and isinstance(value, int) and not AGE_MIN <= value <= AGE_MAX:
            self.add(path, f"{value} is geen leeftijd tussen {AGE_MIN} en {AGE_MAX}")
        if f.name in COUNT_FIELDS and isinstance(value, int) and value < 0:
            self.add(path, f"{value} is negatief; verwacht 0 of meer")
        if cls is Actie and f.name == "subdoelen":
            self.references += [(f"{path}[{i}]", ref) for i, ref in enumerate(value)]

    def check_id(self, value: str, path: str) -> None:
        if not value.strip():
            self.add(path, "de id is leeg")
            return
        first = self.ids.get(value)
        if first is not None:
            self.add(path, f"dezelfde id als {first} ('{value[:80]}')")
        else:
            self.ids[value] = path

    def check_period(self, raw: dict[str, Any]) -> None:
        start, end = raw.get("periode_start"), raw.get("periode_eind")
        years = (start, end)
        if all(isinstance(y, int) and not isinstance(y, bool) for y in years) and end < start:
            self.add("plan.periode_eind", f"{end} ligt vóór het beginjaar {start}")
        if isinstance(raw.get("id"), str) and not raw["id"].strip():
            self.add("plan.id", "de id is leeg")
