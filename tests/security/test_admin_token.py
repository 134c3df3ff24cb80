"""The admin token can be revoked and does not leak: `admin-token --rotate` revokes every earlier
admin token, session and sign-in link at once while `serve` runs; `serve` prints a one-time
sign-in link, never the token; a browser session ends after 12 hours; the data folder is 0700
and its files 0600, whatever they were before."""

from __future__ import annotations

import re
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from functions.domain.admin_access import SESSION_LIFETIME, SIGN_IN_LIFETIME, make_sign_in_link
from tests.serving import running_server

CLI = str(Path(sys.executable).with_name("tryghedspuls"))
NO_ENV_TOKEN = {"TRYGHEDSPULS_ADMIN_TOKEN": None}


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def sign_in_link(log: str) -> str:
    return re.search(r"/admin\?signin=([\w-]+)", log).group(1)


def session(api: str, **body) -> httpx.Response:
    return httpx.post(f"{api}/v1/admin/sessions", json=body, timeout=10)


def test_serve_prints_a_sign_in_link_that_works_once_and_never_the_token(tmp_path):
    data = tmp_path / "data"
    with running_server(data, env=NO_ENV_TOKEN) as server:
        token = (data / "admin-token").read_text().strip()
        log = server.log()
        # Then the log names the token file, holds a sign-in link, and not the token
        assert token not in log and str((data / "admin-token").resolve()) in log
        link = sign_in_link(log)
        # When the link is used, it opens a 12-hour session; used again, it opens nothing
        opened = session(server.api, sign_in=link)
        assert opened.status_code == 201 and opened.headers["cache-control"] == "no-store"
        assert session(server.api, sign_in=link).status_code == 401
        answer = httpx.get(f"{server.api}/v1/settings", headers=bearer(opened.json()["token"]))
        assert answer.status_code == 200
        # And a sign-in link is no bearer token for anything
        assert httpx.get(f"{server.api}/v1/settings", headers=bearer(link)).status_code == 401
        assert token not in server.log()


def test_rotation_while_serving_revokes_every_earlier_admin_credential_at_once(tmp_path):
    data = tmp_path / "data"
    with running_server(data, env=NO_ENV_TOKEN) as server:
        old = (data / "admin-token").read_text().strip()
        browser = session(server.api, sign_in=sign_in_link(server.log())).json()["token"]
        traded = httpx.post(f"{server.api}/v1/admin/sessions", json={}, headers=bearer(old))
        assert traded.status_code == 201
        # When the operator rotates the admin token on the running server's data
        rotated = subprocess.run(
            [CLI, "admin-token", "--rotate", "--data-dir", str(data)],
            capture_output=True,
            text=True,
        )
        assert rotated.returncode == 0, rotated.stderr
        new = (data / "admin-token").read_text().strip()
        # Then the new token is in the file, private, and not printed
        assert new != old and new not in rotated.stdout
        assert stat.S_IMODE((data / "admin-token").stat().st_mode) == 0o600
        # And from the next request on, the old token and every session are refused
        for revoked in (old, browser, traded.json()["token"]):
            answer = httpx.get(f"{server.api}/v1/settings", headers=bearer(revoked))
            assert answer.status_code == 401
        assert httpx.get(f"{server.api}/v1/settings", headers=bearer(new)).status_code == 200
    # And a restart keeps it so
    with running_server(data, env=NO_ENV_TOKEN) as again:
        assert httpx.get(f"{again.api}/v1/settings", headers=bearer(old)).status_code == 401
        assert httpx.get(f"{again.api}/v1/settings", headers=bearer(new)).status_code == 200


def test_sessions_end_after_12_hours_and_links_after_15_minutes(api, clock, services):
    # Given a session opened with the admin token, and a sign-in link
    started = clock()
    opened = api.post("/v1/admin/sessions", {})
    assert opened.status == 201
    ends = datetime.fromisoformat(opened.json["expires_at"].replace("Z", "+00:00"))
    # The end is 12 hours out, kept to the minute
    assert timedelta(0) <= started + SESSION_LIFETIME - ends < timedelta(minutes=1)
    assert ends.second == 0
    link = make_sign_in_link(services.store, clock())
    # When 15 minutes pass, the link is dead; a session lives on until its end
    clock.advance(seconds=SIGN_IN_LIFETIME.total_seconds())
    assert api.post("/v1/admin/sessions", {"sign_in": link}, token=None).status == 401
    clock.advance(seconds=(ends - clock()).total_seconds() - 1)
    assert api.get("/v1/settings", token=opened.json["token"]).status == 200
    clock.advance(seconds=1)
    assert api.get("/v1/settings", token=opened.json["token"]).status == 401


@pytest.mark.parametrize("before", [0o755, 0o777])
def test_the_data_folder_is_ours_alone_whatever_it_was(tmp_path, before):
    # Given a data folder and files someone made readable to all
    data = tmp_path / "data"
    data.mkdir()
    for name in ("tryghedspuls.db", "admin-token"):
        (data / name).touch()
    (data / "admin-token").write_text("x" * 43 + "\n")
    (data / "tryghedspuls.db").unlink()
    data.chmod(before)
    (data / "admin-token").chmod(0o644)
    # When serve starts on it
    with running_server(data, env=NO_ENV_TOKEN) as server:
        httpx.post(f"{server.api}/v1/admin/sessions", json={}, headers=bearer("x" * 43))
        files = sorted(p.name for p in data.iterdir())
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in data.iterdir()}
    # Then the folder is 0700 and every file in it 0600 (the WAL and shared memory too)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert {"tryghedspuls.db", "tryghedspuls.db-wal", "admin-token"} <= set(files)
    assert modes == dict.fromkeys(files, 0o600)
