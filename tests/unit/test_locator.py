from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from drugspreventie_app import locator

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_cache():
    locator.bundle_root.cache_clear()
    yield
    locator.bundle_root.cache_clear()


def test_source_checkout_finds_repository_folders() -> None:
    assert locator.bundle_root() == REPO
    assert (locator.data_dir() / "schema" / "factsheet.schema.json").is_file()
    assert locator.resource("fonts", "DejaVuSans.ttf").is_file()


def test_frozen_build_uses_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert locator.is_frozen()
    assert locator.bundle_root() == tmp_path
    assert locator.data_dir() == tmp_path / "data"


def test_missing_bundle_is_a_clear_dutch_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(locator, "candidate_roots", lambda: [tmp_path])
    with pytest.raises(locator.BundleNotFoundError, match="Installeer de Werkbank opnieuw"):
        locator.bundle_root()


@pytest.mark.slow
def test_installed_wheel_carries_data_and_resources(tmp_path: Path) -> None:
    """Build a real wheel, install it (not editable) and ask the installed locator."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheel_dir)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "drugspreventie_app/_bundle/data/schema/factsheet.schema.json" in names
    assert "drugspreventie_app/_bundle/resources/fonts/DejaVuSans.ttf" in names

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import drugspreventie_app.locator as l; "
        "print(l.bundle_root()); print(l.data_dir()); print(l.resource('fonts'))"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {probe}"],
        cwd=tmp_path,  # away from the checkout, so only the installed copy can be found
        check=True,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    ).stdout.splitlines()
    assert out[0] == str(target / "drugspreventie_app" / "_bundle")
    assert Path(out[1], "schema", "factsheet.schema.json").is_file()
    assert Path(out[2], "DejaVuSans.ttf").is_file()
