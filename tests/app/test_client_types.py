"""The app's client types (app/client/types*.py) are the OpenAPI document's answers, checked:
each TypedDict has its schema's fields, required as there, of the same JSON types, nullable
exactly where the schema is, nested types checked the same way. The app runs under Pyodide and
never imports functions/, so its types cannot be the answer models themselves; this test keeps
them from being a second, hand-kept truth."""

from __future__ import annotations

import json
import types
import typing
from typing import Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from app.client import types as client_types
from app.client import types_content, types_rollout, types_signin
from functions.api.openapi import openapi_json

SCHEMAS = json.loads(openapi_json())["components"]["schemas"]

# Each answer the app types, by the schema of that answer; nested types follow from these.
TYPED_ANSWERS = {
    "PairResult": "PairAnswer",
    "KioskConfig": "KioskAnswer",
    "BatchResult": "BatchAnswer",
    "Pulse": "PulseAnswer",
    "Workplace": "WorkplaceAnswer",
    "AdminPrompt": "PromptAnswer",
    "PairingCode": "PairingCodeAnswer",
    "DeviceInfo": "DeviceAnswer",
    "NewViewerToken": "NewViewerToken",
    "ViewerTokenInfo": "ViewerTokenInfo",
    "Rotation": "RotationAnswer",
    "Pin": "PinAnswer",
    "ReviewCompletion": "HeldCompletion",
    "WorkplaceCompletion": "WorkplaceCompletion",
    "OrganisationPulse": "OrganisationPulseAnswer",
    "Settings": "SettingsAnswer",
    "AdminSession": "SessionAnswer",
    "AuditEntry": "AuditEntryAnswer",
    "SigninFacts": "SigninFacts",
    "Me": "MeAnswer",
    "AreaPulse": "AreaPulseAnswer",
    "SigninSettings": "SigninSettingsAnswer",
    "ConfigCheck": "HeartbeatAnswer",
    "ReviewedCompletion": "ReviewedCompletion",
    "ImportResult": "ImportAnswer",
    "Fleet": "FleetAnswer",
    "Content": "ContentAnswer",
}
MODULES = (client_types, types_content, types_signin, types_rollout)
JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def client_type(name: str):
    """A TypedDict of the app's client, by name."""
    return next(getattr(m, name) for m in MODULES if hasattr(m, name))


def schema_of(ref_or_schema: dict) -> dict:
    """The schema a $ref points at (or the schema itself)."""
    if "$ref" in ref_or_schema:
        return SCHEMAS[ref_or_schema["$ref"].rsplit("/", 1)[1]]
    return ref_or_schema


def differences(annotation, schema: dict, where: str, seen: set[str]) -> list[str]:
    """How a type annotation differs from a JSON schema."""
    schema = schema_of(schema)
    branches = schema.get("anyOf", [schema])
    nullable = any(b.get("type") == "null" for b in branches)
    branches = [b for b in branches if b.get("type") != "null"]
    args = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else ()
    optional = type(None) in args
    if args:
        rest = [a for a in args if a is not type(None)]
        annotation = rest[0] if len(rest) == 1 else Union[tuple(rest)]  # noqa: UP007
    if optional != nullable:
        return [f"{where}: nullable in {'the client' if optional else 'the schema'} only"]
    kinds = [a for a in args if a is not type(None)] or [annotation]
    if len(kinds) != len(branches):
        return [f"{where}: {len(kinds)} kinds of value here, {len(branches)} in the schema"]
    if len(kinds) > 1:  # each kind the client names is one the schema allows, in any order
        unmatched = [k for k in kinds if all(differences(k, b, where, seen) for b in branches)]
        return [f"{where}: {k} is not among the schema's kinds" for k in unmatched]
    schema = schema_of(branches[0])
    if is_typeddict(annotation):
        seen.add(annotation.__name__)
        return typeddict_differences(annotation, schema, where, seen)
    origin = get_origin(annotation)
    if origin is list:
        if schema.get("type") != "array":
            return [f"{where}: a list in the client, not in the schema"]
        return differences(get_args(annotation)[0], schema["items"], f"{where}[]", seen)
    if origin is dict:  # keyed by names the schema may fix (propertyNames); values checked
        if "additionalProperties" not in schema:
            return [f"{where}: a dict in the client, fixed fields in the schema"]
        value = get_args(annotation)[1]
        return differences(value, schema["additionalProperties"], f"{where}{{}}", seen)
    if origin is Literal:
        if set(get_args(annotation)) != set(schema.get("enum", [schema.get("const")])):
            return [f"{where}: values {get_args(annotation)} vs {schema}"]
        return []
    if JSON_TYPES.get(annotation) != schema.get("type"):
        return [f"{where}: {annotation} in the client, {schema.get('type')} in the schema"]
    return []


def typeddict_differences(typed, schema: dict, where: str, seen: set[str]) -> list[str]:
    """Fields, required-ness and each field's type of a TypedDict against an object schema."""
    hints = get_type_hints(typed)
    fields, required = schema.get("properties", {}), set(schema.get("required", ()))
    problems = [f"{where}.{name}: not in the schema" for name in sorted(hints.keys() - fields)]
    problems += [f"{where}.{name}: not in the client" for name in sorted(fields.keys() - hints)]
    if typed.__required_keys__ != required:
        client = sorted(typed.__required_keys__)
        problems.append(f"{where}: required {client} vs {sorted(required)}")
    for name in sorted(hints.keys() & fields.keys()):
        problems += differences(hints[name], fields[name], f"{where}.{name}", seen)
    return problems


@pytest.mark.parametrize(("typed_name", "schema_name"), TYPED_ANSWERS.items())
def test_client_type_is_its_answers_schema(typed_name, schema_name):
    typed = client_type(typed_name)
    assert differences(typed, SCHEMAS[schema_name], typed_name, set()) == []


def test_every_client_type_is_checked_against_the_schema():
    seen: set[str] = set()
    for typed_name, schema_name in TYPED_ANSWERS.items():
        differences(client_type(typed_name), SCHEMAS[schema_name], typed_name, seen)
    defined = {
        name
        for module in MODULES
        for name, value in vars(module).items()
        if is_typeddict(value) and value.__module__ == module.__name__
    }
    assert defined - seen == set()


def test_a_client_type_that_drifted_is_found():
    # The check itself can fail: a TypedDict without `week` does not type the completions' answer.
    class WorkplaceCompletions(typing.TypedDict):
        completions: list[client_types.WorkplaceCompletion]

    assert differences(
        WorkplaceCompletions, SCHEMAS["WorkplaceCompletions"], "WorkplaceCompletions", set()
    ) == [
        "WorkplaceCompletions.week: not in the client",
        "WorkplaceCompletions: required ['completions'] vs ['completions', 'week']",
    ]
