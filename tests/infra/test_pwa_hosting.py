"""The kiosk PWA: a private, encrypted, versioned bucket that only CloudFront reads (through origin
access control), served over HTTPS."""

from __future__ import annotations

from tests.infra.stack import cloudformation_template


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
