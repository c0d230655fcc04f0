"""Which third-party components the standalone build carries, under which licence, and the
flat folder of their licence texts (`licenties/` in the bundle).

The Python packages are found from what PyInstaller actually collected (module names), so the
list follows the bundle rather than the development environment. Their dist-info metadata is
shipped as well (build.spec: copy_metadata), so importlib.metadata works in the built program.
"""

from __future__ import annotations

import re
import shutil
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

OWN_DISTRIBUTION = "drugspreventie-werkbank"
LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)", re.IGNORECASE)
# Qt for Python ships no licence file in its wheels; its metadata names the licences and the
# texts travel with the program in resources/licences/.
QT_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")
_QT_DISTRIBUTIONS = {"pyside6-essentials", "pyside6", "shiboken6"}


@dataclass
class Component:
    """One third-party part of the bundle."""

    name: str
    version: str
    licence: str  # as the component itself declares it
    kind: str = "library"  # CycloneDX component type
    pypi: bool = True
    sources: list[tuple[str, Path]] = field(default_factory=list)  # (flat name, text file)

    @property
    def files(self) -> list[str]:
        return [flat for flat, _ in self.sources]


def canonical(name: str) -> str:
    return re.sub(r"[-_.\s]+", "-", name).lower()


def bundled_distributions(top_level_modules: Iterable[str]) -> list[metadata.Distribution]:
    """The installed distributions that provide any of these top-level modules."""
    owners = metadata.packages_distributions()
    names = {canonical(d) for module in top_level_modules for d in owners.get(module, [])}
    names.discard(OWN_DISTRIBUTION)
    return sorted((metadata.distribution(n) for n in names), key=lambda d: canonical(d.name))


def declared_licence(dist: metadata.Distribution) -> str:
    """License-Expression, else License (first line), else the licence classifiers."""
    meta = dist.metadata
    for key in ("License-Expression", "License"):
        value = (meta.get(key) or "").strip()
        if value and value.upper() != "UNKNOWN":
            return value.splitlines()[0].strip()
    classifiers = [
        c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if "License ::" in c
    ]
    return "; ".join(classifiers) or "onbekend"


def _flat(prefix: str, relative: str) -> str:
    return f"{prefix}--{relative.replace('/', '--').replace(chr(92), '--')}"


def licence_sources(dist: metadata.Distribution, qt_texts: Path) -> list[tuple[str, Path]]:
    """(flat file name, source file) of every licence text a distribution ships."""
    prefix = f"{dist.name}-{dist.version}"
    found: list[tuple[str, Path]] = []
    for entry in dist.files or []:
        parts = entry.parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        inside = "/".join(parts[1:])
        if inside.startswith("licenses/") or LICENCE_NAME.search(parts[-1]):
            found.append((_flat(prefix, inside.removeprefix("licenses/")), Path(entry.locate())))
    if not found and canonical(dist.name) in _QT_DISTRIBUTIONS:
        found = [(_flat(prefix, text), qt_texts / text) for text in QT_TEXTS]
    return found


def python_runtime() -> Component:
    candidates = [
        Path(sys.base_prefix) / "LICENSE.txt",
        Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
    ]
    text = next((c for c in candidates if c.is_file()), None)
    version = ".".join(str(n) for n in sys.version_info[:3])
    return Component(
        name="Python",
        version=version,
        licence="PSF-2.0",
        kind="platform",
        pypi=False,
        sources=[(f"Python-{version}--LICENSE.txt", text)] if text else [],
    )


def font_components(fonts: Path) -> list[Component]:
    return [
        Component(
            name="DejaVu Fonts",
            version="2.37",
            licence="Bitstream Vera Fonts licence (zie het licentiebestand)",
            kind="file",
            pypi=False,
            sources=[("DejaVu-fonts--LICENSE.txt", fonts / "LICENSE-DejaVu.txt")],
        ),
        Component(
            name="Symbola",
            version="9.17",
            licence="vrij voor elk gebruik (zie het licentiebestand)",
            kind="file",
            pypi=False,
            sources=[("Symbola--LICENSE.txt", fonts / "LICENSE-Symbola.txt")],
        ),
    ]


def components(top_level_modules: Iterable[str], resources: Path) -> list[Component]:
    """Every third-party component of the bundle: Python packages, Python itself, fonts."""
    found = [
        Component(
            name=dist.name,
            version=dist.version,
            licence=declared_licence(dist),
            sources=licence_sources(dist, resources / "licences"),
        )
        for dist in bundled_distributions(top_level_modules)
    ]
    return [*found, python_runtime(), *font_components(resources / "fonts")]


def write_folder(parts: list[Component], target: Path) -> Path:
    """Copy every licence text flat into `target` and write an overview (OVERZICHT.txt)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    lines = [
        "Onderdelen van derden in de Drugspreventie Werkbank",
        "",
        "Per onderdeel: naam, versie, licentie zoals het onderdeel die zelf opgeeft, en de",
        "bestanden in deze map met de volledige licentieteksten.",
        "",
    ]
    for part in parts:
        lines.append(f"{part.name} {part.version}: {part.licence}")
        for flat, source in part.sources:
            shutil.copyfile(source, target / flat)
            lines.append(f"    {flat}")
        lines.append("")
    (target / "OVERZICHT.txt").write_text("\n".join(lines), encoding="utf-8")
    return target
