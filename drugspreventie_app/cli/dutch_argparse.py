"""argparse with Dutch usage, help and error text, and a suggestion for a mistyped choice.

argparse builds its texts with `gettext` looked up as module globals (`argparse._` and
`argparse.ngettext`) at the moment it needs them, and has no Dutch catalogue. `DutchParser`
swaps in a Dutch lookup for exactly the duration of its own parsing and formatting and puts
the original back afterwards, so nothing else in the process is affected. Texts that only a
programmer can trigger (a parser defined wrongly) have no translation and stay as they are.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

EXIT_USAGE = 2

# argparse's message ids (Python 3.10-3.13) -> Dutch; placeholders stay the same.
DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "subcommands": "opdrachten",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (standaard: %(default)s)",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "not allowed with argument %s": "niet samen met %s te gebruiken",
    "ignored explicit argument %r": "waarde %r hoort hier niet bij",
    "ambiguous option: %(option)s could match %(matches)s": (
        "onduidelijke optie: %(option)s kan %(matches)s zijn"
    ),
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: let op: %(message)s\n",
}
DUTCH_PLURAL = {
    ("expected %s argument", "expected %s arguments"): (
        "hier hoort %s waarde bij",
        "hier horen %s waarden bij",
    ),
}


def dutch(message: str) -> str:
    return DUTCH.get(message, message)


def dutch_plural(singular: str, plural: str, n: int) -> str:
    one, many = DUTCH_PLURAL.get((singular, plural), (singular, plural))
    return one if n == 1 else many


@contextmanager
def dutch_texts() -> Iterator[None]:
    """argparse speaks Dutch inside this block (re-entrant: sub-parsers nest)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = dutch, dutch_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def nearest(value: str, options: Iterable[str]) -> str | None:
    """The option closest to a mistyped `value`, or None when nothing is close."""
    folded = {str(o).casefold(): str(o) for o in options}
    key = value.strip().casefold()
    prefixed = [o for k, o in folded.items() if k.startswith(key) or key.startswith(k)]
    if key and len(prefixed) == 1:
        return prefixed[0]
    close = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def unknown_choice(what: str, value: str, options: Sequence[str], shown: str = "") -> str:
    """'onbekende doelgroep 'ouder'. Bedoelt u 'ouders'? Kies uit: ...'"""
    guess = nearest(value, options)
    hint = f" Bedoelt u '{guess}'?" if guess else ""
    return f"{what} '{value}'.{hint} Kies uit: {shown or ', '.join(options)}"


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are Dutch; errors exit with code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with dutch_texts():  # the -h option's help text is made here
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        kwargs.setdefault("parser_class", DutchParser)
        with dutch_texts():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args=None, namespace=None):
        with dutch_texts():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with dutch_texts():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with dutch_texts():
            return super().format_usage()

    def format_help(self) -> str:
        with dutch_texts():
            return super().format_help()

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            options = [str(c) for c in action.choices]
            raise argparse.ArgumentError(action, unknown_choice("onbekende keuze", value, options))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Fout: {message}\n")
