"""Security headers on every answer of `serve`, and the Content-Security-Policy in one place.

The UI's policy is what Flet's web client needs and no more: its scripts from this origin (plus
the inline ones of index.html, allowed by their SHA-256, computed from each page as served),
CanvasKit's WebAssembly ('wasm-unsafe-eval'), the websocket back to this origin, and styles
Flutter injects at run time ('unsafe-inline' for styles only). The static PWA's host can build
its policy from UI_POLICY too (adding its API's origin to connect-src).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable

UI_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:", "blob:"),
    "font-src": ("'self'", "data:"),
    "connect-src": ("'self'",),
    "worker-src": ("'self'", "blob:"),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}
# JSON answers load nothing and belong in no frame.
API_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "frame-ancestors": ("'none'",),
}

COMMON = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
NO_STORE = (b"cache-control", b"no-store")
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def policy_text(policy: dict[str, tuple[str, ...]], extra_scripts: tuple[str, ...] = ()) -> str:
    """A policy as the header's value; `extra_scripts` adds script sources (hashes)."""
    parts = []
    for directive, sources in policy.items():
        more = extra_scripts if directive == "script-src" else ()
        parts.append(" ".join((directive, *sources, *more)))
    return "; ".join(parts)


def inline_script_hashes(html: bytes) -> tuple[str, ...]:
    """'sha256-…' sources for every inline <script> of a page, as CSP wants them."""
    return tuple(
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    )


def with_security_headers(app: Callable, api_prefix: str = "/api") -> Callable:
    """Wrap an ASGI app: every HTTP answer gets the headers; API answers and any answer to a
    request whose query carries a token are never stored by a browser or proxy."""

    async def guarded(scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        path = scope.get("path", "")
        is_api = path == api_prefix or path.startswith(api_prefix + "/")
        secret = is_api or b"token" in scope.get("query_string", b"").lower()
        held: list[dict] = []

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = _without(message.get("headers", []), secret)
                headers += COMMON + ((NO_STORE,) if secret else ())
                message = {**message, "headers": headers}
                if message.get("status") == 304:
                    # A browser updates its cached page's headers from a 304: a policy here,
                    # computed from no body, would drop the page's script hashes and stop it.
                    await send(message)
                    return
                if is_api:
                    message["headers"].append(_csp(policy_text(API_POLICY)))
                elif _is_html(headers):
                    held.append(message)  # its policy names the page's inline scripts
                    return
                else:
                    message["headers"].append(_csp(policy_text(UI_POLICY)))
            elif held:
                held.append(message)
                if message.get("more_body", False):
                    return
                await _send_page(send, held)
                return
            await send(message)

        await app(scope, receive, send_with_headers)

    return guarded


async def _send_page(send: Callable, held: list[dict]) -> None:
    start, bodies = held[0], held[1:]
    html = b"".join(m.get("body", b"") for m in bodies)
    start["headers"].append(_csp(policy_text(UI_POLICY, inline_script_hashes(html))))
    await send(start)
    await send({"type": "http.response.body", "body": html, "more_body": False})


def _csp(text: str) -> tuple[bytes, bytes]:
    return (b"content-security-policy", text.encode("ascii"))


def _is_html(headers: list) -> bool:
    return any(k.lower() == b"content-type" and b"text/html" in v.lower() for k, v in headers)


def _without(headers, secret: bool) -> list:
    """The app's headers minus those we set (so none is sent twice)."""
    ours = {k for k, _ in COMMON} | {b"content-security-policy"}
    if secret:
        ours.add(b"cache-control")
    return [(k, v) for k, v in headers if k.lower() not in ours]
