"""What the standalone build leaves out (tools/release/bundle_rules.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.release.bundle_rules import EXCLUDED_MODULES, keep_file, prune_unneeded_libraries

REPO = Path(__file__).resolve().parents[2]
QT = "PySide6/Qt"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        (f"{QT}/plugins/platforms/libqxcb.so", True),
        (f"{QT}/plugins/platforms/libqwayland.so", True),
        (f"{QT}/plugins/wayland-shell-integration/libxdg-shell.so", True),
        (f"{QT}/plugins/wayland-decoration-client/libbradient.so", True),
        (f"{QT}/plugins/platforms/libqoffscreen.so", False),
        (f"{QT}/plugins/platforms/libqeglfs.so", False),
        (f"{QT}/plugins/platforms/libqvnc.so", False),
        (f"{QT}/plugins/generic/libqevdevmouseplugin.so", False),
        (f"{QT}/plugins/generic/libqtuiotouchplugin.so", False),
        (f"{QT}/plugins/platformthemes/libqgtk3.so", False),
        (f"{QT}/plugins/platformthemes/libqxdgdesktopportal.so", True),
        (f"{QT}/plugins/imageformats/libqjpeg.so", True),
        (f"{QT}/plugins/imageformats/libqgif.so", False),
        (f"{QT}/plugins/imageformats/libqsvg.so", False),
        (f"{QT}/plugins/imageformats/libqtiff.so", False),
        (f"{QT}/plugins/imageformats/libqwebp.so", False),
        (f"{QT}/plugins/printsupport/libcupsprintersupport.so", True),
        (f"{QT}/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        (f"{QT}/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
        (f"{QT}/translations/qtbase_nl.qm", True),
        (f"{QT}/translations/qt_help_nl.qm", False),
        (f"{QT}/translations/qtbase_de.qm", False),
        (f"{QT}/lib/libQt6Widgets.so.6", True),
        (f"{QT}/lib/libQt6OpenGL.so.6", False),
        (f"{QT}/lib/libQt6Qml.so.6", False),
        ("data/middelen/3-mmc.json", True),
    ],
)
def test_linux_bundle_keeps_only_what_the_program_loads(dest: str, kept: bool) -> None:
    assert keep_file(dest, "linux") is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\platforms\\qoffscreen.dll", False),
        ("PySide6\\plugins\\platforms\\qminimal.dll", False),
        ("PySide6\\plugins\\imageformats\\qjpeg.dll", True),
        ("PySide6\\plugins\\imageformats\\qico.dll", False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6\\Qt6OpenGL.dll", False),
        ("PySide6\\Qt6Widgets.dll", True),
        ("PySide6\\translations\\qtbase_nl.qm", True),
    ],
)
def test_windows_bundle_keeps_only_what_the_program_loads(dest: str, kept: bool) -> None:
    assert keep_file(dest, "win32") is kept


def test_libraries_only_a_removed_plugin_needed_are_pruned() -> None:
    """The GTK theme plugin is gone, so GTK (pulled in for it alone) goes too; what a kept
    plugin or extension needs, directly or through another library, stays."""
    imports = {
        "/src/libqxcb.so": ["libQt6XcbQpa.so.6", "libxcb-cursor.so.0"],
        "/src/libxcb-cursor.so.0": ["libxcb-render-util.so.0"],
        "/src/_imaging.so": ["libjpeg-abc.so.62"],
        "/src/libgtk-3.so.0": ["libatk-1.0.so.0"],
    }
    binaries = [
        (f"{QT}/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PIL/_imaging.so", "/src/_imaging.so", "EXTENSION"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        ("libxcb-render-util.so.0", "/src/libxcb-render-util.so.0", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libatk-1.0.so.0", "/src/libatk-1.0.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ]
    kept = prune_unneeded_libraries(binaries, lambda path: imports.get(path, []))
    assert [dest for dest, _, _ in kept] == [
        f"{QT}/plugins/platforms/libqxcb.so",
        "PIL/_imaging.so",
        "libxcb-cursor.so.0",
        "libxcb-render-util.so.0",
        "libpython3.11.so.1.0",  # the bootloader loads it itself
    ]


BLOCKING_RUN = """
import sys

EXCLUDED = {excluded!r}


class LeftOutOfTheBundle:
    \"\"\"Behave like the built program: the excluded modules cannot be imported.\"\"\"

    def find_spec(self, name, path=None, target=None):
        if any(name == e or name.startswith(e + ".") for e in EXCLUDED):
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None


sys.meta_path.insert(0, LeftOutOfTheBundle())
from drugspreventie_app.cli.main import main

for args in {commands!r}:
    assert main(args) == 0, args
with open({modules!r}, "w") as out:
    out.write("\\n".join(sorted(sys.modules)))
"""


def test_window_print_path_and_exports_work_without_the_excluded_modules(tmp_path) -> None:
    """The self-test with window and printing, a handout and a Word export run with every
    excluded module made unimportable, as in the built program."""
    commands = [
        ["selftest", "--venster"],
        ["middelen", "handout", "3-mmc", "--doelgroep", "ouders", "-o", str(tmp_path / "h.pdf")],
        ["interventies", "export", "--setting", "gezin", "-o", str(tmp_path / "i.docx")],
        ["plan", "voorbeeld"],
    ]
    modules = tmp_path / "modules.txt"
    script = BLOCKING_RUN.format(excluded=EXCLUDED_MODULES, commands=commands, modules=str(modules))
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    imported = set(modules.read_text().split())
    assert {"PySide6.QtPrintSupport", "pypdfium2", "docx", "reportlab"} <= imported
    assert not [m for m in imported if m.split(".")[0] in {"ssl", "_ssl", "_hashlib"}]
