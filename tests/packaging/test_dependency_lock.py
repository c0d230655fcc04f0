"""requirements.lock pins every dependency, with hashes, for Linux (CI) and Windows (build),
and it is what `make` installs."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the lock installs tomli there
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> list[tuple[str, str, str | None, int]]:
    """(name, version, marker, number of hashes) of every entry in the lock."""
    lines = (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines()
    pins = []
    for index, line in enumerate(lines):
        match = PIN.match(line)
        if match:
            hashes = 0
            for follow in lines[index + 1 :]:
                if not follow.strip().startswith("--hash=sha256:"):
                    break
                hashes += 1
            pins.append((canonical(match[1]), match[2], match[3], hashes))
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return [Requirement(r) for r in project["dependencies"] + extras["test"] + extras["build"]]


def _applies(marker: str | None, platform: str, python: str) -> bool:
    if marker is None:
        return True
    env = default_environment()
    env.update(sys_platform=platform, os_name="nt" if platform == "win32" else "posix")
    env.update(python_version=python, python_full_version=f"{python}.0")
    return Marker(marker).evaluate(env)


def test_every_pin_is_exact_and_hashed() -> None:
    pins = _pins()
    assert len(pins) > 30
    assert all(hashes >= 1 for *_, hashes in pins)


def test_every_declared_dependency_is_pinned_within_its_range_on_linux_and_windows() -> None:
    for platform in ("linux", "win32"):
        pinned = {
            name: version
            for name, version, marker, _ in _pins()
            if _applies(marker, platform, "3.11")
        }
        for requirement in _declared():
            name = canonical(requirement.name)
            assert name in pinned, f"{name} ontbreekt in het lockbestand ({platform})"
            assert requirement.specifier.contains(pinned[name]), (name, pinned[name])


def test_windows_build_dependencies_are_in_the_lock() -> None:
    """PyInstaller needs these only on Windows: a Linux-only lock would break the build."""
    windows_only = {name for name, _, marker, _ in _pins() if marker and "win32" in marker}
    assert {"pefile", "pywin32-ctypes"} <= windows_only


def test_this_environment_is_the_locked_one() -> None:
    """`make` installed exactly the locked versions (for this Python and platform)."""
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    for name, version, marker, _ in _pins():
        if _applies(marker, sys.platform, python):
            assert metadata.version(name) == version, name


def test_make_installs_from_the_lock_with_hashes() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes --no-deps -r $(LOCK)" in makefile
    assert "LOCK := requirements.lock" in makefile
    assert "--universal --generate-hashes" in makefile


def test_a_dependency_missing_from_the_lock_is_named() -> None:
    from tools.check_lock import missing

    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    lock = (REPO / "requirements.lock").read_text(encoding="utf-8")
    assert missing(pyproject, lock) == []
    without_tinydb = re.sub(r"^tinydb==.*$", "", lock, flags=re.MULTILINE)
    assert missing(pyproject, without_tinydb) == ["tinydb"]
