"""The kiosk PWA: a private, encrypted, versioned bucket that only CloudFront reads (through origin
access control), served over HTTPS."""

from __future__ import annotations

from functions.local.security_headers import UI_POLICY, policy_text
from tests.infra.stack import cloudformation_template, pwa_content_security_policy


def resource(name: str) -> dict:
    return cloudformation_template()["Resources"][name]


def distribution() -> dict:
    return resource("PwaDistribution")["Properties"]["DistributionConfig"]


def test_bucket_is_private_encrypted_and_versioned():
    props = resource("PwaBucket")["Properties"]
    assert set(props["PublicAccessBlockConfiguration"].values()) == {True}
    assert len(props["PublicAccessBlockConfiguration"]) == 4
    assert props["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    [rule] = props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in {"AES256", "aws:kms"}
    assert props["VersioningConfiguration"] == {"Status": "Enabled"}


def test_replaced_builds_do_not_pile_up_in_the_versioned_bucket():
    rules = resource("PwaBucket")["Properties"]["LifecycleConfiguration"]["Rules"]
    assert any(r["Status"] == "Enabled" and "NoncurrentVersionExpiration" in r for r in rules)


def test_only_this_distribution_may_read_the_bucket():
    # Given the bucket policy
    statements = resource("PwaBucketPolicy")["Properties"]["PolicyDocument"]["Statement"]
    allows = [s for s in statements if s["Effect"] == "Allow"]
    # Then its one grant is s3:GetObject for CloudFront, for our distribution's requests only
    assert len(allows) == 1
    [allow] = allows
    assert allow["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert allow["Action"] == "s3:GetObject"
    assert allow["Resource"] == {"Fn::Sub": "${PwaBucket.Arn}/*"}
    source = allow["Condition"]["StringEquals"]["AWS:SourceArn"]["Fn::Sub"]
    assert source.endswith(":distribution/${PwaDistribution}")


def test_bucket_refuses_requests_without_tls():
    statements = resource("PwaBucketPolicy")["Properties"]["PolicyDocument"]["Statement"]
    assert any(
        s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
        for s in statements
    )


def test_cloudfront_reaches_the_bucket_through_signed_origin_access_control():
    # Given the distribution's one origin and the origin access control
    [origin] = distribution()["Origins"]
    oac = resource("PwaOriginAccessControl")["Properties"]["OriginAccessControlConfig"]
    # Then the origin is the bucket, signed with OAC (no legacy origin access identity)
    assert origin["DomainName"] == {"Fn::GetAtt": ["PwaBucket", "RegionalDomainName"]}
    assert origin["OriginAccessControlId"] == {"Fn::GetAtt": ["PwaOriginAccessControl", "Id"]}
    assert origin["S3OriginConfig"]["OriginAccessIdentity"] == ""
    assert (oac["OriginAccessControlOriginType"], oac["SigningBehavior"]) == ("s3", "always")
    assert oac["SigningProtocol"] == "sigv4"


def test_pwa_is_served_over_https_from_its_index_without_a_fallback():
    config = distribution()
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"] == "redirect-to-https"
    assert config["DefaultRootObject"] == "index.html"
    # Hash routes (#/pulse) need no fallback; one would hide a missing file behind index.html
    assert "CustomErrorResponses" not in config


def test_pwa_policy_is_the_served_policy_plus_the_api_and_the_sign_in_provider():
    # Given the policy `serve` sends and the one CloudFront sends with the static PWA
    text, _ = pwa_content_security_policy()
    api = "https://*.execute-api.${AWS::Region}.${AWS::URLSuffix}${SignInOrigin}"
    connect = (*UI_POLICY["connect-src"], api)
    # Then they differ only where the static PWA talks to another origin
    assert text == policy_text({**UI_POLICY, "connect-src": connect})


def test_pwa_may_call_the_sign_in_provider_only_when_there_is_one():
    # Given the stack without and with an OpenID issuer
    _, without = pwa_content_security_policy()
    _, signin = pwa_content_security_policy({"OidcIssuer": "https://login.example.org/t/v2.0"})
    # Then connect-src gains the provider's origin (its discovery and token endpoint) only then
    condition, with_issuer, none = without["SignInOrigin"]["Fn::If"]
    assert (condition, none) == ("HasOidcIssuer", "")
    assert signin["SignInOrigin"]["Fn::If"][1] == with_issuer
    assert with_issuer["Fn::Join"][1][0] == " https://"


def test_pwa_headers_forbid_framing_sniffing_and_referrers_and_demand_https():
    config = resource("PwaResponseHeaders")["Properties"]["ResponseHeadersPolicyConfig"]
    headers = config["SecurityHeadersConfig"]
    assert headers["FrameOptions"]["FrameOption"] == "DENY"
    assert headers["ContentTypeOptions"]["Override"] is True
    assert headers["ReferrerPolicy"]["ReferrerPolicy"] == "no-referrer"
    assert headers["StrictTransportSecurity"]["AccessControlMaxAgeSec"] >= 31536000
    behaviour = distribution()["DefaultCacheBehavior"]
    assert behaviour["ResponseHeadersPolicyId"] == {"Ref": "PwaResponseHeaders"}


def test_own_domain_gets_tls_1_2_or_later():
    # Given the distribution's certificate settings
    condition, own, default = distribution()["ViewerCertificate"]["Fn::If"]
    # Then with its own domain only TLS 1.2 and later is offered (CloudFront's default
    # certificate cannot set that, which the README says)
    assert condition == "HasOwnDomain"
    assert own["MinimumProtocolVersion"] == "TLSv1.2_2021"
    assert own["SslSupportMethod"] == "sni-only"
    assert default == {"CloudFrontDefaultCertificate": True}
