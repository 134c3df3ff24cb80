"""The static build's Pyodide memory snapshot: Python started, flet and the app imported, at build.

Without it a tablet spends 3-5 s of every start booting Pyodide and importing flet and the app.
`build-web` boots the build's own Pyodide once under Node.js (pyodide_snapshot.mjs), imports the
modules below and saves Pyodide's memory; the browser's Pyodide worker, patched here, restores it
in a fraction of a second. The file system is not part of a snapshot: the worker still unpacks
app.tar.gz, which later imports (and the admin and pulse screens) read.

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
# need the browser's worker: flet_js and flet.messaging.pyodide_connection.
MODULES = (
    "flet",
    "flet_charts",
    "app.main",
    "app._build_config",
    "msgpack",
    "pyodide.http",
    "runpy",
    "traceback",
    "urllib.parse",
    "tarfile",
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
            "core.autofill_group",
            "core.row",
            "core.semantics",
            "core.stack",
            "core.text",
            "core.view",
            "core.window",
            "material.app_bar",
            "material.bottom_app_bar",
            "material.button",
            "material.expansion_tile",
            "material.filled_button",
            "material.floating_action_button",
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


BOOT_FROM_SNAPSHOT = """// Added by `tryghedspuls build-web`: boot from the build's memory snapshot
// (Python with flet and the app already imported). On any failure (another Pyodide,
// a damaged file) boot as usual.
self.pyodideBoot = "normal";
async function pyodideSnapshotBytes() {
    const response = await fetch(new URL("%(file)s", self.location));
    if (!response.ok) throw new Error(`${response.status} for %(file)s`);
    const packed = await response.arrayBuffer();
    const head = new Uint8Array(packed, 0, 2);
    if (head[0] !== 0x1f || head[1] !== 0x8b) return new Uint8Array(packed);  // host unzipped it
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
}
// Pyodide 314.0.7 copies a snapshot into the memory a fresh start has, which is smaller than a
// snapshot holding flet and the app: grow it first, through malloc so Emscripten sees it.
function growingTo(createPyodideModule, bytes) {
    return async (settings) => {
        const module = await createPyodideModule(settings);
        const held = [];
        while (module.HEAP8.length < bytes) {
            const block = module._malloc(bytes - module.HEAP8.length);
            if (!block) throw new Error("no memory for the snapshot");
            held.push(block);
        }
        held.forEach((block) => module._free(block));
        return module;
    };
}
async function loadPyodideFromSnapshot(loadPyodide, options) {
    try {
        const snapshot = await pyodideSnapshotBytes();
        const asm = new URL("pyodide.asm.mjs", new URL(self.pyodideUrl, self.location));
        const createPyodideModule = growingTo((await import(asm)).default, snapshot.length);
        const pyodide = await loadPyodide(
            { ...options, _loadSnapshot: snapshot, createPyodideModule });
        delete pyodide._api.config._loadSnapshot;  // else Pyodide keeps the ~38 MB copy alive
        // Every tablet restores the same memory: give `random` a state of its own.
        pyodide.runPython("import random; random.seed()");
        self.pyodideBoot = "snapshot";
        return pyodide;
    } catch (error) {
        console.warn("Pyodide snapshot not used; booting without it:", error);
        self.pyodideBoot = "fallback";
        return await loadPyodide(options);
    }
}
"""


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise RuntimeError(f"build-web: could not patch python-worker.js at {old!r}")
    return text.replace(old, new)


# Python's tarfile takes ~2 s of a start on a busy machine to unpack our ~400 files (its "data"
# filter checks every path); this does it in JavaScript in a few milliseconds. The archive is our
# own (build-web writes it: GNU tar, regular files only, long names as "L" entries).
UNPACK_APP = """async function unpackAppArchive(response) {
    const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
    const tar = new Uint8Array(await new Response(stream).arrayBuffer());
    const FS = self.pyodide.FS, home = FS.cwd(), text = new TextDecoder();
    const read = (bytes) => {
        const end = bytes.indexOf(0);
        return text.decode(end < 0 ? bytes : bytes.subarray(0, end));
    };
    let offset = 0, longName = null;
    while (offset + 512 <= tar.length && tar[offset] !== 0) {
        const size = parseInt(read(tar.subarray(offset + 124, offset + 136)).trim() || "0", 8);
        const type = String.fromCharCode(tar[offset + 156]);
        const data = tar.subarray(offset + 512, offset + 512 + size);
        const name = longName ?? read(tar.subarray(offset, offset + 100));
        longName = type === "L" ? read(data) : null;
        if (type === "0" || type === "\\0") {
            const path = `${home}/${name}`;
            FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
            FS.writeFile(path, data);
        }
        offset += 512 + Math.ceil(size / 512) * 512;
    }
}
self.flet_js.unpackAppArchive = unpackAppArchive;"""
UNPACK = "await response.unpack_archive(format=_archive_format)"
FLET_JS = "self.flet_js = {}; // namespace for Python global functions"


def patch_worker(out: Path) -> None:
    """python-worker.js: restore the snapshot instead of booting Pyodide from scratch."""
    worker = out / "python-worker.js"
    text = worker.read_text(encoding="utf-8")
    text = _replace_once(text, FLET_JS, f"{FLET_JS}\n{UNPACK_APP}")
    text = _replace_once(text, UNPACK, "await flet_js.unpackAppArchive(response.js_response)")
    text = _replace_once(
        text,
        "self.pyodide = await loadPyodide({",
        "self.pyodide = await loadPyodideFromSnapshot(loadPyodide, {",
    )
    # Say which way Python started (the worker's `self.pyodideBoot` holds it too).
    started = 'self.postMessage("initialized");'
    said = f'console.info("Pyodide boot:", self.pyodideBoot); {started}'
    text = _replace_once(text, started, said)
    worker.write_text(BOOT_FROM_SNAPSHOT % {"file": SNAPSHOT_FILE} + "\n" + text, encoding="utf-8")
