"""The browser side of the static build: Flet's web client and Pyodide, from flet-web, patched.

Mirrors what `flet publish --no-cdn` does, offline (publish fetches a manifest from GitHub):
copy `flet_web/web`, patch `index.html` for Pyodide. Then what publish gets wrong for us: the
Pyodide URL must be `./`-relative for the module worker's import(), every base URL is made
relative so the build runs under any path of any static host, routes go after "#" (no server
fallback needed), and Flutter's own service worker — which unregisters itself, and would replace
ours — is neither shipped nor registered.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from flet.controls.types import RouteUrlStrategy
from flet_web import get_package_web_dir
from flet_web.patch_index import patch_font_manifest_json, patch_index_html

from functions.local.accessible_page import accessible_index
from functions.local.pwa_icons import BACKGROUND_COLOR, THEME_COLOR
from functions.local.renderer_recovery import recovering_index

APP_NAME = "Tryghedspuls"
APP_DESCRIPTION = "Anonym puls på psykologisk tryghed på arbejdspladsen."

# Files no browser path of this build loads: debug symbols, source maps, the renderers selected
# only by options we do not set (wimp, experimental_webparagraph), Pyodide's CLI and type stubs,
# micropip's wheels (no micropip without network) and the self-unregistering service worker.
SKIPPED_SUFFIXES = (".symbols", ".map", ".d.ts", ".whl")
SKIPPED_PATHS = {
    "flutter_service_worker.js",
    "canvaskit/experimental_webparagraph",
    "canvaskit/wimp.js",
    "canvaskit/wimp.wasm",
    "pyodide/python",
    "pyodide/python.bat",
    "pyodide/python.exe",
    "pyodide/python_cli_entry.mjs",
    "pyodide/package.json",
    "pyodide/pyodide.js",
}

REGISTER_SERVICE_WORKER = """<script>
    // Our own service worker (sw.js): precaches the whole build so the kiosk starts offline.
    // Registered after load so its precaching does not compete with the first start.
    if ("serviceWorker" in navigator) {
      window.addEventListener("load", () => {
        navigator.serviceWorker.register("sw.js").catch((e) => console.warn("sw.js:", e));
      });
    }
  </script>"""


def _skipped(relative: str) -> bool:
    return relative.endswith(SKIPPED_SUFFIXES) or any(
        relative == p or relative.startswith(p + "/") for p in SKIPPED_PATHS
    )


def copy_web_client(out: Path) -> None:
    """Copy flet-web's client and Pyodide into `out`, minus what this build never loads."""
    source = Path(get_package_web_dir())
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and not _skipped(relative):
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _replace_once(text: str, pattern: str, replacement: str, what: str) -> str:
    """Substitute exactly one match, or fail loudly: a new flet-web must not slip by unpatched."""
    patched, count = re.subn(pattern, lambda _m: replacement, text, count=1, flags=re.S)
    if count != 1:
        raise RuntimeError(f"build-web: could not patch {what}; has flet-web changed?")
    return patched


def patch_index(out: Path, entry_module: str) -> None:
    """index.html: Pyodide mode with local everything, relative URLs, hash routes, our PWA bits."""
    index = out / "index.html"
    patch_index_html(
        str(index),
        base_href="/",
        app_name=APP_NAME,
        app_description=APP_DESCRIPTION,
        pyodide=True,
        pyodide_script_path=f"{entry_module}.py",
        pyodide_version="bundled",  # any value: it makes patch_index write pyodideUrl
        app_package_url="app.tar.gz",
        route_url_strategy=RouteUrlStrategy.HASH,
        no_cdn=True,
    )
    html = index.read_text(encoding="utf-8")
    html = _replace_once(html, r'<base href="/">\s*', "", "<base>")
    for key, value in (
        ("pyodideUrl", "./pyodide/pyodide.mjs"),
        ("canvasKitBaseUrl", "./canvaskit/"),
        ("entrypointBaseUrl", "./"),
        ("assetBase", "./"),
    ):
        html = _replace_once(html, rf'flet\.{key}\s*=\s*"[^"]*";', f'flet.{key}="{value}";', key)
    html = _replace_once(
        html,
        r'<link rel="manifest" href="manifest.json">',
        f'<link rel="manifest" href="manifest.json">\n  '
        f'<meta name="theme-color" content="{THEME_COLOR}">\n  {REGISTER_SERVICE_WORKER}',
        "manifest link",
    )
    html = _replace_once(html, r"background: #ffffff;", f"background: {BACKGROUND_COLOR};", "bg")
    index.write_text(recovering_index(accessible_index(html)), encoding="utf-8")  # as served


def patch_font_manifest(out: Path) -> None:
    """Register flet-web's bundled Roboto, as Flet's own server does with no_cdn: else Flutter
    asks the (absent) fallback-font location for it on every start."""
    patch_font_manifest_json(str(out / "assets" / "FontManifest.json"))


def patch_bootstrap(out: Path) -> None:
    """flutter_bootstrap.js: drop serviceWorkerSettings, which would swap ours for Flutter's."""
    bootstrap = out / "flutter_bootstrap.js"
    text = bootstrap.read_text(encoding="utf-8")
    text = _replace_once(text, r"serviceWorkerSettings:\s*\{.*?\},\s*", "", "serviceWorkerSettings")
    bootstrap.write_text(text, encoding="utf-8")
