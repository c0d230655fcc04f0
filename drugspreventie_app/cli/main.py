"""Entry point of the `drugspreventie` command and of `python -m drugspreventie_app`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from drugspreventie_app import APP_NAME, __version__
from drugspreventie_app.cli import interventies, middelen, plan, selftest
from drugspreventie_app.cli.common import EXIT_USAGE, CommandError, data_dir_parent, fail


class _DutchParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit code for bad usage is 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Fout: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parent = data_dir_parent()
    parser = _DutchParser(
        prog="drugspreventie",
        description=f"{APP_NAME}: zonder opdracht start het venster.",
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="start het venster, wacht tot het klaar is en sluit af (voor metingen en tests)",
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="OPDRACHT", parser_class=_DutchParser
    )
    selftest.register(subparsers, parent)
    middelen.register(subparsers, parent)
    interventies.register(subparsers, parent)
    plan.register(subparsers, parent)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", None)
    try:
        if func is None:
            from drugspreventie_app.ui.app import run_gui

            return run_gui(args)
        return int(func(args))
    except CommandError as err:
        return fail(str(err), err.code)
    except KeyboardInterrupt:
        return fail("afgebroken.", 130)


if __name__ == "__main__":
    sys.exit(main())
