"""The output format follows the file name everywhere; an unknown extension is refused."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_handout_docx_is_a_word_document(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "3mmc.docx"
    result = run_cli(
        "middelen", "handout", "3-mmc", "--doelgroep", "professional", "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes()[:2] == b"PK"  # a .docx is a zip, not a PDF


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("middelen", "handout", "3-mmc", "--doelgroep", "ouders"), "x.odt"),
        (("middelen", "bundel"), "bundel.odt"),
        (("plan", "pdf", "abcd"), "plan.docx"),
        (("plan", "docx", "abcd"), "plan.pdf"),
    ],
)
def test_wrong_extension_is_refused_and_nothing_written(run_cli, tmp_path, args, name) -> None:
    """Regression: 'middelen handout ... -o x.docx' wrote a PDF with a .docx name."""
    target = tmp_path / name
    result = run_cli(*args, "-o", str(target))
    assert result.returncode == 2
    assert result.stderr.startswith("Fout: onbekend bestandstype")
    assert not target.exists()
