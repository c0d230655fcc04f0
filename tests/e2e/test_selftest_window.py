"""`drugspreventie selftest --venster`: window, every tab, Help > Licenties and printing to a
PDF printer, on a temporary data folder, so the user's own data is never opened or changed."""

from __future__ import annotations

import re
from pathlib import Path


def test_window_and_print_path_are_checked(run_cli, data_dir: Path) -> None:
    result = run_cli("selftest", "--venster")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        "OK   venster geopend (offscreen), tabbladen getoond: Middelen, Interventies, "
        "Preventie- en Handhavingsplan; handleiding (F1) met " in result.stdout
    )
    assert any(
        re.fullmatch(
            r"OK   Help > Licenties toont 1\d onderdelen van derden, elk met licentietekst", ln
        )
        for ln in lines
    )
    printed = [line for line in lines if line.startswith("OK   handout afgedrukt op een PDF")]
    assert len(printed) == 1 and re.fullmatch(r".*printer \([1-9]\d* pagina's\)", printed[0])
    assert lines[-1] == "Zelftest geslaagd."
    assert not data_dir.exists()  # nothing written where the user's data would be


def test_the_users_database_is_left_exactly_as_it_was(run_cli, data_dir: Path) -> None:
    assert run_cli("plan", "voorbeeld").returncode == 0
    database = data_dir / "werkbank.json"
    before = database.read_bytes()
    names_before = sorted(p.name for p in data_dir.rglob("*"))
    assert run_cli("selftest", "--venster").returncode == 0
    assert database.read_bytes() == before
    assert sorted(p.name for p in data_dir.rglob("*")) == names_before


def test_without_the_option_no_window_is_opened(run_cli) -> None:
    result = run_cli("selftest")
    assert result.returncode == 0, result.stderr
    assert "venster" not in result.stdout
