"""The Windows version resource of both .exe files, made from the package version, so that
Explorer's "Details" tab and an IT department's inventory show the same version as
`drugspreventie --version`."""

from __future__ import annotations

import re
from pathlib import Path

COMPANY = "Drugspreventie Werkbank"
DESCRIPTION = "Drugspreventie Werkbank: offline werkbank voor drugspreventie"
DUTCH_UNICODE = "041304B0"  # language 0x0413 (Nederlands), code page 1200 (Unicode)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' -> (1, 2, 3, 0); a suffix such as 'rc1' or '.dev2' is left out."""
    match = re.match(r"^(\d+(?:\.\d+){0,3})", version)
    if not match:
        raise ValueError(f"Geen geldig versienummer: {version!r}")
    numbers = [int(part) for part in match.group(1).split(".")]
    return (*numbers, 0, 0, 0)[:4]  # type: ignore[return-value]


def version_file_text(version: str, exe_name: str, description: str = DESCRIPTION) -> str:
    """PyInstaller's version-file format (the VSVersionInfo(...) expression it evaluates on
    Windows; the classes live in PyInstaller.utils.win32.versioninfo)."""
    numbers = version_tuple(version)
    strings = [
        ("CompanyName", COMPANY),
        ("FileDescription", description),
        ("FileVersion", version),
        ("InternalName", exe_name),
        ("LegalCopyright", "Onderdelen van derden: zie de map licenties."),
        ("OriginalFilename", f"{exe_name}.exe"),
        ("ProductName", "Drugspreventie Werkbank"),
        ("ProductVersion", version),
    ]
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable({DUTCH_UNICODE!r}, [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""


def write_version_file(version: str, exe_name: str, description: str, folder: Path) -> Path:
    """Write the version file for one executable into `folder` (the build folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"versie-{exe_name}.txt"
    target.write_text(version_file_text(version, exe_name, description), encoding="utf-8")
    return target
