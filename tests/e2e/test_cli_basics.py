from __future__ import annotations

from pathlib import Path


def test_version(run_cli) -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("Drugspreventie Werkbank ")


def test_selftest_passes_and_leaves_user_data_alone(run_cli, data_dir: Path, tmp_path: Path):
    other = tmp_path / "andere-map"
    result = run_cli("selftest", "--data-dir", str(other))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Zelftest geslaagd." in result.stdout
    assert "PDF" in result.stdout
    assert not (other / "werkbank.json").exists()  # the self-test works on a copy


def test_selftest_reports_a_damaged_database_and_fails_nothing(run_cli, data_dir: Path):
    data_dir.mkdir(parents=True)
    (data_dir / "werkbank.json").write_text("{kapot")
    result = run_cli("selftest")
    assert result.returncode == 0
    assert "database beschadigd" in result.stdout
    assert (data_dir / "werkbank.json").read_text() == "{kapot"


def test_unknown_command_is_a_usage_error(run_cli) -> None:
    result = run_cli("vliegen")
    assert result.returncode == 2
    assert "Fout:" in result.stderr


def test_gui_starts_and_exits_when_ready(run_cli, data_dir: Path) -> None:
    result = run_cli("--exit-when-ready")
    assert result.returncode == 0, result.stderr
    assert (data_dir / "werkbank.json").exists()


def test_gui_exits_when_ready_also_with_a_recovery_notice(run_cli, data_dir: Path) -> None:
    # the notice used to be a modal box that nobody clicked away: the program hung
    assert run_cli("plan", "nieuw", "--titel", "X", "--gemeente", "Y").returncode == 0
    (data_dir / "werkbank.json").write_text("kapot")
    result = run_cli("--exit-when-ready", timeout=60)
    assert result.returncode == 0, result.stderr
    assert (data_dir / "werkbank.json").read_text() != "kapot"
