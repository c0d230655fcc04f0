from __future__ import annotations

import jsonschema
import pytest

from drugspreventie_app.content.schema_check import SchemaUnsupportedError, validate

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["naam", "jaar"],
    "properties": {
        "naam": {"type": "string", "minLength": 2, "maxLength": 10},
        "jaar": {"type": "string", "pattern": "^\\d{4}$"},
        "leeftijd": {"type": ["integer", "null"], "minimum": 0, "maximum": 120},
        "lijst": {"type": "array", "minItems": 1, "items": {"enum": ["U", "S"]}},
    },
}

CASES = [
    {"naam": "Moti-4", "jaar": "2023"},
    {"naam": "Moti-4", "jaar": "2023", "leeftijd": None, "lijst": ["U"]},
    {"naam": "M", "jaar": "2023"},
    {"naam": "Moti-4", "jaar": "23"},
    {"naam": "Moti-4"},
    {"naam": "Moti-4", "jaar": "2023", "extra": 1},
    {"naam": "Moti-4", "jaar": "2023", "leeftijd": True},
    {"naam": "Moti-4", "jaar": "2023", "leeftijd": 130},
    {"naam": "Moti-4", "jaar": "2023", "lijst": []},
    {"naam": "Moti-4", "jaar": "2023", "lijst": ["X"]},
    [],
]


@pytest.mark.parametrize("instance", CASES)
def test_agrees_with_the_reference_implementation(instance: object) -> None:
    ours = validate(instance, SCHEMA)
    reference = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(instance))
    assert bool(ours) == bool(reference), (ours, reference)


def test_unknown_keywords_are_refused_not_ignored() -> None:
    with pytest.raises(SchemaUnsupportedError):
        validate({}, {"type": "object", "oneOf": []})
