"""Things every sub-command shares: the --data-dir option, exit codes, opening the database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from drugspreventie_app import paths

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def data_dir_parent() -> argparse.ArgumentParser:
    """Parent parser so `--data-dir` works before and after the sub-command."""
    from drugspreventie_app.cli.dutch_argparse import DutchParser

    # A Dutch parser here too: argparse merges a parent's groups by their (translated) title.
    parent = DutchParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="MAP",
        default=argparse.SUPPRESS,
        help="map met uw eigen gegevens (standaard de gebruikersmap; ook via "
        f"{paths.DATA_DIR_ENV})",
    )
    return parent


def apply_data_dir(args: argparse.Namespace) -> None:
    paths.set_data_dir_override(getattr(args, "data_dir", None))


def output_suffix(output: Path, allowed: tuple[str, ...], hint: str = "") -> str:
    """The output format follows the file name's extension; anything else is refused."""
    suffix = output.suffix.lower()
    if suffix in allowed:
        return suffix
    shown = f"'{output.suffix}'" if output.suffix else "geen extensie"
    names = {".pdf": ".pdf (PDF)", ".docx": ".docx (Word)", ".json": ".json (planbestand)"}
    choices = " of ".join(names.get(s, s) for s in allowed)
    raise CommandError(
        f"onbekend bestandstype ({shown}) voor {output}. Geef een bestandsnaam die eindigt "
        f"op {choices}.{' ' + hint if hint else ''}",
        EXIT_USAGE,
    )


def fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"Fout: {message}", file=sys.stderr)
    return code


@contextmanager
def opened_database(*, need_write: bool) -> Iterator[object]:
    """Open the user database for a command, reporting recovery on stderr."""
    from drugspreventie_app.storage.database import open_database
    from drugspreventie_app.storage.errors import StorageError

    try:
        db = open_database(allow_read_only=not need_write)
    except StorageError as err:
        raise CommandError(str(err)) from err
    try:
        report_startup_notices(db)
        yield db
    finally:
        db.close()
        for text in db.notices.pending:  # set aside records, a second writer joined in
            print(f"Let op: {text}", file=sys.stderr)


def report_startup_notices(db: object) -> None:
    recovery = getattr(db, "recovery", None)
    if recovery is not None:
        print(f"Let op: {recovery.message()}", file=sys.stderr)
    stale = getattr(db, "stale_lock", None)
    if stale is not None:
        print(
            f"Let op: een vorige Werkbank (proces {stale.pid}) is niet netjes afgesloten; "
            "de vergrendeling is opgeruimd.",
            file=sys.stderr,
        )


class CommandError(Exception):
    """A Dutch message for the user; the command exits with `code`."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code
