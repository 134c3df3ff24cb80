"""The static build's Pyodide memory snapshot: Python started, flet and the app imported, at build.

Without it a tablet spends 3-5 s of every start booting Pyodide and importing flet and the app.
`build-web` boots the build's own Pyodide once under Node.js (pyodide_snapshot.mjs), imports the
modules below and saves Pyodide's memory; the browser's Pyodide worker (python_worker.py)
restores it in a fraction of a second. The file system is not part of a snapshot: the worker
still unpacks app.tar.gz, which later imports (and the admin and pulse screens) read.

A snapshot only fits the Pyodide that made it (Pyodide checks its build id). If restoring fails
for any reason — another Pyodide, a damaged download — the worker boots the usual way.

Same inputs, same bytes: the clock and the random source Python sees while the snapshot is made
are fixed, and Python's hash seed is 0. After a restore the worker reseeds `random` so no two
tablets share its state; ids and tokens come from os.urandom, which no snapshot holds.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

SNAPSHOT_FILE = "pyodide-snapshot.bin.gz"
MAKER = Path(__file__).with_name("pyodide_snapshot.mjs")
# What the first screen needs, and what the worker's boot script imports before the app runs.
# `import flet` resolves `ft.Button` and the like only when first used, so the controls and the
# session machinery the first screen touches are listed one by one: measured as what a kiosk
# imported after a restore (its `sys.modules` against the snapshot's). Not listed because they
# need the browser's worker: flet_js and flet.messaging.pyodide_connection. Not listed either: the
# pulse and admin screens (app/root.py imports them on their routes) and flet_charts, which only
# the pulse draws with; a snapshot without them is ~6 MB less memory on every tablet.
MODULES = (
    "flet",
    "app.main",
    "app._build_config",
    "msgpack",
    "pyodide.http",
    "runpy",
    "traceback",
    "urllib.parse",
    "tarfile",
    "importlib.readers",
    "importlib.resources",
    "importlib.resources._adapters",
    "importlib.resources.readers",
    "queue",
    "concurrent.futures.thread",
    "flet.app",
    "flet.messaging.connection",
    "flet.messaging.protocol",
    "flet.messaging.session",
    "flet.messaging.session_store",
    "flet.pubsub.pubsub_client",
    "flet.pubsub.pubsub_hub",
    "flet.utils.pip",
    "flet.components.component",
    "flet.components.public_utils",
    "flet.components.router",
    "flet.components.hooks.use_effect",
    "flet.components.hooks.use_memo",
    "flet.components.hooks.use_ref",
    "flet.components.hooks.use_state",
    "six.moves.urllib",
    *(
        f"flet.controls.{name}"
        for name in (
            "base_page",
            "events",
            "buttons",
            "control_state",
            "device_info",
            "dialog_control",
            "geometry",
            "multi_view",
            "object_patch",
            "page",
            "query_string",
            "theme",
            "core.animated_switcher",
            "core.autofill_group",
            "core.column",
            "core.gesture_detector",
            "core.icon",
            "core.row",
            "core.semantics",
            "core.stack",
            "core.text",
            "core.view",
            "core.window",
            "material.app_bar",
            "material.bottom_app_bar",
            "material.button",
            "material.container",
            "material.expansion_tile",
            "material.filled_button",
            "material.floating_action_button",
            "material.icons",
            "material.form_field_control",
            "material.list_tile",
            "material.menu_bar",
            "material.navigation_bar",
            "material.navigation_drawer",
            "material.navigation_rail",
            "material.popup_menu_button",
            "material.progress_ring",
            "material.slider",
            "material.snack_bar",
            "material.tabs",
            "material.text_button",
            "material.textfield",
            "services.semantics_service",
            "services.shared_preferences",
            "services.url_launcher",
            "services.wakelock",
        )
    ),
)
# A snapshot is ~31 MB of memory; level 6 gets it to ~8 MB in a second (9 saves 1 % in 9 s).
GZIP_LEVEL = 6
NODE_HELP = (
    "build-web makes a Pyodide memory snapshot with Node.js 18 or newer, and found no `node` "
    "on PATH. On Debian: `sudo apt-get install nodejs` (or `make system`)."
)


class SnapshotFailed(Exception):
    """Node.js is missing, or the build's Pyodide could not import the app under it."""


def find_node() -> str:
    """The Node.js executable (Debian installs both `node` and `nodejs`)."""
    for name in ("node", "nodejs"):
        found = shutil.which(name)
        if found:
            return found
    raise SnapshotFailed(NODE_HELP)


def make_snapshot(out: Path, modules: tuple[str, ...] = MODULES) -> int:
    """Write the gzip'd snapshot of the build in `out`; return its size in bytes."""
    raw = out / "pyodide-snapshot.bin"
    command = [find_node(), str(MAKER), str(out), str(raw), *modules]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    if run.returncode != 0:
        raise SnapshotFailed(f"making the Pyodide snapshot failed:\n{run.stderr[-3000:]}")
    packed = gzip.compress(raw.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
    raw.unlink()
    (out / SNAPSHOT_FILE).write_bytes(packed)
    return len(packed)
