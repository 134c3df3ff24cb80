"""`tryghedspuls build-web`: the kiosk (and pulse, admin) as a static, offline, installable PWA.

The build runs Python in the browser (Pyodide) and needs no network at run time except the API:
Flet's web client, CanvasKit, Pyodide, the app and its dependencies are all inside.
Serve the folder from any static host; / opens the kiosk, /#/pulse and /#/admin the other pages.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from functions.local.pwa_files import GENERATED_MARK, SERVICE_WORKER, write_pwa_files
from functions.local.pwa_icons import render_icons
from functions.local.pyodide_linking import link_functions_at_once
from functions.local.pyodide_wheels import compiled_wheels
from functions.local.python_worker import patch_worker
from functions.local.signin_page import write_signin_page
from functions.local.web_bundle import ENTRY_MODULE, bundle_members, package_root, tar_gz
from functions.local.web_client import (
    copy_web_client,
    patch_bootstrap,
    patch_font_manifest,
    patch_index,
)
from functions.local.web_origin import keep_scripts_on_origin
from functions.local.web_scripts import externalise_inline_scripts
from functions.local.web_snapshot import make_snapshot

log = logging.getLogger(__name__)


class NotABuildFolder(Exception):
    """`--out` names a folder with other things in it: the build would delete them."""


def _empty_out(out: Path) -> None:
    """Make `out` an empty folder; only an earlier build (recognised by its sw.js) is deleted."""
    if out.exists():
        worker = out / SERVICE_WORKER
        ours = worker.is_file() and worker.read_text(errors="replace").startswith(GENERATED_MARK)
        if any(out.iterdir()) and not ours:
            raise NotABuildFolder(f"{out} is not empty and holds no earlier build; not touching it")
        shutil.rmtree(out)
    out.mkdir(parents=True)


def _copy_app_assets(app_dir: Path, out: Path) -> None:
    """The app's assets (fonts) go to the build's root, where Flet's client looks for them."""
    assets = app_dir / "assets"
    if assets.is_dir():
        shutil.copytree(assets, out, dirs_exist_ok=True, copy_function=shutil.copyfile)


def build_web(api_url: str, out: Path) -> str:
    """Build the static app into `out` (emptied first); return the build's version hash."""
    out = Path(out)
    _empty_out(out)
    app_dir = package_root("app")
    copy_web_client(out)
    _copy_app_assets(app_dir, out)
    for path, data in render_icons().items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    wheels = compiled_wheels(out / "pyodide")
    members = bundle_members(app_dir, api_url.rstrip("/"), wheels)
    (out / "app.tar.gz").write_bytes(tar_gz(members))
    patch_index(out, ENTRY_MODULE)
    patch_bootstrap(out)
    patch_font_manifest(out)
    keep_scripts_on_origin(out)
    link_functions_at_once(out)  # before the snapshot: made and restored by the same loader
    snapshot = make_snapshot(out)
    patch_worker(out)
    write_signin_page(out)  # the provider's way back into the app (issue 15)
    externalise_inline_scripts(out)  # for the host's CSP: scripts from the origin only
    version = write_pwa_files(out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(
        f"Built {out} ({size / 1e6:.1f} MB, of which the Python snapshot {snapshot / 1e6:.1f} MB; "
        f"version {version}); API: {api_url or '(none)'}"
    )
    return version
