"""The Windows CI workflow and the installer definition cannot run on these Linux machines;
what can be checked here is checked: actionlint on the workflow, and what the installer
promises an IT department (per user, Start menu, the user's data untouched)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drugspreventie_app import APP_NAME

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "windows.yml"
INSTALLER = REPO / "installer" / "werkbank.iss"


def _actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert found, "actionlint ontbreekt: make venv installeert het uit requirements.lock"
    return found


def test_workflow_passes_actionlint() -> None:
    result = subprocess.run(
        [_actionlint(), "-no-color", str(WORKFLOW)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_really_checks(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs-onn:"), encoding="utf-8"
    )
    result = subprocess.run(
        [_actionlint(), "-no-color", str(broken)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1 and "runs-onn" in result.stdout


def test_workflow_builds_from_the_lock_and_smoke_tests_bundle_and_installer() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-" in text
    assert "pip install --require-hashes --no-deps -r requirements.lock" in text
    assert "pyinstaller --noconfirm --clean build.spec" in text
    assert "bash tools/dist_smoke_test.sh" in text
    assert "installer\\werkbank.iss" in text
    assert "unins000.exe" in text and "eigen-bestand.txt" in text


def _setup_section() -> dict[str, str]:
    text = INSTALLER.read_text(encoding="utf-8")
    setup = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(
        line.split("=", 1) for line in setup.splitlines() if "=" in line and ";" not in line[:1]
    )


def test_installer_is_per_user_without_administrator_rights() -> None:
    setup = _setup_section()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user
    assert "PrivilegesRequiredOverridesAllowed" not in setup


def test_installer_makes_a_start_menu_entry_for_the_window_program() -> None:
    text = INSTALLER.read_text(encoding="utf-8")
    assert re.search(
        r'Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppName\}\.exe"', text
    )
    assert f'#define AppName "{APP_NAME}"' in text


@pytest.mark.parametrize(
    "forbidden", ["{userappdata}", "{localappdata}\\Drugspreventie", "[UninstallDelete]",
                  "[InstallDelete]", "{app}\\..", "deltree"],
)  # fmt: skip
def test_installer_never_touches_the_users_data_folder(forbidden: str) -> None:
    """The data folder is %APPDATA%\\Drugspreventie Werkbank ({userappdata}); the script may
    not name it, and deletes nothing beyond what it installed."""
    code = "\n".join(
        line for line in INSTALLER.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith(";")
    )  # fmt: skip
    assert forbidden.lower() not in code.lower()


def test_installer_takes_its_version_from_the_build() -> None:
    text = INSTALLER.read_text(encoding="utf-8")
    assert "#ifndef AppVersion" in text and "#error" in text
    assert _setup_section()["AppVersion"] == "{#AppVersion}"
    assert "/DAppVersion=$version" in WORKFLOW.read_text(encoding="utf-8")
