"""Entry point of the `drugspreventie` command and of `python -m drugspreventie_app`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from drugspreventie_app import APP_NAME, __version__
from drugspreventie_app.cli.common import CommandError, data_dir_parent, fail
from drugspreventie_app.cli.dutch_argparse import DutchParser


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The full parser; without commands it only knows the window's own options, so that
    starting the window does not import every sub-command (start-up time is a goal)."""
    parent = data_dir_parent()
    parser = DutchParser(
        prog="drugspreventie",
        description=f"{APP_NAME}: zonder opdracht start het venster.",
        parents=[parent],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help="toon het versienummer en stop",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="start het venster, wacht tot het klaar is en sluit af (voor metingen en tests)",
    )
    if not with_commands:
        return parser
    from drugspreventie_app.cli import interventies, middelen, plan, selftest

    subparsers = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=DutchParser)
    selftest.register(subparsers, parent)
    middelen.register(subparsers, parent)
    interventies.register(subparsers, parent)
    plan.register(subparsers, parent)
    return parser


def _starts_window(argv: Sequence[str]) -> bool:
    """True when the arguments hold no sub-command and no request for help."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token == "--data-dir":
            skip = True
        elif token in ("-h", "--help") or not token.startswith("-"):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    _ensure_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(with_commands=not _starts_window(argv)).parse_args(argv)
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


def _ensure_streams() -> None:
    """A windowed (no console) build on Windows has no stdout/stderr; printing would crash."""
    import os

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    sys.exit(main())
