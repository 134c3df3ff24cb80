"""A plain static file server for browser tests: no fallback for unknown paths, like S3 or a CDN.

It serves a folder on 127.0.0.1 from a thread, with the MIME types a browser insists on for
ES modules and WebAssembly, and records every request so a test can see what was missing.
"""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tests.serving import free_port


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def end_headers(self) -> None:
        """Add the headers the site was given, as a CDN's response headers policy would."""
        for name, value in self.server.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib's name)
        """Record instead of printing to stderr."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Remember (path, status) of every request."""
        self.server.requests.append((self.path, int(code) if str(code).isdigit() else 0))


@dataclass
class StaticSite:
    """A running static server: its URL, and the requests it answered."""

    root: Path
    port: int = field(default_factory=free_port)
    requests: list[tuple[str, int]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # sent with every answer

    def __post_init__(self) -> None:
        handler = functools.partial(_Handler, directory=str(self.root))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._server.daemon_threads = True
        self._server.requests = self.requests
        self._server.extra_headers = self.headers
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The site's root URL."""
        return f"http://127.0.0.1:{self.port}/"

    def not_found(self) -> list[str]:
        """Paths the site answered with 404."""
        return [path for path, status in self.requests if status == 404]

    def stop(self) -> None:
        """Stop serving (the port refuses connections afterwards)."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
