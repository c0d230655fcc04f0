"""The command line speaks Dutch: help, usage and every argparse error."""

from __future__ import annotations

import argparse
import re

import pytest

from drugspreventie_app.cli.dutch_argparse import nearest
from drugspreventie_app.cli.main import build_parser, main

ENGLISH = re.compile(
    r"usage:|options:|positional arguments|optional arguments|show this help|"
    r"the following arguments|invalid choice|unrecognized arguments|expected one argument|"
    r"\berror\b|\bargument\b|\bOUTPUT\b|\bslug\b"
)


def _all_parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _all_parsers(sub)


def test_every_help_text_is_dutch() -> None:
    parsers = list(_all_parsers(build_parser()))
    assert len(parsers) > 15
    for parser in parsers:
        text = parser.format_help()
        assert text.startswith("gebruik: "), parser.prog
        assert "toon deze hulp" in text, parser.prog
        assert not ENGLISH.search(text), (parser.prog, ENGLISH.search(text))


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["middelen", "handout"], "deze argumenten ontbreken: MIDDEL, --doelgroep, -o/--output"),
        (["plan", "lijst", "--bla"], "onbekende argumenten: --bla"),
        (["plan", "--data-dir"], "bij --data-dir: hier hoort één waarde bij"),
        (["interventies", "zoek", "--json=ja"], "bij --json: waarde 'ja' hoort hier niet bij"),
        (["middelx"], "bij OPDRACHT: onbekende keuze 'middelx'. Bedoelt u 'middelen'?"),
        (["plan", "chek", "x"], "bij OPDRACHT: onbekende keuze 'chek'. Bedoelt u 'check'?"),
    ],
)
def test_usage_errors_are_dutch_with_exit_code_2(argv, expected, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: drugspreventie")
    assert f"Fout: {expected}" in err
    assert not ENGLISH.search(err), err


def test_argparse_is_english_again_outside_our_parser(capsys) -> None:
    """The Dutch texts are swapped in only while our own parser works."""
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "gebruik:" in capsys.readouterr().out
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: x")


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        ("ouder", ["professional", "ouders", "jongeren"], "ouders"),
        ("3mmc", ["2-mmc", "3-mmc", "3-cmc"], "3-mmc"),
        ("voortgezet", ["basisonderwijs", "voortgezet_onderwijs"], "voortgezet_onderwijs"),
        ("vliegtuig", ["selftest", "middelen", "plan"], None),
    ],
)
def test_nearest_choice(value, options, expected) -> None:
    assert nearest(value, options) == expected


def test_value_errors_of_commands_suggest_the_nearest(capsys) -> None:
    assert main(["middelen", "handout", "3-mmc", "--doelgroep", "ouder", "-o", "x.pdf"]) == 2
    assert "onbekende doelgroep 'ouder'. Bedoelt u 'ouders'?" in capsys.readouterr().err
    assert main(["interventies", "zoek", "--setting", "voortgezet"]) == 2
    assert "Bedoelt u 'voortgezet_onderwijs'?" in capsys.readouterr().err


def test_age_range_on_the_command_line(capsys) -> None:
    assert (
        main(["interventies", "zoek", "--setting", "voortgezet_onderwijs", "--leeftijd", "13-15"])
        == 0
    )
    ranged = capsys.readouterr().out.splitlines()
    assert (
        main(["interventies", "zoek", "--setting", "voortgezet_onderwijs", "--leeftijd", "15"]) == 0
    )
    single = capsys.readouterr().out.splitlines()
    assert set(single) < set(ranged)
    assert main(["interventies", "zoek", "--leeftijd", "15-13"]) == 2
    assert "hoger dan" in capsys.readouterr().err
    assert (
        main(["interventies", "advies", "--setting", "voortgezet_onderwijs", "--leeftijd", "13-15"])
        == 0
    )
    assert "Voortgezet onderwijs, 13-15 jaar" in capsys.readouterr().out
