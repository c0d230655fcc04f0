"""A CycloneDX 1.6 SBOM (JSON) of the standalone build, written next to the bundle.

It lists exactly the components licence_texts.components() found in the bundle, so the SBOM,
the licence folder and the shipped files agree.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from datetime import datetime, timezone
from pathlib import Path

from .licence_texts import Component, canonical

_SPDX_TOKEN = r"[A-Za-z0-9.+-]+"
_SPDX_EXPRESSION = re.compile(rf"^\(?{_SPDX_TOKEN}\)?(\s+(AND|OR|WITH)\s+\(?{_SPDX_TOKEN}\)?)*$")


def _licences(text: str) -> list[dict]:
    """An SPDX expression stays one; anything else is kept as the component's own words."""
    if _SPDX_EXPRESSION.match(text) and not re.search(r"licen[cs]e", text, re.IGNORECASE):
        return [{"expression": text}]
    return [{"license": {"name": text}}]


def _entry(part: Component) -> dict:
    ref = f"{canonical(part.name)}@{part.version}"
    entry: dict = {
        "type": part.kind,
        "bom-ref": ref,
        "name": part.name,
        "version": part.version,
        "licenses": _licences(part.licence),
    }
    if part.pypi:
        entry["purl"] = f"pkg:pypi/{canonical(part.name)}@{part.version}"
    if part.files:
        entry["properties"] = [
            {"name": "drugspreventie:licentiebestand", "value": f"licenties/{flat}"}
            for flat in part.files
        ]
    return entry


def bom(parts: list[Component], app_version: str, target_os: str, builder: str) -> dict:
    """The SBOM as a dict; the serial number follows from its contents (same build, same id)."""
    components = [_entry(p) for p in parts]
    fingerprint = json.dumps([app_version, target_os, components], sort_keys=True)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    )
    app_ref = f"drugspreventie-werkbank@{app_version}"
    return {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, fingerprint)}",
        "version": 1,
        "metadata": {
            "timestamp": moment.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            "tools": {"components": [{"type": "application", "name": builder}]},
            "component": {
                "type": "application",
                "bom-ref": app_ref,
                "name": "Drugspreventie Werkbank",
                "version": app_version,
                "properties": [{"name": "drugspreventie:besturingssysteem", "value": target_os}],
            },
        },
        "components": components,
        "dependencies": [
            {"ref": app_ref, "dependsOn": [c["bom-ref"] for c in components]},
            *({"ref": c["bom-ref"]} for c in components),
        ],
    }


def write(
    parts: list[Component], app_version: str, target_os: str, builder: str, path: Path
) -> Path:
    text = json.dumps(bom(parts, app_version, target_os, builder), indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path
