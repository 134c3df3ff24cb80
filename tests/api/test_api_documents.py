"""docs/api.md, the OpenAPI document and the routes say the same thing: every route is in both
documents, and every JSON answer's fields in docs/api.md are the fields of its schema, nested
fields and optional ones (`name?`) included.

docs/api.md writes an answer as `{a, b: {c, d}, e: [{f}], g: [word]}` after its status; a bare
name may stand for an object only when that object is another documented route's answer (the
heartbeat's `kiosk` is GET /v1/kiosk's answer).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from functions.api.openapi import all_routes_resolver, openapi_json

DOCS = Path(__file__).parents[2] / "docs" / "api.md"
NOT_IN_SCHEMA = {"GET /v1/openapi.json"}  # the document does not describe itself
CELL = r"(?:\\\||[^|])*"  # a table cell; `\|` is a pipe inside one
ROW = re.compile(rf"^\| (GET|POST|PUT|PATCH|DELETE) (/\S+){CELL}\|{CELL}\| (.*) \|$")


def route_key(method: str, path: str) -> str:
    """`GET /v1/workplaces/{}/pulse`: parameter names differ between the documents."""
    return method + " " + re.sub(r"\{[^}]*\}", "{}", path)


def documented_answers() -> dict[str, str]:
    """Each route in docs/api.md's tables and its answer cell."""
    rows = (ROW.match(line) for line in DOCS.read_text(encoding="utf-8").splitlines())
    return {route_key(m[1], m[2]): m[3] for m in rows if m}


DOCUMENT = json.loads(openapi_json())
SCHEMAS = DOCUMENT["components"]["schemas"]
OPERATIONS = {
    route_key(method.upper(), path): operation
    for path, item in DOCUMENT["paths"].items()
    for method, operation in item.items()
}
DOCUMENTED = documented_answers()


# --- reading docs/api.md's field lists -------------------------------------------------------
class Fields(dict):
    """Field name -> (optional, nested): nested is None (a value), Fields, or ("list", Fields)."""


def parse_fields(text: str) -> Fields:
    """The field tree of `{a, b?: {c}, d: [{e}], f: [word], g: "x" or null}`."""
    fields, end = _object(text, 0)
    assert text[end:].strip() == "", f"text after the fields: {text[end:]!r}"
    return fields


def _object(text: str, i: int) -> tuple[Fields, int]:
    assert text[i] == "{", text[i:]
    fields, i = Fields(), i + 1
    while True:
        i = _skip_space(text, i)
        if text[i] == "}":
            return fields, i + 1
        name = re.match(r"[A-Za-z_][A-Za-z0-9_]*", text[i:])
        assert name, f"a field name expected at {text[i:]!r}"
        i += name.end()
        optional = text[i] == "?"
        i = _skip_space(text, i + optional)
        nested = None
        if text[i] == ":":
            i = _skip_space(text, i + 1)
            if text[i] == "{":
                nested, i = _object(text, i)
            elif text[i] == "[" and text[_skip_space(text, i + 1)] == "{":
                inner, i = _object(text, _skip_space(text, i + 1))
                i = _skip_space(text, i)
                assert text[i] == "]", text[i:]
                nested, i = ("list", inner), i + 1
        fields[name.group()] = (optional, nested)
        i = _to_next_field(text, i)
        if text[i] == ",":
            i += 1


def _skip_space(text: str, i: int) -> int:
    while text[i] == " ":
        i += 1
    return i


def _to_next_field(text: str, i: int) -> int:
    """Past prose like ` or null` or `] (7)` to the `,` or `}` that ends this field."""
    depth = 0
    while depth or text[i] not in ",}":
        depth += {"[": 1, "(": 1, "]": -1, ")": -1}.get(text[i], 0)
        i += 1
    return i


def test_the_field_reader_reads_nesting_lists_prose_and_optional_fields():
    fields = parse_fields(
        '{a, b?: {c}, d: [{e}] (7), f: [word], g: "x" or null, h: {i} or null, j: count}'
    )
    assert fields == {
        "a": (False, None),
        "b": (True, {"c": (False, None)}),
        "d": (False, ("list", {"e": (False, None)})),
        "f": (False, None),
        "g": (False, None),
        "h": (False, {"i": (False, None)}),
        "j": (False, None),
    }


# --- the schema side -------------------------------------------------------------------------
def resolve(schema: dict) -> dict:
    """A schema with its $ref followed and `X or null` reduced to X."""
    if "$ref" in schema:
        return resolve(SCHEMAS[schema["$ref"].rsplit("/", 1)[1]])
    branches = [s for s in schema.get("anyOf", ()) if s.get("type") != "null"]
    return resolve(branches[0]) if len(branches) == 1 else schema


def properties(schema: dict) -> dict[str, tuple[bool, dict]]:
    """Name -> (optional, schema) of an object, or of a dict keyed by a fixed set of names."""
    if "propertyNames" in schema:
        names = schema["propertyNames"]["enum"]
        return {name: (True, schema["additionalProperties"]) for name in names}
    required = set(schema.get("required", ()))
    return {name: (name not in required, s) for name, s in schema["properties"].items()}


def json_answers(operation: dict) -> dict[str, dict]:
    """Status -> schema of each 2xx JSON answer."""
    answers = {
        status: answer.get("content", {}).get("application/json", {}).get("schema")
        for status, answer in operation["responses"].items()
        if status.startswith("2")
    }
    return {status: schema for status, schema in answers.items() if schema}


ANSWER_REFS = {
    schema["$ref"]
    for operation in OPERATIONS.values()
    for schema in json_answers(operation).values()
    if "$ref" in schema
}


def differences(documented: Fields, schema: dict, where: str) -> list[str]:
    """What docs/api.md says differently from the schema, field by field."""
    found, problems = properties(resolve(schema)), []
    for name in sorted(documented.keys() - found.keys()):
        problems.append(f"{where}.{name} is documented but not in the answer")
    for name in sorted(found.keys() - documented.keys()):
        problems.append(f"{where}.{name} is in the answer but not documented")
    for name in sorted(documented.keys() & found.keys()):
        (optional, nested), (not_required, field_schema) = documented[name], found[name]
        if optional != not_required:
            problems.append(f"{where}.{name}: optional in one document, required in the other")
        shown = resolve(field_schema)
        if isinstance(nested, tuple):
            if shown.get("type") != "array":
                problems.append(f"{where}.{name} is documented as a list, but is not one")
            else:
                problems += differences(nested[1], shown["items"], f"{where}.{name}[]")
        elif nested is not None:
            problems += differences(nested, field_schema, f"{where}.{name}")
        elif _is_object(shown) and _answer_ref(field_schema) not in ANSWER_REFS:
            problems.append(f"{where}.{name} is an object whose fields are not documented")
    return problems


def _is_object(schema: dict) -> bool:
    """An object, or a list of objects: its fields are there to document."""
    return "properties" in schema or "properties" in resolve(schema.get("items", {}))


def _answer_ref(schema: dict) -> str | None:
    refs = [schema] + [s for s in schema.get("anyOf", ()) if "$ref" in s]
    return next((s["$ref"] for s in refs if "$ref" in s), None)


def documented_fields(route: str, status: str) -> Fields:
    """The fields docs/api.md gives for a route's answer with this status."""
    cell = DOCUMENTED[route]
    found = re.search(rf"\b{status} [^`;]*?`(\{{[^`]*\}})`", cell)
    assert found, f"docs/api.md gives no `{{fields}}` for {route}'s {status} answer: {cell}"
    return parse_fields(found.group(1))


# --- the tests -------------------------------------------------------------------------------
def test_every_route_is_in_the_openapi_document_and_in_docs():
    routes = {route_key(r.method, r.openapi_path) for r in _routes()}
    assert routes == OPERATIONS.keys() | NOT_IN_SCHEMA
    assert routes == DOCUMENTED.keys()


def _routes():
    resolver = all_routes_resolver()
    return resolver._static_routes + resolver._dynamic_routes  # noqa: SLF001 (no public list)


def test_every_success_answer_has_a_schema_or_is_a_file_or_empty():
    for route, operation in OPERATIONS.items():
        successes = {s: a for s, a in operation["responses"].items() if s.startswith("2")}
        assert successes, route
        for status, answer in successes.items():
            content = answer.get("content", {})
            if status == "204":
                assert not content, route
            elif "application/json" in content:
                assert content["application/json"].get("schema"), f"{route} {status}"
            else:
                (media_type,) = content
                assert media_type in DOCUMENTED[route], f"{route}: {media_type} not in docs"


@pytest.mark.parametrize(
    ("route", "status"),
    [(route, status) for route, op in OPERATIONS.items() for status in json_answers(op)],
)
def test_docs_give_each_json_answer_the_fields_of_its_schema(route, status):
    schema = json_answers(OPERATIONS[route])[status]
    assert differences(documented_fields(route, status), schema, route) == []


def test_docs_name_each_empty_answer():
    for route, operation in OPERATIONS.items():
        if "204" in operation["responses"]:
            assert re.search(r"\b204\b", DOCUMENTED[route]), route


def test_a_field_missing_from_docs_is_found():
    # The check itself can fail: drop `week` from the completions' documented fields.
    schema = json_answers(OPERATIONS["GET /v1/workplaces/{}/completions"])["200"]
    documented = parse_fields("{completions: [{id, prompt_id, text, status}]}")
    assert differences(documented, schema, "completions") == [
        "completions.week is in the answer but not documented"
    ]
