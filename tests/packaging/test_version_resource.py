"""The Windows version resource of both executables comes from the package version."""

from __future__ import annotations

import sys
import types

import pytest

from drugspreventie_app import __version__
from tools.release.version_resource import version_file_text, version_tuple


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("2.0", (2, 0, 0, 0)),
     ("1.2.3.4", (1, 2, 3, 4))],
)  # fmt: skip
def test_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert version_tuple(version) == numbers


def test_a_version_without_numbers_is_refused() -> None:
    with pytest.raises(ValueError, match="Geen geldig versienummer"):
        version_tuple("ontwikkel")


def test_pyinstaller_reads_the_version_file_and_can_write_it(monkeypatch, tmp_path) -> None:
    """Load the file the way PyInstaller does on Windows and serialise it to the binary
    resource. Its two Windows-only imports (pefile, win32api) are only used to patch an .exe,
    not for this, and are stubbed."""
    from PyInstaller import compat

    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    path = tmp_path / "versie.txt"
    path.write_text(version_file_text(__version__, "drugspreventie", "Opdrachtregel"), "utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert isinstance(info, versioninfo.VSVersionInfo)
    strings = {s.name: s.val for s in info.kids[0].kids[0].kids}
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "drugspreventie.exe"
    assert strings["FileDescription"] == "Opdrachtregel"
    numbers = version_tuple(__version__)
    assert info.ffi.fileVersionMS == (numbers[0] << 16) | numbers[1]
    assert info.ffi.fileVersionLS == (numbers[2] << 16) | numbers[3]
    raw = info.toRaw()
    assert __version__.encode("utf-16-le") in raw
