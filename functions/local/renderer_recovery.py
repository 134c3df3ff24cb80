"""A page whose renderer crashed reloads itself once: for the served app and the static build alike.

Flutter's WebAssembly renderer (skwasm) can trap now and then ("memory access out of bounds",
"null function"; flutter/flutter#184858 is one such report). After a trap the engine draws
nothing more: the screen stays as it was while the session goes on behind it, so a wall tablet
would look alive and ignore every tap. A small script in <head> treats an uncaught
`WebAssembly.RuntimeError` as that crash and reloads the page: the kiosk starts again from its
kept pairing and queue (taps are stored before they are thanked for), the pulse and the console
from their kept sign-in. A second crash within a minute of the reload is left on screen, so a
page that cannot start is never reloaded in a loop.
"""

from __future__ import annotations

import re

MARK = "Tryghedspuls: a crashed renderer"

RECOVERY_SCRIPT = """<script>
    // __MARK__ reloads the page once (a trap in Flutter's WebAssembly).
    (function () {
      var KEY = "tryghedspuls.renderer-reloaded-at", QUIET_MS = 60000;
      function recover(error) {
        if (typeof WebAssembly !== "object" || !(error instanceof WebAssembly.RuntimeError)) return;
        try {
          var last = Number(sessionStorage.getItem(KEY) || 0);
          if (Math.abs(Date.now() - last) < QUIET_MS) return;  // crashed again: no reload loop
          sessionStorage.setItem(KEY, String(Date.now()));
        } catch (e) { return; }  // no storage, no way to stop a loop: leave the page be
        console.warn("Tryghedspuls: the renderer crashed (" + error.message + "); reloading");
        location.reload();
      }
      window.addEventListener("error", function (e) { recover(e.error); });
      window.addEventListener("unhandledrejection", function (e) { recover(e.reason); });
    })();
  </script>""".replace("__MARK__", MARK)


def recovering_index(html: str) -> str:
    """`html` with the recovery script first in <head>, before any of Flutter's scripts."""
    if MARK in html:
        return html  # already patched
    return re.sub(r"<head>", lambda _m: f"<head>\n  {RECOVERY_SCRIPT}", html, count=1, flags=re.I)
