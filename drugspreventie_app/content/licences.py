"""Third-party components and their licences, for Help > Licenties and the standalone build.

Read from the metadata of the installed distributions (importlib.metadata: the licence files
in each dist-info, else the License-Expression / License fields or the classifiers), starting
at this program's own requirements, plus the fonts shipped in resources/fonts. The standalone
build ships the same dist-info metadata (issue 16), so this works there unchanged. Where a
distribution ships no licence text (PySide6 and shiboken6 state LGPL/GPL but carry no text),
the text comes from resources/licences/, named by its SPDX identifier.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from drugspreventie_app import locator

DISTRIBUTION = "drugspreventie-werkbank"
_LICENCE_FILE = re.compile(r"(?i)(^|/)(licen[cs]es?|copying|notice|authors)[^/]*$")
_SPDX = re.compile(r"[A-Za-z0-9.+-]+")
# Runtime requirements of the program, for when its own metadata is not installed (a frozen
# build made without it): the same list as pyproject.toml's dependencies.
FALLBACK_REQUIREMENTS = (
    "PySide6-Essentials",
    "tinydb",
    "reportlab",
    "platformdirs",
    "Pillow",
    "pypdfium2",
    "python-docx",
    "orjson",
)


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    text: str
    kind: str = "Python-pakket"  # or "Lettertype"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    names = []
    for requirement in dist.requires or []:
        if "extra ==" in requirement:
            continue  # optional extras are not shipped
        names.append(re.split(r"[\s;<>=!~\[(]", requirement.strip(), maxsplit=1)[0])
    return names


def runtime_distributions() -> list[metadata.Distribution]:
    """This program's requirements and theirs, as installed; not the program itself."""
    try:
        roots = _requirement_names(metadata.distribution(DISTRIBUTION))
    except metadata.PackageNotFoundError:
        roots = list(FALLBACK_REQUIREMENTS)
    found: dict[str, metadata.Distribution] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if _normal(name) in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python version
        found[_normal(name)] = dist
        todo.extend(_requirement_names(dist))
    return sorted(found.values(), key=lambda d: _normal(d.metadata["Name"]))


def licence_name(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 80 and field.upper() != "UNKNOWN":
        return field
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    return field.splitlines()[0] if field else "onbekend"


def _dist_licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        path = str(file)
        inside = path.split(".dist-info/", 1)[1] if ".dist-info/" in path else ""
        if not inside or not (
            _LICENCE_FILE.search(inside) or inside.lower().startswith("licenses/")
        ):
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if text.strip():
            texts.append((inside, text))
    return texts


def _shipped_licence_texts(expression: str) -> list[tuple[str, str]]:
    """Texts from resources/licences/ for the SPDX ids in a licence expression."""
    folder = locator.resource("licences")
    texts = []
    for spdx in _SPDX.findall(expression):
        candidate = folder / f"{spdx.removesuffix('-only').removesuffix('-or-later')}.txt"
        if candidate.is_file():
            texts.append((candidate.name, candidate.read_text(encoding="utf-8")))
    return texts


def licence_text(dist: metadata.Distribution) -> str:
    texts = _dist_licence_texts(dist) or _shipped_licence_texts(licence_name(dist))
    if not texts:
        field = (dist.metadata.get("License") or "").strip()
        if len(field) > 80 or "\n" in field:
            return field  # some packages put the whole licence in this field
        return ""
    if len(texts) == 1:
        return texts[0][1]
    return "\n\n".join(f"===== {name} =====\n\n{text}" for name, text in texts)


def _font_version(path: Path) -> str:
    """The version string (name id 5) from a TrueType font's name table."""
    data = path.read_bytes()
    count = struct.unpack(">H", data[4:6])[0]
    for n in range(count):
        tag, _checksum, offset, _length = struct.unpack(">4sIII", data[12 + 16 * n : 28 + 16 * n])
        if tag != b"name":
            continue
        _fmt, records, strings = struct.unpack(">HHH", data[offset : offset + 6])
        for r in range(records):
            start = offset + 6 + 12 * r
            platform, _enc, _lang, name_id, length, where = struct.unpack(
                ">HHHHHH", data[start : start + 12]
            )
            if name_id != 5:
                continue
            raw = data[offset + strings + where : offset + strings + where + length]
            text = raw.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace")
            return text.removeprefix("Version ").strip()
    return "onbekend"


# The licence of each shipped font family, as its licence file in resources/fonts states it.
FONT_LICENCES = {
    "DejaVu": "Bitstream Vera Fonts-licentie met DejaVu-wijzigingen (vrij gebruik)",
    "Symbola": "Vrij voor elk gebruik (George Douros)",
}


def font_components() -> list[Component]:
    folder = locator.resource("fonts")
    components = []
    for licence_file in sorted(folder.glob("LICENSE-*.txt")):
        family = licence_file.stem.removeprefix("LICENSE-")
        fonts = sorted(folder.glob(f"{family}*.ttf"))
        version = _font_version(fonts[0]) if fonts else "onbekend"
        components.append(
            Component(
                name=f"{family} ({', '.join(f.name for f in fonts)})",
                version=version,
                licence=FONT_LICENCES.get(family, "zie de licentietekst"),
                text=licence_file.read_text(encoding="utf-8"),
                kind="Lettertype",
            )
        )
    return components


@cache
def third_party_components() -> tuple[Component, ...]:
    """Every third-party component the program ships, with its licence text."""
    packages = [
        Component(
            name=dist.metadata["Name"],
            version=dist.version,
            licence=licence_name(dist),
            text=licence_text(dist),
        )
        for dist in runtime_distributions()
    ]
    return (*packages, *font_components())
