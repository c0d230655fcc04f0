"""`drugspreventie plan ...`: list, create, check, export and import plans, and the plan as
PDF or Word document."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from drugspreventie_app.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    apply_data_dir,
    opened_database,
    output_suffix,
)
from drugspreventie_app.cli.dutch_argparse import unknown_choice
from drugspreventie_app.domain.plan.model import Plan, PlanOrganisatie, new_plan
from drugspreventie_app.domain.plan.options import REIKWIJDTE
from drugspreventie_app.domain.text import has_control_characters

MIN_PREFIX = 4  # a plan id may be shortened to a unique start of at least this many characters
YEAR_MIN, YEAR_MAX = 1990, 2100

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "plan", parents=[parent], help="preventie- en handhavingsplannen beheren"
    )
    sub = p.add_subparsers(dest="plan_command", metavar="OPDRACHT", required=True)

    lijst = sub.add_parser(
        "lijst", parents=[parent], help="alle plannen: id, titel, gemeente en periode"
    )
    lijst.set_defaults(func=cmd_lijst)

    nieuw = sub.add_parser("nieuw", parents=[parent], help="een nieuw plan volgens het Modelplan")
    nieuw.add_argument("--titel", required=True, help="titel van het plan")
    nieuw.add_argument("--gemeente", required=True, help="de gemeente waarvoor het plan is")
    nieuw.add_argument(
        "--reikwijdte", default="beide", help=f"{', '.join(REIKWIJDTE)} (standaard: beide)"
    )
    nieuw.add_argument("--start", metavar="JAAR", help="beginjaar; het plan duurt vier jaar")
    nieuw.add_argument(
        "--organisatie",
        metavar="NAAM",
        help="de organisatie die het plan schrijft (standaard die uit de instellingen)",
    )
    nieuw.set_defaults(func=cmd_nieuw)

    voorbeeld = sub.add_parser(
        "voorbeeld", parents=[parent], help="voeg een kopie van het fictieve voorbeeldplan toe"
    )
    voorbeeld.set_defaults(func=cmd_voorbeeld)

    check = sub.add_parser(
        "check", parents=[parent], help="controleer een plan: fouten, waarschuwingen en tips"
    )
    check.add_argument(
        "id", metavar="PLAN", help="id van het plan (zie 'plan lijst'; het begin volstaat)"
    )
    check.set_defaults(func=cmd_check)

    pdf = sub.add_parser("pdf", parents=[parent], help="het plan als PDF")
    pdf.add_argument(
        "id", metavar="PLAN", help="id van het plan (zie 'plan lijst'; het begin volstaat)"
    )
    pdf.add_argument(
        "-o", "--output", required=True, type=Path, metavar="BESTAND", help="PDF-bestand"
    )
    pdf.set_defaults(func=cmd_pdf)

    docx = sub.add_parser(
        "docx", parents=[parent], help="het plan als bewerkbaar Word-document (.docx)"
    )
    docx.add_argument(
        "id", metavar="PLAN", help="id van het plan (zie 'plan lijst'; het begin volstaat)"
    )
    docx.add_argument(
        "-o", "--output", required=True, type=Path, metavar="BESTAND", help="Word-bestand (.docx)"
    )
    docx.set_defaults(func=cmd_docx)

    voortgang = sub.add_parser(
        "voortgang",
        parents=[parent],
        help="de voortgangsrapportage over een jaar, als PDF of Word (volgt de extensie)",
    )
    voortgang.add_argument("id", help="id van het plan (zie 'plan lijst'; het begin volstaat)")
    voortgang.add_argument(
        "--jaar", required=True, metavar="JAAR", help="het jaar van de rapportage"
    )
    voortgang.add_argument(
        "--soort",
        default="jaar",
        help="jaar (standaard), tussenevaluatie of eindevaluatie",
    )
    voortgang.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="BESTAND",
        help="bestand op .pdf of .docx",
    )
    voortgang.set_defaults(func=cmd_voortgang)

    export = sub.add_parser("export", parents=[parent], help="het plan als planbestand (JSON)")
    export.add_argument(
        "id", metavar="PLAN", help="id van het plan (zie 'plan lijst'; het begin volstaat)"
    )
    export.add_argument(
        "-o", "--output", required=True, type=Path, metavar="BESTAND", help="JSON-bestand"
    )
    export.set_defaults(func=cmd_export)

    imp = sub.add_parser(
        "import",
        parents=[parent],
        help="importeer een planbestand; bij een fout verandert er niets",
    )
    imp.add_argument("file", type=Path, metavar="BESTAND", help="planbestand (JSON)")
    imp.set_defaults(func=cmd_import)


# -- helpers -----------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _storage(action: Callable[[], T]) -> T:
    """Run a storage action; its Dutch error becomes the command's error."""
    from drugspreventie_app.storage.errors import StorageError

    try:
        return action()
    except StorageError as err:
        raise CommandError(str(err)) from err


def _find(plans: list[Plan], wanted: str) -> Plan:
    key = wanted.strip()
    exact = [p for p in plans if p.id == key]
    if exact:
        return exact[0]
    found = [p for p in plans if len(key) >= MIN_PREFIX and p.id.startswith(key)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise CommandError(
            f"'{wanted}' past bij {len(found)} plannen. Geef meer tekens van de id.", EXIT_USAGE
        )
    raise CommandError(
        f"er is geen plan met id '{wanted}'. Bekijk de plannen met 'drugspreventie plan lijst'.",
        EXIT_USAGE,
    )


def _with_plan(plan_id: str, work: Callable[[Any, Plan], T], *, need_write: bool = False) -> T:
    from drugspreventie_app.storage.plan_repository import PlanRepository

    with opened_database(need_write=need_write) as db:
        plan = _find(PlanRepository(db).list(), plan_id)
        return work(db, plan)


def _interventions(db: Any) -> dict[str, Any]:
    """Catalogue plus the user's own interventions, by id."""
    from drugspreventie_app.content.errors import ContentError
    from drugspreventie_app.content.interventions import catalogue
    from drugspreventie_app.storage.local_interventions_repository import (
        LocalInterventionsRepository,
    )

    try:
        items = list(catalogue())
    except ContentError as err:
        raise CommandError(str(err)) from err
    items += LocalInterventionsRepository(db).all()
    return {item.id: item for item in items}


def _findings(plan: Plan, interventions: dict[str, Any]) -> list[Any]:
    from drugspreventie_app.content.errors import ContentError
    from drugspreventie_app.domain.plan.check import check_plan

    try:
        return check_plan(plan, interventions)
    except ContentError as err:
        raise CommandError(str(err)) from err


def _text(value: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise CommandError(f"{what} mag niet leeg zijn.", EXIT_USAGE)
    if has_control_characters(text) or "\n" in text or "\t" in text:
        raise CommandError(f"{what} bevat onzichtbare stuurtekens.", EXIT_USAGE)
    return text


def _year(value: str | None, what: str = "beginjaar") -> int:
    if value is None:
        return date.today().year
    text = value.strip()
    if not text.isdigit() or not YEAR_MIN <= int(text) <= YEAR_MAX:
        raise CommandError(
            f"ongeldig {what} '{value}'. Geef een jaartal tussen {YEAR_MIN} en {YEAR_MAX}.",
            EXIT_USAGE,
        )
    return int(text)


# -- commands ----------------------------------------------------------------------------------


def cmd_lijst(args: argparse.Namespace) -> int:
    from drugspreventie_app.storage.plan_repository import PlanRepository

    apply_data_dir(args)
    with opened_database(need_write=False) as db:
        plans = PlanRepository(db).list()
    for plan in plans:
        print(
            f"{plan.id}\t{_one_line(plan.titel)}\t{_one_line(plan.gemeente)}\t{plan.periode_text()}"
        )
    return EXIT_OK


def cmd_nieuw(args: argparse.Namespace) -> int:
    from drugspreventie_app.domain.profile import plan_organisation_from
    from drugspreventie_app.storage.plan_repository import PlanRepository
    from drugspreventie_app.storage.profile_repository import ProfileRepository

    apply_data_dir(args)
    titel = _text(args.titel, "De titel")
    gemeente = _text(args.gemeente, "De gemeente")
    reikwijdte = args.reikwijdte.strip().lower()
    if reikwijdte not in REIKWIJDTE:
        known = ", ".join(f"{k} ({label})" for k, label in REIKWIJDTE.items())
        raise CommandError(
            unknown_choice("onbekende reikwijdte", args.reikwijdte, list(REIKWIJDTE), known),
            EXIT_USAGE,
        )
    with opened_database(need_write=True) as db:
        organisatie = plan_organisation_from(ProfileRepository(db).load())
        if args.organisatie is not None:
            organisatie = PlanOrganisatie(naam=_text(args.organisatie, "De organisatie"))
        plan = new_plan(titel, gemeente, reikwijdte, _year(args.start), organisatie=organisatie)
        _storage(lambda: PlanRepository(db).save(plan))
    print(plan.id)
    return EXIT_OK


def cmd_voorbeeld(args: argparse.Namespace) -> int:
    from drugspreventie_app.content.errors import ContentError
    from drugspreventie_app.content.example_plan import fresh_example_plan
    from drugspreventie_app.storage.plan_repository import PlanRepository

    apply_data_dir(args)
    try:
        plan = fresh_example_plan()
    except ContentError as err:
        raise CommandError(str(err)) from err
    with opened_database(need_write=True) as db:
        _storage(lambda: PlanRepository(db).save(plan))
    print(plan.id)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    apply_data_dir(args)
    findings = _with_plan(args.id, lambda db, plan: _findings(plan, _interventions(db)))
    from drugspreventie_app.domain.plan.check import summary_text

    for finding in findings:
        print(f"{finding.severity}\t{finding.section}\t{_one_line(finding.text)}")
    print(summary_text(findings), file=sys.stderr)
    return EXIT_OK


def _pdf_context(db: Any, plan: Plan) -> Any:
    """The plan prints its own author organisation, not the one in the settings."""
    from drugspreventie_app.export.handout import HandoutContext
    from drugspreventie_app.storage.profile_access import plan_profile_and_logo

    profile, logo = plan_profile_and_logo(db, plan)
    return HandoutContext(profile=profile, logo=logo, today=date.today())


def cmd_pdf(args: argparse.Namespace) -> int:
    return _write_plan_document(args, ".pdf", "Voor een Word-document: 'plan docx'.")


def cmd_docx(args: argparse.Namespace) -> int:
    return _write_plan_document(args, ".docx", "Voor een PDF: 'plan pdf'.")


def _write_plan_document(args: argparse.Namespace, fmt: str, hint: str) -> int:
    from drugspreventie_app.export.plan_document import write_plan

    apply_data_dir(args)
    output_suffix(args.output, (fmt,), hint)

    def work(db: Any, plan: Plan) -> Any:
        interventions = _interventions(db)
        findings = _findings(plan, interventions)
        ctx = _pdf_context(db, plan)
        return _storage(
            lambda: write_plan(args.output, plan, ctx, interventions, findings, fmt=fmt)
        )

    summary = _with_plan(args.id, work).summary()
    if summary:
        print(f"Let op: {summary}", file=sys.stderr)
    print(f"Geschreven: {args.output}")
    return EXIT_OK


def cmd_voortgang(args: argparse.Namespace) -> int:
    from drugspreventie_app.export.progress_report import (
        KINDS,
        ReportOptions,
        write_progress_report,
    )
    from drugspreventie_app.storage.profile_access import plan_profile_and_logo

    apply_data_dir(args)
    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise CommandError(
            f"kies een uitvoerbestand op .pdf of .docx (niet '{args.output.name}').", EXIT_USAGE
        )
    year = _year(args.jaar, "jaar")
    if args.soort not in KINDS:
        raise CommandError(
            f"onbekende soort '{args.soort}'. Kies uit: {', '.join(KINDS)}.", EXIT_USAGE
        )

    def work(db: Any, plan: Plan) -> None:
        if not plan.periode_start <= year <= plan.periode_eind:
            raise CommandError(
                f"{year} valt buiten de planperiode {plan.periode_text()}.", EXIT_USAGE
            )
        findings = _findings(plan, _interventions(db))
        profile, _logo = plan_profile_and_logo(db, plan)  # the plan's own author
        options = ReportOptions(kind=args.soort, year=year)
        _storage(
            lambda: write_progress_report(
                args.output,
                plan,
                options,
                findings=findings,
                organisation=profile.organisatie,
                today=date.today(),
            )
        )

    _with_plan(args.id, work)
    print(f"Geschreven: {args.output}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from drugspreventie_app.storage.plan_files import export_plan

    apply_data_dir(args)
    _with_plan(args.id, lambda db, plan: _storage(lambda: export_plan(plan, args.output)))
    print(f"Geschreven: {args.output}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from drugspreventie_app.domain.plan.plan_file import PlanFileError
    from drugspreventie_app.storage.plan_files import import_plan, read_plan_file
    from drugspreventie_app.storage.plan_repository import PlanRepository

    apply_data_dir(args)
    try:
        read_plan_file(args.file)  # a bad file never needs the (locked) database
        with opened_database(need_write=True) as db:
            plan = _storage(lambda: import_plan(PlanRepository(db), args.file))
    except PlanFileError as err:
        raise CommandError(str(err), EXIT_USAGE) from err
    print(plan.id)
    return EXIT_OK
