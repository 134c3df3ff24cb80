"""Flet's Pyodide worker (python-worker.js), patched for the static build.

Three changes, each failing the build loudly if flet-web's worker no longer matches: Python starts
from the build's memory snapshot (web_snapshot.py), falling back to Flet's own boot; the app
archive is unpacked in JavaScript rather than by Python's tarfile; and all of that starts as soon
as the worker does, which the page (python.js) makes happen at once rather than after Flutter has
loaded: the two starts overlap instead of following each other.
"""

from __future__ import annotations

from pathlib import Path

from functions.local.web_bundle import APP_ARCHIVE
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
// `size()` is the snapshot's heap, without its header: aiming at the whole file overshot by the
// header, and the loop then took thousands of small mallocs and a second, larger memory.
function growingTo(createPyodideModule, size) {
    return async (settings) => {
        const module = await createPyodideModule(settings);
        const bytes = size();
        const held = [];
        while (module.HEAP8.length < bytes) {
            const block = module._malloc(bytes - module.HEAP8.length);
            if (!block) throw new Error("no memory for the snapshot");
            held.push(block);
        }
        held.forEach((block) => module._free(block));
        copyingOnlyWhatDiffers(module.HEAP8);
        return module;
    };
}
// A third of a snapshot is pages of zeros, which fresh memory already is: restoring copies only
// the pages that differ, so untouched pages cost the tablet no memory (~15 MB).
function copyingOnlyWhatDiffers(heap) {
    const PAGE = 1024;  // in 32-bit words: 4 KiB
    const zeros = (words, start) => {
        for (let i = start; i < start + PAGE; i++) if (words[i] !== 0) return false;
        return true;
    };
    heap.set = function (source, offset = 0) {
        if (offset %% (4 * PAGE) || source.byteOffset %% 4 || source.length %% (4 * PAGE)) {
            return Int8Array.prototype.set.call(this, source, offset);
        }
        const from = new Int32Array(source.buffer, source.byteOffset, source.length / 4);
        const to = new Int32Array(this.buffer, this.byteOffset + offset, source.length / 4);
        for (let at = 0; at < from.length; at += PAGE) {
            if (!(zeros(from, at) && zeros(to, at))) to.set(from.subarray(at, at + PAGE), at);
        }
    };
}
// Gives the snapshot's 38 MB back at once rather than at a garbage collection, which an idle
// worker may not have for minutes: a buffer transferred into a closed channel is freed with it.
function releaseNow(buffer) {
    try {
        const { port1, port2 } = new MessageChannel();
        port2.close();
        port1.postMessage(null, [buffer]);
        port1.close();
    } catch (error) {
        // Python is up: a buffer that cannot be transferred waits for the garbage collector.
    }
}
async function loadPyodideFromSnapshot(loadPyodide, options) {
    try {
        // Read while Pyodide fetches its WebAssembly (it waits for this promise, then restores).
        let heap = 0;  // the snapshot without its header: restoreSnapshot's [magic, size, …]
        const snapshot = pyodideSnapshotBytes().then((bytes) => {
            heap = bytes.length - new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
            return bytes;
        });
        const asm = new URL("pyodide/pyodide.asm.mjs", self.location);  // as index.html says
        const createPyodideModule = growingTo((await import(asm)).default, () => heap);
        const pyodide = await loadPyodide(
            { ...options, _loadSnapshot: snapshot, createPyodideModule });
        delete pyodide._api.config._loadSnapshot;  // else Pyodide keeps the ~38 MB copy alive
        releaseNow((await snapshot).buffer);
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


# Python starts while Flutter loads: the page makes this worker at once (python.js below), and the
# worker restores the snapshot and unpacks the app before Flutter asks for Python. Flet's boot
# script then finds Python ready and the app's files in place; the options it passes are those
# below. The build puts Pyodide and the app archive next to this worker, where index.html says.
EARLY_BOOT = """// Added by `tryghedspuls build-web`: boot at once, not when Flutter asks.
let pyodideStarting = null;
function bootPyodide(options) {
    pyodideStarting ??= (async () => {
        // Fetched and unzipped while Pyodide's WebAssembly compiles; written once Python is up.
        const archive = fetch(new URL("%(archive)s", self.location)).then(readAppArchive);
        const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", self.location));
        const pyodide = await loadPyodideFromSnapshot(loadPyodide, options);
        self.pyodide = pyodide;
        self.appUnpacked = archive.then((tar) => writeAppFiles(pyodide.FS, tar));
        return pyodide;
    })();
    return pyodideStarting;
}
bootPyodide({
    stdout: (text) => self.sendPythonOutput(text, false),
    stderr: (text) => self.sendPythonOutput(text, true),
});"""
# Flet's boot script fetches the archive again and unpacks it with Python: both are done already
# (above), so it is handed a stand-in for the response and waits for the files to be in place.
# Its fetch alone cost ~45 ms of every start, on the way to the first screen.
UNPACKED = """self.flet_js.appArchive = { ok: true, js_response: null };
self.flet_js.unpackAppArchive = async () => {
    await self.appUnpacked;
};"""
FETCH = "response = await pyfetch(app_package_url)"
# The page's side: Flet's python.js makes the worker when Flutter's engine connects, ~0.5 s into
# a start; this makes it when the page loads, and hands it over then.
EARLY_WORKER = """// Added by `tryghedspuls build-web`: start Python's worker with the page.
let earlyPythonWorker = new Worker("python-worker.js", { type: "module" });
function takeEarlyPythonWorker() {
    const worker = earlyPythonWorker;
    earlyPythonWorker = null;
    return worker;
}
"""
NEW_WORKER = "app.worker = new Worker("

# Python's tarfile takes ~2 s of a start on a busy machine to unpack our ~400 files (its "data"
# filter checks every path); this does it in JavaScript in a few milliseconds. The archive is our
# own (build-web writes it: GNU tar, regular files only, long names as "L" entries).
UNPACK_APP = """async function readAppArchive(response) {
    if (!response.ok) throw new Error(`${response.status} for ${response.url}`);
    const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
}
function writeAppFiles(FS, tar) {
    const home = FS.cwd(), text = new TextDecoder();
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
"""
UNPACK = "await response.unpack_archive(format=_archive_format)"
FLET_JS = "self.flet_js = {}; // namespace for Python global functions"


# Chromium compiles a script's functions lazily, each on its first call, and a service worker's
# cached copy keeps only the top level's compiled code: Pyodide's loader then compiled ~70 ms of
# functions on every start. This comment (V8's explicit compile hints) has them compiled with the
# script, in the background while it streams, and kept with it. Measured: 75 -> 22 ms.
COMPILE_ALL = b"//# allFunctionsCalledOnLoad\n"
EAGER_SCRIPTS = ("pyodide/pyodide.mjs", "pyodide/pyodide.asm.mjs")


def hint_eager_compile(out: Path) -> None:
    """Mark Pyodide's loader scripts as called on load (see COMPILE_ALL)."""
    for name in EAGER_SCRIPTS:
        script = out / name
        script.write_bytes(COMPILE_ALL + script.read_bytes())


def patch_worker(out: Path) -> None:
    """python-worker.js: restore the snapshot instead of booting Pyodide from scratch."""
    worker = out / "python-worker.js"
    text = worker.read_text(encoding="utf-8")
    text = _replace_once(text, FLET_JS, f"{FLET_JS}\n{UNPACK_APP}\n{UNPACKED}")
    text = _replace_once(text, FETCH, "response = flet_js.appArchive")
    text = _replace_once(text, UNPACK, "await flet_js.unpackAppArchive(response.js_response)")
    text = _replace_once(
        text,
        "self.pyodide = await loadPyodide({",
        "self.pyodide = await bootPyodide({",
    )
    # Say which way Python started (the worker's `self.pyodideBoot` holds it too).
    started = 'self.postMessage("initialized");'
    said = f'console.info("Pyodide boot:", self.pyodideBoot); {started}'
    text = _replace_once(text, started, said)
    boot = BOOT_FROM_SNAPSHOT % {"file": SNAPSHOT_FILE}
    early = EARLY_BOOT % {"archive": APP_ARCHIVE}
    worker.write_text(f"{boot}\n{text}\n{early}\n", encoding="utf-8")
    hint_eager_compile(out)
    page = out / "python.js"
    text = _replace_once(
        page.read_text(encoding="utf-8"),
        NEW_WORKER,
        "app.worker = takeEarlyPythonWorker() || new Worker(",
    )
    page.write_text(f"{EARLY_WORKER}\n{text}", encoding="utf-8")
