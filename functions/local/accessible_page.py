"""The HTML every page starts from, made accessible: for the served app and the static build alike.

Flutter's web engine keeps its screen-reader tree off until someone finds an invisible "Enable
accessibility" button (`flt-semantics-placeholder`), writes `<html lang="en-US">` until the app
says otherwise, and replaces the viewport with `user-scalable=no, maximum-scale=1.0`. We cannot
change Flutter's Dart side (`ensureSemantics()`), so a small script in <head> does what a person
would: it presses the placeholder the moment the engine adds it (with a pointer position at its
centre, which the engine of a phone or tablet checks), and lets the viewport zoom again. It stops
watching once both are done, so it costs nothing while people use the app.
The page's language starts as Danish; Flutter then writes the app's locale there, which follows
the language shown (app/components/page_language.py).
"""

from __future__ import annotations

import re

from functions.local.renderer_recovery import recovering_index

ZOOMABLE_VIEWPORT = "width=device-width, initial-scale=1"

BOOT_SCRIPT = """<script>
    // Tryghedspuls: screen-reader tree on from the first frame, zoom allowed (WCAG 1.4.4, 4.1.2).
    (function () {
      var zoomable = "__VIEWPORT__";
      var semanticsOn = false, viewportSeen = false;
      function press(placeholder) {
        var box = placeholder.getBoundingClientRect();
        var at = { bubbles: true, cancelable: true,
                   clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
        placeholder.dispatchEvent(new PointerEvent("pointerdown", at));
        placeholder.dispatchEvent(new PointerEvent("pointerup", at));
        placeholder.dispatchEvent(new MouseEvent("click", at));
      }
      function check() {
        var placeholder = document.querySelector("flt-semantics-placeholder");
        if (placeholder && !semanticsOn) { semanticsOn = true; press(placeholder); }
        var metas = document.querySelectorAll('meta[name="viewport"]');
        for (var i = 0; i < metas.length; i++) {
          if (metas[i].hasAttribute("flt-viewport")) viewportSeen = true;
          if (metas[i].content !== zoomable) metas[i].content = zoomable;
        }
        if (semanticsOn && viewportSeen) observer.disconnect();
      }
      var observer = new MutationObserver(check);
      observer.observe(document.documentElement, { childList: true, subtree: true });
    })();
  </script>""".replace("__VIEWPORT__", ZOOMABLE_VIEWPORT)


def accessible_index(html: str, lang: str = "da") -> str:
    """`html` (Flet's index.html) with a language, a zoomable viewport and the boot script."""
    if "Tryghedspuls: screen-reader tree" in html:
        return html  # already patched
    html = re.sub(r"<html\b[^>]*>", f'<html lang="{lang}">', html, count=1, flags=re.I)
    html = re.sub(r'\s*<meta name="viewport"[^>]*>', "", html, flags=re.I)
    head = f'<head>\n  <meta name="viewport" content="{ZOOMABLE_VIEWPORT}">\n  {BOOT_SCRIPT}'
    return re.sub(r"<head>", lambda _m: head, html, count=1, flags=re.I)


def accessible_pages(app):
    """ASGI middleware: every text/html answer of `app` goes through `accessible_index`, and gets
    the renderer's crash recovery (`recovering_index`)."""

    async def middleware(scope: dict, receive, send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start: dict = {}
        body: list[bytes] = []

        async def capture(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                if headers.get(b"content-type", b"").startswith(b"text/html"):
                    start.update(message)
                    return
                await send(message)
            elif start and message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if not message.get("more_body"):
                    await _send_patched(send, start, b"".join(body))
            else:
                await send(message)

        await app(scope, receive, capture)

    return middleware


async def _send_patched(send, start: dict, body: bytes) -> None:
    patched = recovering_index(accessible_index(body.decode("utf-8"))).encode("utf-8")
    headers = [
        (k, str(len(patched)).encode() if k == b"content-length" else v)
        for k, v in start.get("headers") or []
        if k not in (b"etag", b"last-modified")  # the patched page is not the file on disk
    ]
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": patched})
