"""`drugspreventie middelen ...`: list, search, handouts and the bundle from the command line."""

from __future__ import annotations

import argparse
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
from drugspreventie_app.domain.factsheet import Audience, Factsheet


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("middelen", parents=[parent], help="factsheets over middelen")
    sub = p.add_subparsers(dest="middelen_command", metavar="OPDRACHT", required=True)

    lijst = sub.add_parser(
        "lijst", parents=[parent], help="alle middelen: code (voor handout) en naam"
    )
    lijst.set_defaults(func=cmd_lijst)

    zoek = sub.add_parser("zoek", parents=[parent], help="zoek op naam, straatnaam of stofgroep")
    zoek.add_argument("term", metavar="ZOEKTERM", help="zoekterm, bijvoorbeeld 'poes' of 'cocaine'")
    zoek.set_defaults(func=cmd_zoek)

    handout = sub.add_parser(
        "handout", parents=[parent], help="maak een handout als PDF of Word-document"
    )
    handout.add_argument("slug", metavar="MIDDEL", help="het middel, zie 'middelen lijst'")
    handout.add_argument("--doelgroep", required=True, help="professional, ouders of jongeren")
    handout.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="BESTAND",
        help="PDF- of Word-bestand; de extensie (.pdf of .docx) kiest het formaat",
    )
    handout.add_argument(
        "--bevestig",
        action="store_true",
        help="maak de jongerenhandout ook voor een middel waarbij brede voorlichting wordt "
        "afgeraden",
    )
    handout.set_defaults(func=cmd_handout)

    regio = sub.add_parser(
        "regio", parents=[parent], help="welke regionale verslavingszorg hoort bij een plaats"
    )
    regio.add_argument("plaats", help="gemeente of regio, bijvoorbeeld 'Eindhoven'")
    regio.set_defaults(func=cmd_regio)

    bundel = sub.add_parser(
        "bundel", parents=[parent], help="alle factsheets in één PDF of Word-document"
    )
    bundel.add_argument(
        "-o", "--output", required=True, type=Path, metavar="BESTAND", help="PDF-bestand"
    )
    bundel.set_defaults(func=cmd_bundel)


def _sheets() -> tuple[Factsheet, ...]:
    from drugspreventie_app.content.errors import ContentError
    from drugspreventie_app.content.factsheets import all_factsheets

    try:
        return all_factsheets()
    except ContentError as err:
        raise CommandError(str(err)) from err


def _print_sheets(sheets: list[Factsheet]) -> None:
    for sheet in sheets:
        print(f"{sheet.slug}\t{sheet.naam}")


def cmd_lijst(args: argparse.Namespace) -> int:
    _print_sheets(sorted(_sheets(), key=lambda s: s.slug))
    return EXIT_OK


def cmd_zoek(args: argparse.Namespace) -> int:
    from drugspreventie_app.domain.factsheet_search import search_factsheets

    found = search_factsheets(_sheets(), args.term)
    if not found:
        print(f"Geen middelen gevonden voor '{args.term}'.", file=sys.stderr)
    _print_sheets(found)
    return EXIT_OK


def cmd_regio(args: argparse.Namespace) -> int:
    from drugspreventie_app.content.errors import ContentError
    from drugspreventie_app.content.factsheets import regional_directory
    from drugspreventie_app.domain.regional import not_found_message

    try:
        directory = regional_directory()
    except ContentError as err:
        raise CommandError(str(err)) from err
    found = directory.lookup(args.plaats)
    if found is None:
        raise CommandError(not_found_message(args.plaats), EXIT_USAGE)
    print(f"{found.naam}\t{found.contact}")
    return EXIT_OK


def _find(slug: str) -> Factsheet:
    sheet = next((s for s in _sheets() if s.slug == slug.strip().lower()), None)
    if sheet is None:
        slugs = sorted(s.slug for s in _sheets())
        raise CommandError(unknown_choice("onbekend middel", slug, slugs), EXIT_USAGE)
    return sheet


def _handout_context():
    from drugspreventie_app.export.handout import HandoutContext
    from drugspreventie_app.storage.profile_access import profile_and_logo

    with opened_database(need_write=False) as db:
        profile, logo = profile_and_logo(db)
    return HandoutContext(profile=profile, logo=logo, today=date.today())


def _write(action, target: Path) -> int:
    from drugspreventie_app.storage.errors import StorageError

    try:
        report = action()
    except StorageError as err:
        raise CommandError(str(err)) from err
    summary = report.summary() if report is not None else ""
    if summary:
        print(f"Let op: {summary}", file=sys.stderr)
    print(f"Geschreven: {target}")
    return EXIT_OK


def cmd_handout(args: argparse.Namespace) -> int:
    from drugspreventie_app.export.handout import write_handout

    apply_data_dir(args)
    suffix = output_suffix(args.output, (".pdf", ".docx"))
    sheet = _find(args.slug)
    try:
        audience = Audience(args.doelgroep.strip().lower())
    except ValueError:
        options = [a.value for a in Audience]
        raise CommandError(
            unknown_choice("onbekende doelgroep", args.doelgroep, options), EXIT_USAGE
        ) from None
    if audience is Audience.JONGEREN and sheet.jongeren_waarschuwing and not args.bevestig:
        raise CommandError(
            f"de jongerenhandout voor {sheet.naam} is niet gemaakt. "
            f"{sheet.jongeren_waarschuwing} Gebruik --bevestig als de handout bedoeld is voor "
            "jongeren die het middel gebruiken.",
            EXIT_USAGE,
        )
    ctx = _handout_context()
    return _write(lambda: write_handout(args.output, sheet, audience, ctx, suffix), args.output)


def cmd_bundel(args: argparse.Namespace) -> int:
    from drugspreventie_app.export.handout import write_bundle

    apply_data_dir(args)
    suffix = output_suffix(args.output, (".pdf", ".docx"))
    sheets = sorted(_sheets(), key=lambda s: s.naam.casefold())
    ctx = _handout_context()
    return _write(lambda: write_bundle(args.output, sheets, ctx, suffix), args.output)
