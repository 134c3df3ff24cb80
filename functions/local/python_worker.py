"""Flet's Pyodide worker (python-worker.js), patched for the static build.

Two changes, each failing the build loudly if flet-web's worker no longer matches: Python starts
from the build's memory snapshot (web_snapshot.py), falling back to Flet's own boot; and the app
archive is unpacked in JavaScript rather than by Python's tarfile.
"""

from __future__ import annotations

from pathlib import Path

from functions.local.web_snapshot import SNAPSHOT_FILE

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
