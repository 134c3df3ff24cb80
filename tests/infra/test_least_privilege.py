"""Least privilege, proven by use: every route of every function is driven through its real
lambda_handler, as API Gateway would call it on the deployed stage, against a moto table built
from the template, and each DynamoDB call is recorded as the IAM grants it needs.

Each function's role must allow what its routes use (or the route fails in AWS with
AccessDenied) and nothing they do not use (or the role is wider than the function needs).
"""

from __future__ import annotations

import contextlib
import io
import re
import uuid
from datetime import UTC, datetime

import boto3
import pytest

from functions.cli import main as tryghedspuls
from tests.infra.deployed import OPERATOR, TABLE_NAME, DeployedStack, deployed_stack
from tests.infra.stack import (
    FUNCTIONS,
    ROOT,
    allowed_dynamodb_grants,
    cloudformation_template,
    routes,
)


def a_working_week(stack: DeployedStack) -> None:
    """Every route once or more, in the order an organisation would use them."""
    # The operator creates the first admin token with the documented command
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert tryghedspuls(["admin-token", "--table", TABLE_NAME]) == 0
    stack.admin_token = printed.getvalue().strip()

    # An admin opens a browser session with it, then sets up the organisation and a workplace
    stack.admin("POST", "/v1/admin/sessions", 201, body={})
    stack.admin("GET", "/v1/settings")
    stack.admin("PUT", "/v1/settings", body={"anonymity_threshold": 5})
    wp = stack.admin("POST", "/v1/workplaces", 201, body={"name": "Solsikken", "area": "Børn"})[
        "id"
    ]
    stack.admin("GET", "/v1/workplaces")
    stack.admin("PATCH", f"/v1/workplaces/{wp}", body={"kiosk_shows_last_week": True})
    code = stack.admin("POST", f"/v1/workplaces/{wp}/pairing-codes", 201)["code"]

    # A tablet mistypes the code, then pairs, reads its week, and sends answers
    stack.call("POST", "/v1/pair", 400, body={"code": "WRONG-CODE", "device_name": "Pauserum"})
    paired = stack.call("POST", "/v1/pair", 201, body={"code": code, "device_name": "Pauserum"})
    device = paired["device_token"]
    kiosk = stack.call("GET", "/v1/kiosk", 200, token=device)
    now = datetime.now(UTC).isoformat()
    checkins = [{"id": str(uuid.uuid4()), "score": s, "at": now} for s in (3, 5, 7, 8, 9, 10)]
    batch = {"checkins": checkins}
    assert len(stack.call("POST", "/v1/checkins", 200, token=device, body=batch)["accepted"]) == 6
    assert len(stack.call("POST", "/v1/checkins", 200, token=device, body=batch)["duplicates"]) == 6
    completion = {"id": str(uuid.uuid4()), "prompt_id": kiosk["prompt"]["id"], "at": now}
    completion["text"] = "vi hjælper hinanden, når det brænder på"
    stack.call("POST", "/v1/completions", 200, token=device, body={"completions": [completion]})
    stack.call(
        "POST", "/v1/heartbeat", 204, token=device, body={"app_version": "1", "queue_depth": 0}
    )
    beat = {"app_version": "1", "queue_depth": 0, "config_version": ""}  # config folded in
    assert stack.call("POST", "/v1/heartbeat", 200, token=device, body=beat)["kiosk"]

    # The admin gives the workplace a viewer link; the viewer reads the pulse
    viewer = stack.admin("POST", f"/v1/workplaces/{wp}/viewer-tokens", 201)
    stack.admin("GET", f"/v1/workplaces/{wp}/viewer-tokens")
    stack.call("GET", f"/v1/workplaces/{wp}/pulse", 200, token=viewer["token"], query="weeks=4")
    stack.call("GET", f"/v1/workplaces/{wp}/pulse.csv", 200, token=viewer["token"])
    pdf = stack.call("GET", f"/v1/workplaces/{wp}/pulse.pdf", 200, token=viewer["token"])
    assert pdf  # base64 of the PDF: the handler answered a binary body
    stack.call("GET", "/v1/content", 200)
    stack.call("GET", "/v1/openapi.json", 200)

    # Sign-in (off in the default parameters): the app asks, the admin sets who is an admin
    stack.call("GET", "/v1/signin", 200)
    stack.admin("GET", "/v1/signin-settings")
    stack.admin("PUT", "/v1/signin-settings", body={"admin_emails": ["chef@norddjurs.dk"]})
    stack.admin("GET", "/v1/me")
    # The admin token stands for no one: it has no language of its own to keep
    stack.admin("PUT", "/v1/me/language", 403, body={"language": "en"})
    stack.admin("GET", "/v1/area-pulse", query="area=B%C3%B8rn")

    # The admin looks after tablets, prompts, the rotation, sentences and the audit log
    stack.admin("GET", f"/v1/workplaces/{wp}/devices")
    stack.admin("GET", "/v1/devices")

    # The rollout: the organisation file (a dry run, then for real) and the pairing sheets
    org = "område;arbejdsplads;ledere;sprog\nBørn;Solsikken;mette@norddjurs.dk;en\nBørn;Åkanden;;\n"
    stack.admin("POST", "/v1/workplaces/import", body={"csv": org, "dry_run": True})
    assert stack.admin("POST", "/v1/workplaces/import", body={"csv": org})["updated"]
    sheets = {"base_url": "https://kiosk.example", "area": "Børn"}
    assert stack.admin("POST", "/v1/pairing-sheets", body=sheets)
    stack.admin("GET", "/v1/prompts")
    prompt = stack.admin(
        "POST", "/v1/prompts", 201, body={"da": "Hos os tør vi…", "en": "Here we dare…"}
    )
    order = stack.admin("GET", "/v1/rotation", query=f"weeks=4&workplace_id={wp}")["order"]
    stack.admin("PUT", "/v1/rotation/order", body={"order": order[::-1]})
    pin = {"week": kiosk["week"], "prompt_id": prompt["id"], "workplace_id": wp}
    stack.admin("PUT", "/v1/rotation/pins", body=pin)
    stack.admin("DELETE", "/v1/rotation/pins", 204, query=f"week={kiosk['week']}&workplace_id={wp}")
    stack.admin("PATCH", f"/v1/prompts/{prompt['id']}", body={"active": False})
    stack.admin("GET", "/v1/completions/review")
    [stored] = stack.admin("GET", f"/v1/workplaces/{wp}/completions")["completions"]
    stack.admin("PATCH", f"/v1/completions/{stored['id']}", body={"status": "hidden"})
    stack.admin("PATCH", f"/v1/completions/{stored['id']}", body={"status": "visible"})
    stack.admin("GET", "/v1/organisation/pulse")
    stack.admin("GET", "/v1/audit", query="limit=10")

    # Monday: the scheduler invokes the digest function, which writes to the workplace's leader
    # and to the administrator set in the console above, and forgets the language of Mette, who
    # no longer leads anything
    stack.admin("PATCH", f"/v1/workplaces/{wp}", body={"leaders": ["leder@norddjurs.dk"]})
    boto3.client("sesv2").create_email_identity(EmailIdentity="norddjurs.dk")
    sent = stack.invoke("DigestFunction", {"run": "monday", "week": kiosk["week"]})
    assert (sent["sent"], sent["failed"]) == (2, 0)
    again = stack.invoke("DigestFunction", {"run": "retry", "week": kiosk["week"]})
    assert (again["sent"], again["skipped"]) == (0, 2)

    # Tokens are revoked; a revoked tablet is turned away
    stack.admin("DELETE", f"/v1/viewer-tokens/{viewer['token_id']}", 204)
    stack.admin("DELETE", f"/v1/devices/{paired['device_id']}", 204)
    stack.call("GET", "/v1/kiosk", 401, token=device)


SENDER = "puls@norddjurs.dk"


@pytest.fixture(scope="module")
def week() -> DeployedStack:
    """A working week on the deployed stack, recorded; run once for this module's tests."""
    # The digest's sender is a stack parameter (empty by default, which sends nothing)
    with deployed_stack({"TRYGHEDSPULS_MAIL_FROM": SENDER}) as stack:
        a_working_week(stack)
    return stack


def test_the_week_drives_every_route_of_the_template(week):
    assert week.driven == {route.route_key for route in routes(week.template)}


@pytest.mark.parametrize("function", FUNCTIONS)
def test_role_allows_every_dynamodb_call_its_routes_make(function, week):
    # Given what the function's routes called on DynamoDB during the week
    used = week.recorder.grants[function]
    assert used, f"{function} made no DynamoDB call: is its store wired to the table?"
    # Then its role allows each of those calls on that resource
    allowed = allowed_dynamodb_grants(cloudformation_template(), function)
    assert used <= allowed, f"{function} would get AccessDenied for {sorted(used - allowed)}"


@pytest.mark.parametrize("function", FUNCTIONS)
def test_role_allows_nothing_its_routes_do_not_use(function, week):
    used = week.recorder.grants[function]
    allowed = allowed_dynamodb_grants(cloudformation_template(), function)
    assert allowed <= used, f"{function}'s role allows unused {sorted(allowed - used)}"


def test_guide_names_the_rights_the_admin_token_command_needs(week):
    # Given the rights infra/README.md asks the operator to have for `tryghedspuls admin-token`
    guide = (ROOT / "infra" / "README.md").read_text(encoding="utf-8")
    [line] = [line for line in guide.splitlines() if line.startswith("Your credentials need")]
    # Then they are what the command used, on the table
    assert set(re.findall(r"dynamodb:\w+", line)) == {a for a, _ in week.recorder.grants[OPERATOR]}
    assert {resource for _, resource in week.recorder.grants[OPERATOR]} == {"table"}


def test_digest_role_allows_sending_from_the_sender_address_only(week):
    # Given the SES calls the digest made, and the one SES statement of its role
    assert week.recorder.mail["DigestFunction"] == {("SendEmail", SENDER)}
    assert {f for f in FUNCTIONS if week.recorder.mail[f]} == {"DigestFunction"}
    role = cloudformation_template()["Resources"]["DigestFunctionRole"]["Properties"]
    [ses] = [
        s
        for p in role["Policies"]
        for s in p["PolicyDocument"]["Statement"]
        if str(s["Action"]).startswith("ses:")
    ]
    # Then the role allows exactly that action, bound to the configured sender address
    assert ses["Action"] == "ses:SendEmail"
    assert ses["Condition"] == {"StringEquals": {"ses:FromAddress": {"Ref": "DigestSender"}}}


def test_functions_touch_only_the_stacks_table(week):
    assert week.recorder.tables == {TABLE_NAME}


def test_device_never_deletes_or_scans_and_viewer_never_writes(week):
    # The same rules as tests/infra/test_iam_policies.py, on what the routes really did
    device = {action for action, _ in week.recorder.grants["DeviceFunction"]}
    viewer = {action for action, _ in week.recorder.grants["ViewerFunction"]}
    assert not device & {"dynamodb:DeleteItem", "dynamodb:Scan"}
    assert viewer <= {"dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"}
