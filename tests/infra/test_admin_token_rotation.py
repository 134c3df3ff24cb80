"""On the deployed stack (moto), `tryghedspuls admin-token --table NAME --rotate` revokes every
earlier admin token and session at once: the functions refuse them from the next request on."""

from __future__ import annotations

import contextlib
import io

from functions.cli import main as tryghedspuls
from tests.infra.deployed import TABLE_NAME, deployed_stack


def admin_token(*flags: str) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert tryghedspuls(["admin-token", "--table", TABLE_NAME, *flags]) == 0
    return printed.getvalue().strip()


def test_rotating_on_aws_revokes_every_earlier_admin_token_and_session():
    with deployed_stack() as stack:
        # Given the first admin token and a browser session opened with it
        first = admin_token()
        session = stack.call("POST", "/v1/admin/sessions", 201, token=first, body={})["token"]
        stack.call("GET", "/v1/settings", 200, token=session)
        # When the operator rotates the admin token
        new = admin_token("--rotate")
        # Then the old token and the session are refused, and the new token works
        stack.call("GET", "/v1/settings", 401, token=first)
        stack.call("GET", "/v1/settings", 401, token=session)
        stack.call("GET", "/v1/settings", 200, token=new)
        # And rotating again revokes that one too
        newer = admin_token("--rotate")
        stack.call("GET", "/v1/settings", 401, token=new)
        stack.call("GET", "/v1/settings", 200, token=newer)
