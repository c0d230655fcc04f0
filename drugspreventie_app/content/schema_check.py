"""A small JSON Schema validator for the subset of keywords our schemas in `data/schema/` use.

The full `jsonschema` package costs start-up time for features we do not need; the tests check
every content file with it as well, so this subset cannot silently drift from the standard.
Supported: type (incl. lists), properties, required, additionalProperties (bool), items, enum,
const, minItems, maxItems, minLength, maxLength, minimum, maximum, pattern, uniqueItems.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}

SUPPORTED = {
    "$schema",
    "$id",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "pattern",
    "uniqueItems",
    "default",
    "examples",
}


class SchemaUnsupportedError(ValueError):
    pass


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _is_type(value: Any, name: str) -> bool:
    if name in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[name])


def _where(path: list[str | int]) -> str:
    return "/".join(str(p) for p in path) or "(hoofdniveau)"


def validate(instance: Any, schema: dict[str, Any]) -> list[str]:
    """All problems as 'pad: uitleg' lines (Dutch); empty when the instance is valid."""
    errors: list[str] = []
    _check(instance, schema, [], errors)
    return errors


class _Where:
    """The path in Dutch, built only when an error needs it (this runs at every start)."""

    __slots__ = ("path",)

    def __init__(self, path: list[str | int]) -> None:
        self.path = path

    def __str__(self) -> str:
        return _where(self.path)

    def __format__(self, spec: str) -> str:
        return str(self)


# Sub-schemas already checked for unsupported keywords; the value keeps each one alive, so
# its id cannot be reused by another dict.
_KNOWN_SCHEMAS: dict[int, dict[str, Any]] = {}


def _check(value: Any, schema: dict[str, Any], path: list[str | int], errors: list[str]) -> None:
    if _KNOWN_SCHEMAS.get(id(schema)) is not schema:
        unknown = set(schema) - SUPPORTED
        if unknown:
            raise SchemaUnsupportedError(f"niet ondersteund in schema: {sorted(unknown)}")
        _KNOWN_SCHEMAS[id(schema)] = schema
    where = _Where(path)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, t) for t in types):
            errors.append(
                f"{where}: verwacht {' of '.join(types)}, gevonden {type(value).__name__}"
            )
            return
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: moet {schema['const']!r} zijn")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} is geen toegestane waarde")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: tekst te kort (minimaal {schema['minLength']} tekens)")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{where}: tekst te lang (maximaal {schema['maxLength']} tekens)")
        if "pattern" in schema and not _regex(schema["pattern"]).search(value):
            errors.append(f"{where}: {value!r} heeft niet de juiste vorm")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: kleiner dan {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: groter dan {schema['maximum']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{where}: minimaal {schema['minItems']} onderdelen nodig")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{where}: maximaal {schema['maxItems']} onderdelen")
        if schema.get("uniqueItems") and len({repr(v) for v in value}) != len(value):
            errors.append(f"{where}: onderdelen komen dubbel voor")
        if "items" in schema:
            for i, item in enumerate(value):
                _check(item, schema["items"], [*path, i], errors)
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{where}: veld '{key}' ontbreekt")
        props = schema.get("properties", {})
        for key, item in value.items():
            if key in props:
                _check(item, props[key], [*path, key], errors)
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: onbekend veld '{key}'")
