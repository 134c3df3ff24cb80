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
MODULES = (
    "flet",
    "flet_charts",
    "app.main",
    "msgpack",
    "pyodide.http",
    "runpy",
    "traceback",
    "urllib.parse",
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
async function loadPyodideFromSnapshot(loadPyodide, options) {
    try {
        const pyodide = await loadPyodide({ ...options, _loadSnapshot: pyodideSnapshotBytes() });
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


def patch_worker(out: Path) -> None:
    """python-worker.js: restore the snapshot instead of booting Pyodide from scratch."""
    worker = out / "python-worker.js"
    text = worker.read_text(encoding="utf-8")
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
