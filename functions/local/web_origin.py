"""Keep the static PWA to its own origin (and the API): no script from anyone else.

Flet's web client adds a `<script>` for Rive's runtime from a public CDN (jsDelivr) on every
start, with the address compiled into main.dart.wasm/.js. The kiosk shows no Rive animation, and a
municipal tablet must ask no one but its own origin and the API, so a small guard in index.html
refuses to insert any script from another origin. Flet awaits that script's "load", which then
never comes: exactly what happened before when the request failed, and nothing waits on it.
"""

from __future__ import annotations

from pathlib import Path

SAME_ORIGIN_SCRIPTS = """<script>
    // Only scripts from this origin: Flet's client would add Rive's runtime from a public CDN.
    (() => {
      const foreign = (node) => node instanceof HTMLScriptElement && node.src &&
        new URL(node.src, document.baseURI).origin !== location.origin;
      for (const name of ["append", "appendChild", "insertBefore"]) {
        const original = Element.prototype[name] || Node.prototype[name];
        const patched = function (...args) {
          const nodes = name === "append" ? args : [args[0]];
          if (nodes.some(foreign)) {
            console.info("Not loading a script from another origin:", nodes.find(foreign).src);
            return name === "append" ? original.apply(this, args.filter((n) => !foreign(n)))
              : args[0];
          }
          return original.apply(this, args);
        };
        (name === "append" ? Element.prototype : Node.prototype)[name] = patched;
      }
    })();
  </script>"""


def keep_scripts_on_origin(out: Path) -> None:
    """index.html: add the guard as the first thing in <head>, before Flutter's scripts."""
    index = out / "index.html"
    html = index.read_text(encoding="utf-8")
    if html.count("<head>") != 1:
        raise RuntimeError("build-web: index.html has no single <head>; has flet-web changed?")
    index.write_text(html.replace("<head>", "<head>\n  " + SAME_ORIGIN_SCRIPTS, 1), "utf-8")
