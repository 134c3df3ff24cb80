"""infra/template.yaml read as data: the SAM template, its CloudFormation after the SAM transform
(aws-sam-translator, offline), and the few questions the infra tests ask of them."""

from __future__ import annotations

import copy
import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cfnlint.decode import decode_str

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "infra" / "template.yaml"
REGION = "eu-north-1"
API_FUNCTIONS = ("DeviceFunction", "ViewerFunction", "AdminFunction")
# Every function: the API's, and the Monday digest's (invoked by EventBridge Scheduler, no routes)
FUNCTIONS = (*API_FUNCTIONS, "DigestFunction")

# The managed policies SAM attaches to our roles; the translator looks them up by name, which
# would need IAM: a fixed map keeps the transform offline.
MANAGED_POLICIES = {
    "AWSLambdaBasicExecutionRole": (
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    ),
    "AWSXrayWriteOnlyAccess": "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
}


class StaticManagedPolicies:
    """A managed-policy loader for aws-sam-translator that needs no AWS account."""

    def load(self) -> dict[str, str]:
        """Policy name -> ARN."""
        return dict(MANAGED_POLICIES)


@cache
def _sam() -> dict:
    template, errors = decode_str(TEMPLATE.read_text(encoding="utf-8"))
    assert not errors, errors
    # Plain dicts and lists (cfn-lint's own types carry line marks we do not need).
    return json.loads(json.dumps(template))


def sam_template() -> dict:
    """The SAM template as written (a fresh copy each call)."""
    return copy.deepcopy(_sam())


@cache
def _cloudformation(parameters: tuple[tuple[str, str], ...]) -> dict:
    from samtranslator.translator.transform import transform

    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    template = sam_template()
    # sam build replaces CodeUri with the built artifact; the translator wants an S3 location.
    template["Globals"]["Function"]["CodeUri"] = "s3://tryghedspuls-artifacts/functions.zip"
    return json.loads(json.dumps(transform(template, dict(parameters), StaticManagedPolicies())))


def cloudformation_template(parameters: dict[str, str] | None = None) -> dict:
    """The template after the SAM transform, as CloudFormation would receive it (a fresh copy),
    with the parameters' defaults or the values given (SAM itself reads some, e.g. Tracing)."""
    return copy.deepcopy(_cloudformation(tuple(sorted((parameters or {}).items()))))


def pwa_content_security_policy(parameters: dict[str, str] | None = None) -> tuple[str, dict]:
    """The CSP CloudFront sends with the PWA: its text and the variables SAM leaves to fill."""
    config = cloudformation_template(parameters)["Resources"]["PwaResponseHeaders"]["Properties"]
    csp = config["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]["ContentSecurityPolicy"]
    assert csp["Override"] is True
    text, variables = csp["ContentSecurityPolicy"]["Fn::Sub"]
    return text, variables


def resources_of_type(template: dict, kind: str) -> dict[str, dict]:
    """Logical id -> resource, for every resource of one type."""
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


def parameter_defaults(template: dict) -> dict[str, str]:
    """Each parameter's default value as CloudFormation passes it on (a string)."""
    return {name: str(p.get("Default", "")) for name, p in template["Parameters"].items()}


# --- routes ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    """One HTTP API route and the function API Gateway sends it to."""

    method: str
    path: str  # as API Gateway writes it: /v1/workplaces/{workplace_id}/pulse
    function: str  # logical id of the function

    @property
    def route_key(self) -> str:
        """The HTTP API route key, e.g. `GET /v1/kiosk`."""
        return f"{self.method} {self.path}"

    def match(self, method: str, path: str) -> dict[str, str] | None:
        """The path parameters if this route takes the request, else None."""
        if method != self.method:
            return None
        pattern = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(self.path))
        found = re.fullmatch(pattern, path)
        return found.groupdict() if found else None


def routes(template: dict) -> list[Route]:
    """Every HttpApi event of every function in the SAM template."""
    found = []
    for name, resource in resources_of_type(template, "AWS::Serverless::Function").items():
        for event in resource["Properties"].get("Events", {}).values():
            if event["Type"] == "HttpApi":
                props = event["Properties"]
                found.append(Route(props["Method"].upper(), props["Path"], name))
    return found


def route_for(template: dict, method: str, path: str) -> tuple[Route, dict[str, str]]:
    """The one route that takes a request, with its path parameters (literal paths win)."""
    candidates = [(r, p) for r in routes(template) if (p := r.match(method, path)) is not None]
    assert candidates, f"no route in the template takes {method} {path}"
    return min(candidates, key=lambda found: len(found[1]))


def handler_module(template: dict, function: str) -> str:
    """The Python module of a function's handler, e.g. functions.api.device."""
    handler = template["Resources"][function]["Properties"]["Handler"]
    return handler.rsplit(".", 1)[0]


# --- IAM -----------------------------------------------------------------------------------------
def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def dynamodb_statements(template: dict, function: str) -> list[dict]:
    """The policy statements of a function's role (after the transform) that name DynamoDB."""
    role = template["Resources"][f"{function}Role"]["Properties"]
    statements = []
    for policy in role.get("Policies", []):
        for statement in _as_list(policy["PolicyDocument"]["Statement"]):
            actions = _as_list(statement.get("Action", [])) + _as_list(
                statement.get("NotAction", [])
            )
            if any(a == "*" or str(a).lower().startswith("dynamodb:") for a in actions):
                statements.append(statement)
    return statements


def allowed_dynamodb_actions(template: dict, function: str) -> set[str]:
    """The DynamoDB actions a function's role allows, as written (e.g. `dynamodb:Query`)."""
    return {
        action
        for statement in dynamodb_statements(template, function)
        if statement["Effect"] == "Allow"
        for action in _as_list(statement["Action"])
    }


def resource_name(resource) -> str:
    """`table` for the stack's table ARN, `index/<name>` for one of its indexes, else as written."""
    if resource == {"Fn::GetAtt": ["Table", "Arn"]}:
        return "table"
    if isinstance(resource, dict) and set(resource) == {"Fn::Sub"}:
        text = resource["Fn::Sub"]
        if isinstance(text, str) and text.startswith("${Table.Arn}/index/"):
            return text.removeprefix("${Table.Arn}/")
    return json.dumps(resource)


def allowed_dynamodb_grants(template: dict, function: str) -> set[tuple[str, str]]:
    """(action, resource) pairs a function's role allows: ("dynamodb:Query", "index/gsi1")."""
    return {
        (action, resource_name(resource))
        for statement in dynamodb_statements(template, function)
        if statement["Effect"] == "Allow"
        for action in _as_list(statement["Action"])
        for resource in _as_list(statement["Resource"])
    }


# --- the table in moto ---------------------------------------------------------------------------
_CREATE_TABLE_PROPERTIES = ("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes")


def create_table(client, name: str, template: dict) -> None:
    """Create the template's table (keys, index, on-demand, TTL) with a boto3 DynamoDB client."""
    props = template["Resources"]["Table"]["Properties"]
    client.create_table(
        TableName=name,
        BillingMode=props["BillingMode"],
        **{p: props[p] for p in _CREATE_TABLE_PROPERTIES},
    )
    ttl = props["TimeToLiveSpecification"]
    client.update_time_to_live(
        TableName=name,
        TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": ttl["Enabled"]},
    )
