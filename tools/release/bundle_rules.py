"""What the standalone build leaves out, shared by build.spec and the frozen start-up floor
(bench/frozen_floor.spec), so that both are trimmed the same way.

Every rule names something the program never loads. `make dist-test` drives the built window,
each export and the print path, so a rule that removes too much fails there.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

# Python modules: Qt modules and friends the app never imports, test tools, and the network
# (the program is offline; `socket` stays because email.utils, used by importlib.metadata for
# the licence overview, imports it).
_QT_MODULES_NOT_USED = [
    "QtNetwork",
    "QtQml",
    "QtQuick",
    "QtQuickControls2",
    "QtQuickWidgets",
    "QtQuickTest",
    "QtSql",
    "QtTest",
    "QtDesigner",
    "QtHelp",
    "QtUiTools",
    "QtXml",
    "QtConcurrent",
    "QtDBus",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtSvg",
    "QtSvgWidgets",
    "QtQmlFeatures",
    "QtLabsStyleKit",
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtMultimedia",
    "Qt3DCore",
    "QtCharts",
    "QtDataVisualization",
    "QtPdf",
]
_PYTHON_MODULES_NOT_USED = [
    # test and development tools; defusedxml (Pillow's optional XMP reader) and pyphen
    # (reportlab's optional hyphenation, never switched on here) would otherwise come along
    # from the test extras
    "tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "pdb",
    "webbrowser",
    "pytest",
    "pypdf",
    "jsonschema",
    "numpy",
    "defusedxml",
    "pyphen",
    "textstat",
    # the network and servers: the program is offline
    "ssl",
    "_ssl",
    "_hashlib",
    "ftplib",
    "smtplib",
    "imaplib",
    "poplib",
    "http.server",
    "xmlrpc",
    "asyncio",
    "multiprocessing",
    "sqlite3",
    "curses",
    "readline",
]
EXCLUDED_MODULES = [f"PySide6.{m}" for m in _QT_MODULES_NOT_USED] + _PYTHON_MODULES_NOT_USED

# Qt plugin folders (or single plugin files) the program never loads, on any OS.
_UNUSED_PLUGINS = [
    "qmltooling",
    "sqldrivers",
    "designer",
    "networkinformation",
    "tls",
    "egldeviceintegrations",
    "xcbglintegrations",
    "generic",
    "vectorimageformats",
    "iconengines",  # only the SVG icon engine; the program's icons are PNG
    "wayland-graphics-integration-client",
    "wayland-graphics-integration-server",
    "platformthemes/libqgtk3",
    "platforminputcontexts/libqtvirtualkeyboardplugin",
    "platforminputcontexts/qtvirtualkeyboardplugin",
]
# Image formats: PNG is built into QtGui; JPEG is the only plugin format kept.
_KEPT_IMAGE_FORMATS = ("qjpeg",)
# Platform plugins each OS needs: X11 and Wayland (with its shell integration and window
# decorations, so a Wayland session does not abort) on Linux, `windows` on Windows.
_KEPT_PLATFORMS = {"linux": ("qxcb", "qwayland"), "win32": ("qwindows",), "darwin": ("qcocoa",)}

# Qt's own dialogs only need Dutch; the app loads qtbase_nl and nothing else.
_KEPT_TRANSLATIONS = ("qtbase_nl.qm",)

# Shared libraries that only the dropped plugins or modules need (names without the "lib"
# that Linux puts in front), and Windows' software OpenGL: the widgets never draw with OpenGL.
_UNUSED_LIBRARIES = (
    "Qt6EglFSDeviceIntegration",
    "Qt6EglFsKmsSupport",
    "Qt6OpenGL.",
    "Qt6OpenGLWidgets",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6VirtualKeyboard",
    "Qt6WaylandEglClientHwIntegration",
    "Qt6WaylandEglCompositorHwIntegration",
    "Qt6WaylandCompositor",
    "Qt6Network",
    "Qt6Svg",
    "opengl32sw",
)


def _plugin_part(dest: str) -> str | None:
    """The path below Qt's plugins/ folder, or None for files outside it."""
    dest = dest.replace("\\", "/")
    marker = "/plugins/"
    return dest.split(marker, 1)[1] if marker in dest else None


def keep_file(dest: str, platform: str = sys.platform) -> bool:
    """True when a collected file (its destination path inside the bundle) belongs in it."""
    path = dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    plugin = _plugin_part(path)
    if plugin is not None:
        if any(plugin.startswith(p) for p in _UNUSED_PLUGINS):
            return False
        folder = plugin.split("/", 1)[0]
        if folder == "imageformats":
            return any(k in name for k in _KEPT_IMAGE_FORMATS)
        if folder == "platforms":
            kept = _KEPT_PLATFORMS.get(platform, ())
            return any(name.startswith((k, f"lib{k}")) for k in kept)
        return True
    if "/translations/" in path:
        return name in _KEPT_TRANSLATIONS
    return not name.removeprefix("lib").startswith(_UNUSED_LIBRARIES)


def trim(toc: list, platform: str = sys.platform) -> list:
    """The TOC entries (dest, source, kind) that keep_file accepts."""
    return [entry for entry in toc if keep_file(entry[0], platform)]


# Loaded by the bootloader itself, not through another library's import table.
_LOADED_BY_BOOTLOADER = ("libpython", "libz.")


def _is_pulled_in(entry: tuple) -> bool:
    """A system library PyInstaller put at the top of the bundle because something needed it."""
    dest, _, kind = entry
    name = dest.replace("\\", "/")
    return kind == "BINARY" and "/" not in name and not name.startswith(_LOADED_BY_BOOTLOADER)


def prune_unneeded_libraries(binaries: list, imports_of: Callable[[str], Iterable[str]]) -> list:
    """Drop the system libraries that only removed files needed.

    PyInstaller gathers each plugin's dependencies before trim() can drop the plugin: the GTK3
    theme plugin alone brings GTK, ATK, Pango, Cairo and GDK-Pixbuf. Starting from everything
    that is kept for its own sake, follow the import tables and keep only what is reached.
    `imports_of(path)` gives the library names a binary imports.
    """
    candidates = {e[0].lower(): e for e in binaries if _is_pulled_in(e)}
    queue = [e for e in binaries if not _is_pulled_in(e) and e[2] != "SYMLINK"]
    reached: set[str] = set()
    while queue:
        entry = queue.pop()
        for name in imports_of(entry[1]):
            key = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
            if key in candidates and key not in reached:
                reached.add(key)
                queue.append(candidates[key])
    return [e for e in binaries if not _is_pulled_in(e) or e[0].lower() in reached]


def linux_imports(path: str) -> list[str]:
    """The library names a Linux binary imports (build time: uses PyInstaller's ldd wrapper)."""
    from PyInstaller.depend import bindepend

    return [name for name, _ in bindepend.get_imports(path)]
