"""`drugspreventie selftest`: prove that content, storage and PDF export work on this machine.

It never changes the user's data: the database is checked where it is and then exercised on a
temporary copy.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from drugspreventie_app import paths
from drugspreventie_app.cli.common import EXIT_FAILED, EXIT_OK, apply_data_dir


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "selftest", parents=[parent], help="controleer of alles werkt en druk een samenvatting af"
    )
    p.add_argument(
        "--venster",
        action="store_true",
        help="open ook het venster met alle tabbladen en druk een handout af op een "
        "PDF-printer (op een lege tijdelijke gegevensmap)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    apply_data_dir(args)
    lines: list[str] = []
    try:
        lines.append(_check_content())
        lines.append(_check_database())
        lines.append(_check_pdf())
        if getattr(args, "venster", False):
            from drugspreventie_app.ui.selftest_window import check_window_and_printing

            lines.extend(check_window_and_printing())
    except Exception as err:  # the point of a self-test is to report any failure in Dutch
        for line in lines:
            print(f"OK   {line}")
        print(f"FOUT {type(err).__name__}: {err}")
        print("Zelftest mislukt.")
        return EXIT_FAILED
    for line in lines:
        print(f"OK   {line}")
    print("Zelftest geslaagd.")
    return EXIT_OK


def _check_content() -> str:
    from drugspreventie_app.content.bundle import load_all_content

    summary = load_all_content()
    return f"meegeleverde inhoud geladen: {summary}"


def _check_database() -> str:
    from drugspreventie_app.storage.database import open_database
    from drugspreventie_app.storage.recovery import damage_reason

    real = paths.database_path()
    reason = damage_reason(real)
    state = "nog geen database" if not real.exists() else "database leesbaar"
    if reason:
        state = f"database beschadigd ({reason}); wordt hersteld bij de volgende start"
    with tempfile.TemporaryDirectory(prefix="werkbank-zelftest-") as tmp:
        copy = Path(tmp) / paths.DATABASE_NAME
        if real.exists() and not reason:
            shutil.copy2(real, copy)
        db = open_database(copy)
        try:
            table = db.table("zelftest")
            table.insert({"id": "zelftest", "tekst": "ë € ĳ <test> & 😀"})
        finally:
            db.close()
        db = open_database(copy)
        try:
            back = db.table("zelftest").all()
        finally:
            db.close()
        if not back or back[0].get("tekst") != "ë € ĳ <test> & 😀":
            raise RuntimeError("het teruglezen van een testrecord gaf iets anders terug")
    return f"{state} in {real.parent}; schrijven en teruglezen (op een kopie) werkt"


def _check_pdf() -> str:
    from drugspreventie_app.export.selftest_pdf import write_selftest_pdf

    with tempfile.TemporaryDirectory(prefix="werkbank-zelftest-") as tmp:
        target = write_selftest_pdf(Path(tmp) / "zelftest.pdf")
        size = target.stat().st_size
        if not target.read_bytes().startswith(b"%PDF"):
            raise RuntimeError("de test-PDF is geen geldig PDF-bestand")
    return f"PDF met ingesloten lettertype gemaakt ({size // 1024} kB)"
