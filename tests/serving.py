"""Start and stop a real `tryghedspuls serve` for tests that speak HTTP or drive a browser."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

TEST_ADMIN_TOKEN = "serve-test-admin-token-" + "k" * 40


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running server: where it is, its process and its log file."""

    base_url: str
    process: subprocess.Popen
    log_path: Path
    data_dir: Path

    @property
    def api(self) -> str:
        """The API's base URL."""
        return f"{self.base_url}/api"

    def log(self) -> str:
        """Everything the server printed so far."""
        return self.log_path.read_text(errors="replace")

    def kill(self, sig: int = signal.SIGTERM) -> None:
        """Stop the server (SIGKILL to simulate a crash)."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=15)


def start_server(
    data_dir: Path,
    port: int | None = None,
    env: dict | None = None,
    args: tuple[str, ...] = (),
    open_files: int | None = None,
) -> Server:
    """Start `tryghedspuls serve` and wait until its API answers (`open_files`: start it under
    that soft limit on open files, as on a machine with a low default)."""
    port = port or free_port()
    log_path = data_dir.parent / f"serve-{port}-{time.monotonic_ns()}.log"
    full_env = {**os.environ, "TRYGHEDSPULS_ADMIN_TOKEN": TEST_ADMIN_TOKEN, **(env or {})}
    full_env = {k: v for k, v in full_env.items() if v is not None}
    cli = Path(sys.executable).with_name("tryghedspuls")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(cli), "serve", "--data-dir", str(data_dir), "--port", str(port), *args],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=full_env,
            preexec_fn=(lambda: _limit_files(open_files)) if open_files else None,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log_path, data_dir)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serve exited early:\n{server.log()}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{server.api}/v1/content", timeout=2).status_code == 200:
                return server
        time.sleep(0.2)
    server.kill(signal.SIGKILL)
    raise RuntimeError(f"serve did not answer within 60 s:\n{server.log()}")


def _limit_files(soft: int) -> None:
    _old, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@contextlib.contextmanager
def running_server(data_dir: Path, **kw) -> Iterator[Server]:
    """A server for the length of a `with` block."""
    server = start_server(data_dir, **kw)
    try:
        yield server
    finally:
        server.kill()
