"""The HTTP API's edge: CORS for the PWA's origin only, throttling, logs without addresses."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.infra.stack import cloudformation_template, routes, sam_template

# The PWA's origin: its own domain when the stack has one, else CloudFront's.
PWA_ORIGIN = {
    "Fn::If": [
        "HasOwnDomain",
        {"Fn::Sub": ["https://${Domain}", {"Domain": {"Ref": "DomainName"}}]},
        {"Fn::Sub": "https://${PwaDistribution.DomainName}"},
    ]
}


def api() -> dict:
    return cloudformation_template()["Resources"]["HttpApi"]["Properties"]


def stage() -> dict:
    return cloudformation_template()["Resources"]["HttpApiStage"]["Properties"]


def test_cors_allows_only_the_pwa_origin():
    cors = api()["Body"]["x-amazon-apigateway-cors"]
    # SAM writes CORS into the API's OpenAPI body, filling in the parameters it knows
    [origin] = cors["allowOrigins"]
    condition, own_domain, cloudfront = origin["Fn::If"]
    assert (condition, cloudfront) == ("HasOwnDomain", PWA_ORIGIN["Fn::If"][2])
    assert own_domain["Fn::Sub"][0] == "https://${Domain}"
    assert cors.get("allowCredentials", False) is False


def test_cors_allows_the_own_domain_when_the_stack_has_one():
    # Given a stack deployed with its own domain
    template = cloudformation_template({"DomainName": "trivsel.norddjurs.dk"})
    # When SAM writes the API's CORS
    [origin] = template["Resources"]["HttpApi"]["Properties"]["Body"]["x-amazon-apigateway-cors"][
        "allowOrigins"
    ]
    # Then the own domain is the origin when the condition holds
    assert origin["Fn::If"][1] == {
        "Fn::Sub": ["https://${Domain}", {"Domain": "trivsel.norddjurs.dk"}]
    }


def test_browsers_keep_a_preflight_for_hours():
    assert api()["Body"]["x-amazon-apigateway-cors"]["maxAge"] >= 3600


def test_cors_allows_every_method_and_header_the_routes_need():
    # Given the methods of the deployed routes and the headers the app sends
    cors = api()["Body"]["x-amazon-apigateway-cors"]
    methods = {r.method for r in routes(sam_template())}
    # Then a browser may use them (API Gateway answers the preflight itself)
    assert methods <= set(cors["allowMethods"])
    assert {"authorization", "content-type"} <= {h.lower() for h in cors["allowHeaders"]}
    assert "content-disposition" in {h.lower() for h in cors["exposeHeaders"]}  # the CSV's name


def test_functions_know_the_same_origin_as_the_api():
    resources = cloudformation_template()["Resources"]
    for name in ("DeviceFunction", "ViewerFunction", "AdminFunction"):
        variables = resources[name]["Properties"]["Environment"]["Variables"]
        assert variables["TRYGHEDSPULS_CORS_ORIGINS"] == PWA_ORIGIN


def test_every_route_is_throttled_by_the_stack_parameters():
    settings = stage()["DefaultRouteSettings"]
    assert settings["ThrottlingRateLimit"] == {"Ref": "ApiThrottlingRateLimit"}
    assert settings["ThrottlingBurstLimit"] == {"Ref": "ApiThrottlingBurstLimit"}


def readme_pairing_throttle() -> tuple[int, int]:
    """The rate and burst the README promises for POST /v1/pair."""
    text = " ".join((Path(__file__).resolve().parents[2] / "README.md").read_text().split())
    promise = r"`POST /v1/pair` is (?:also )?throttled to (\d+) requests/s, burst (\d+)"
    found = re.search(promise, text)
    assert found, "the README no longer says how POST /v1/pair is throttled"
    return int(found[1]), int(found[2])


def test_pairing_is_throttled_as_the_readme_promises_and_harder_than_the_rest():
    # Given the defaults for all routes and the settings of POST /v1/pair
    template = cloudformation_template()
    pair = stage()["RouteSettings"]["POST /v1/pair"]
    defaults = template["Parameters"]
    # Then the stage throttles pairing exactly as the README says: 2 requests/s, burst 5
    assert readme_pairing_throttle() == (2, 5)
    assert (pair["ThrottlingRateLimit"], pair["ThrottlingBurstLimit"]) == (2, 5)
    # And guessing pairing codes is slower than any other use of the API
    assert pair["ThrottlingRateLimit"] < defaults["ApiThrottlingRateLimit"]["Default"]
    assert pair["ThrottlingBurstLimit"] < defaults["ApiThrottlingBurstLimit"]["Default"]


def test_access_log_keeps_no_client_address_and_has_retention():
    # Given the stage's access log settings
    settings = stage()["AccessLogSettings"]
    fields = json.loads(settings["Format"])
    # Then each line is JSON with no IP address or user agent, in a group with retention
    assert not [v for v in fields.values() if "identity" in v]
    group = cloudformation_template()["Resources"][settings["DestinationArn"]["Fn::GetAtt"][0]]
    assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}


def test_api_server_errors_raise_an_alarm():
    alarm = cloudformation_template()["Resources"]["ApiServerErrorsAlarm"]["Properties"]
    assert (alarm["Namespace"], alarm["MetricName"]) == ("AWS/ApiGateway", "5xx")
    assert alarm["Dimensions"] == [{"Name": "ApiId", "Value": {"Ref": "HttpApi"}}]
