"""`drugspreventie interventies ...`: search, 'wat werkt' guidance and the overview (PDF or
Word document)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from drugspreventie_app.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    apply_data_dir,
    opened_database,
    output_suffix,
)
from drugspreventie_app.cli.dutch_argparse import unknown_choice
from drugspreventie_app.domain.age_range import AgeRange, AgeRangeError
from drugspreventie_app.domain.guidance import Advice
from drugspreventie_app.domain.intervention import MIDDELEN, NIVEAUS, SETTINGS, Intervention
from drugspreventie_app.domain.intervention_filter import Criteria

JSON_KEYS = (
    "id", "naam", "beschrijving", "doelgroep", "leeftijd_van", "leeftijd_tot", "settings",
    "niveaus", "erkenning", "middelen", "pijlers", "werkvormen", "onderdeel_van", "aanbieder",
    "bron", "lokaal",
)  # fmt: skip


AGE_HELP = "één leeftijd (14) of een bereik van-tot (13-15), in jaren (0-120)"


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "term", nargs="?", default="", metavar="ZOEKTERM", help="zoekterm, bijvoorbeeld 'moti 4'"
    )
    p.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="ID",
        help=f"setting (meer keer mogelijk): {', '.join(SETTINGS)}",
    )
    p.add_argument("--leeftijd", metavar="LEEFTIJD", help=AGE_HELP)
    p.add_argument(
        "--niveau",
        action="append",
        default=[],
        metavar="NIVEAU",
        help=f"niveau (meer keer mogelijk): {', '.join(NIVEAUS)}",
    )
    p.add_argument(
        "--middel",
        action="append",
        default=[],
        metavar="M",
        help=f"middel (meer keer mogelijk): {', '.join(MIDDELEN)}",
    )


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "interventies", parents=[parent], help="erkende interventies zoeken en wat werkt"
    )
    sub = p.add_subparsers(dest="interventies_command", metavar="OPDRACHT", required=True)

    zoek = sub.add_parser(
        "zoek", parents=[parent], help="zoek interventies op tekst, setting, leeftijd, niveau"
    )
    _add_filters(zoek)
    zoek.add_argument("--json", action="store_true", help="uitvoer als JSON-lijst")
    zoek.set_defaults(func=cmd_zoek)

    advies = sub.add_parser(
        "advies", parents=[parent], help="wat werkt, wat werkt niet en niet doen per setting"
    )
    advies.add_argument(
        "--setting", required=True, metavar="ID", help=f"setting: {', '.join(SETTINGS)}"
    )
    advies.add_argument("--leeftijd", metavar="LEEFTIJD", help=AGE_HELP)
    advies.set_defaults(func=cmd_advies)

    export = sub.add_parser(
        "export",
        parents=[parent],
        help="overzicht van de gevonden interventies als PDF of Word-document",
    )
    _add_filters(export)
    export.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="BESTAND",
        help="PDF- of Word-bestand; de extensie (.pdf of .docx) kiest het formaat",
    )
    export.set_defaults(func=cmd_export)


# -- arguments -------------------------------------------------------------------------------


def _choice(value: str, allowed: dict[str, str], what: str, *, upper: bool = False) -> str:
    key = value.strip().upper() if upper else value.strip().lower()
    if key not in allowed:
        known = ", ".join(f"{k} ({label})" for k, label in allowed.items())
        raise CommandError(unknown_choice(what, value, list(allowed), known), EXIT_USAGE)
    return key


def _age(value: str | None) -> AgeRange | None:
    if value is None:
        return None
    try:
        return AgeRange.parse(value)
    except AgeRangeError as err:
        raise CommandError(f"--leeftijd {value}: {err}", EXIT_USAGE) from None


def _settings(values: list[str]) -> list[str]:
    """The settings in the order given, without duplicates (the first one picks the advice)."""
    out: list[str] = []
    for value in values:
        key = _choice(value, SETTINGS, "onbekende setting")
        if key not in out:
            out.append(key)
    return out


def _criteria(args: argparse.Namespace) -> Criteria:
    return Criteria(
        tekst=args.term or "",
        settings=frozenset(_settings(args.setting)),
        niveaus=frozenset(_choice(v, NIVEAUS, "onbekend niveau", upper=True) for v in args.niveau),
        leeftijd=_age(args.leeftijd),
        middelen=frozenset(_choice(v, MIDDELEN, "onbekend middel") for v in args.middel),
    )


# -- content and data ------------------------------------------------------------------------


def _catalogue() -> tuple[Intervention, ...]:
    from drugspreventie_app.content.errors import ContentError
    from drugspreventie_app.content.interventions import catalogue

    try:
        return catalogue()
    except ContentError as err:
        raise CommandError(str(err)) from err


def _advice(setting: str, age: AgeRange | None) -> Advice:
    from drugspreventie_app.content.errors import ContentError
    from drugspreventie_app.content.interventions import guidance

    try:
        return guidance().advice(setting, age)
    except ContentError as err:
        raise CommandError(str(err)) from err


def _local() -> list[Intervention]:
    from drugspreventie_app.storage.local_interventions_repository import (
        LocalInterventionsRepository,
    )

    with opened_database(need_write=False) as db:
        return LocalInterventionsRepository(db).all()


def _name_hit(item: Intervention, term: str) -> bool:
    """Every word of the search term matches a word of the name (prefix or small typo)."""
    from drugspreventie_app.domain.intervention_search import allowed_edits, tokens, within_edits

    words, name = tokens(term), tokens(item.naam)
    if not words:
        return False
    if "".join(words) in "".join(name):
        return True
    return all(
        any(
            n.startswith(w)
            or within_edits(w, n, allowed_edits(w))
            or within_edits(w, n[: len(w)], allowed_edits(w))
            for n in name
        )
        for w in words
    )


def _matches(criteria: Criteria) -> tuple[list[Intervention], str]:
    """Matches best first (name hits for a search term, then strongest evidence), and the
    hint to show when there are none."""
    from drugspreventie_app.domain.intervention_filter import InterventionFinder

    finder = InterventionFinder([*_catalogue(), *_local()])
    found = finder.filter(criteria)
    if criteria.tekst.strip():
        # stable: within both groups the finder's order (strongest evidence first) remains
        found.sort(key=lambda item: not _name_hit(item, criteria.tekst))
    return found, "" if found else finder.loosen_hint(criteria)


# -- commands --------------------------------------------------------------------------------


def cmd_zoek(args: argparse.Namespace) -> int:
    apply_data_dir(args)
    found, hint = _matches(_criteria(args))
    if not found:
        print(hint, file=sys.stderr)
    if args.json:
        data = [{key: item.to_dict()[key] for key in JSON_KEYS} for item in found]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    for item in found:
        print(f"{item.id}\t{item.naam}\t{item.erkenning}")
    return EXIT_OK


def advice_lines(advice: Advice, setting_id: str, age: AgeRange | None) -> list[str]:
    """The guidance as plain Dutch text, one list entry per line."""
    title = advice.setting.naam if advice.setting else SETTINGS.get(setting_id, setting_id)
    lines = [f"Wat werkt en wat niet: {title}" + (f", {age.text()}" if age is not None else "")]
    setting = advice.setting
    if setting is None and not advice.bands:
        lines += ["", "Voor deze setting staan geen aparte richtlijnen in de Werkbank."]

    def section(heading: str, items: tuple[str, ...], indent: str = "") -> None:
        if items:
            lines.extend(["", f"{indent}{heading}", *(f"{indent}  - {i}" for i in items)])

    if setting is not None:
        section("Wat werkt", setting.wat_werkt)
        section("Wat werkt niet", setting.wat_werkt_niet)
    section("Wat werkt bij communicatie en campagnes", advice.media_wat_werkt)
    for band in advice.bands:
        lines += ["", f"Richtlijnen {band.label}"]
        section("Universeel", band.universeel, "  ")
        section("Selectief en geïndiceerd", band.selectief_geindiceerd, "  ")
    if advice.niet_doen:
        lines += ["", "NIET DOEN"]
        for item in advice.niet_doen:
            lines += [f"  ✗ {item.tekst}", f"    Waarom niet: {item.reden}"]
    if setting is not None and setting.reflectie.strip():
        lines += ["", "Om rekening mee te houden", f"  {setting.reflectie}"]
    sources = advice.sources()
    if sources:
        lines += ["", "Bron: " + "; ".join(sources)]
    return lines


def cmd_advies(args: argparse.Namespace) -> int:
    apply_data_dir(args)
    setting = _choice(args.setting, SETTINGS, "onbekende setting")
    age = _age(args.leeftijd)
    print("\n".join(advice_lines(_advice(setting, age), setting, age)))
    return EXIT_OK


def _handout_context():
    from drugspreventie_app.export.handout import HandoutContext
    from drugspreventie_app.storage.profile_access import profile_and_logo

    with opened_database(need_write=False) as db:
        profile, logo = profile_and_logo(db)
    return HandoutContext(profile=profile, logo=logo, today=date.today())


def cmd_export(args: argparse.Namespace) -> int:
    from drugspreventie_app.export.interventions_overview import write_overview
    from drugspreventie_app.storage.errors import StorageError

    apply_data_dir(args)
    output_suffix(args.output, (".pdf", ".docx"))
    criteria = _criteria(args)
    settings = _settings(args.setting)
    advice = _advice(settings[0], criteria.leeftijd) if settings else None
    found, hint = _matches(criteria)
    if not found:
        print(hint, file=sys.stderr)
    ctx = _handout_context()
    try:
        summary = write_overview(args.output, found, criteria, advice, ctx).summary()
    except (StorageError, OSError) as err:
        raise CommandError(f"het bestand {args.output} kon niet worden geschreven: {err}") from err
    if summary:
        print(f"Let op: {summary}", file=sys.stderr)
    print(f"Geschreven: {args.output} ({len(found)} interventies)")
    return EXIT_OK
