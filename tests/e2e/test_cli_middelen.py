from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def test_lijst_prints_slug_and_name(run_cli) -> None:
    result = run_cli("middelen", "lijst")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 18
    assert "3-mmc\t3-MMC" in lines and "cocaine\tCocaïne" in lines


def test_zoek_best_first(run_cli) -> None:
    result = run_cli("middelen", "zoek", "poes")
    assert result.stdout.splitlines()[0] == "3-mmc\t3-MMC"
    assert run_cli("middelen", "zoek", "cocaine").stdout.startswith("cocaine\t")


def test_handout_and_refusal_for_flagged_youth_handout(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "ouders.pdf"
    ok = run_cli("middelen", "handout", "3-mmc", "--doelgroep", "ouders", "-o", str(target))
    assert ok.returncode == 0, ok.stderr
    assert "Opiumwet lijst I" in PdfReader(target).pages[0].extract_text()

    youth = tmp_path / "jongeren.pdf"
    refused = run_cli("middelen", "handout", "3-mmc", "--doelgroep", "jongeren", "-o", str(youth))
    assert refused.returncode == 2
    assert "--bevestig" in refused.stderr and "Trimbos" in refused.stderr
    assert not youth.exists()
    confirmed = run_cli(
        "middelen", "handout", "3-mmc", "--doelgroep", "jongeren", "-o", str(youth), "--bevestig"
    )
    assert confirmed.returncode == 0 and youth.exists()


def test_unknown_slug_or_audience_exit_2(run_cli, tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    bad_slug = run_cli("middelen", "handout", "paracetamol", "--doelgroep", "ouders", "-o", out)
    assert bad_slug.returncode == 2 and "onbekend middel" in bad_slug.stderr
    bad_aud = run_cli("middelen", "handout", "ghb", "--doelgroep", "buren", "-o", out)
    assert bad_aud.returncode == 2 and "onbekende doelgroep" in bad_aud.stderr


def test_bundel_with_data_dir(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "bundel.pdf"
    result = run_cli("middelen", "bundel", "-o", str(target), "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(target).outline) == 18


def test_regio_names_the_institution_or_says_it_is_not_listed(run_cli) -> None:
    found = run_cli("middelen", "regio", "Eindhoven")
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "Novadic-Kentron\tnovadic-kentron.nl · 073-689 90 90"
    missing = run_cli("middelen", "regio", "Aalten")
    assert missing.returncode == 2
    assert "staat niet in de lijst" in missing.stderr


def test_zoek_tolerates_spelling_by_ear(run_cli) -> None:
    assert run_cli("middelen", "zoek", "kokaine").stdout.startswith("cocaine\t")
    wiet = run_cli("middelen", "zoek", "wiet").stdout.splitlines()
    assert wiet == ["cannabis\tCannabis (hasj en wiet)"]
