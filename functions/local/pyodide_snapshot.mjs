// Makes the static build's Pyodide memory snapshot: run by `tryghedspuls build-web` under Node.
// Usage: node pyodide_snapshot.mjs BUILD_DIR OUT_FILE MODULE...
// Boots the build's own Pyodide, unpacks app.tar.gz where the browser's worker does (the home
// folder, in MEMFS: a NODEFS mount cannot be in a snapshot), imports MODULE... and writes the
// snapshot. The file system is not in the snapshot: the worker still unpacks the app at load.
import nodeCrypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [build, outFile, ...modules] = process.argv.slice(2);
const indexURL = resolve(build, "pyodide") + "/";
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);

// Same inputs, same bytes: what Python reads of the clock and of "random" while it starts and
// imports is kept in its memory (random's state, import caches' times), so both are fixed here,
// as SOURCE_DATE_EPOCH fixes a compiler's clock. The worker reseeds "random" after a restore.
const FIXED_MS = 946684800000; // 2000-01-01, as the archive's times
let ticks = 0;
Date.now = () => FIXED_MS + ticks;
performance.now = () => (ticks += 1);
let state = 0x2545f491;
const fill = (view) => {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let i = 0; i < bytes.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return view;
};
nodeCrypto.randomFillSync = fill;
globalThis.crypto.getRandomValues = fill;

// No output on stdout but ours; Python's prints go to stderr, where the build shows failures.
const py = await loadPyodide({
  indexURL,
  _makeSnapshot: true,
  // A fixed hash seed: the same build gives the same snapshot (see web_snapshot.py for why).
  // msgpack's pure Python: a snapshot cannot hold a compiled module (the entry module, in
  // web_bundle.py, swaps the compiled one in after a restore).
  env: { PYTHONHASHSEED: "0", MSGPACK_PUREPYTHON: "1" },
  stdout: (line) => process.stderr.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
py.FS.writeFile("app.tar.gz", readFileSync(join(build, "app.tar.gz")));
py.globals.set("modules", py.toPy(modules));
// A failure is said as Python's traceback alone (Node would print the minified line it came from).
try {
py.runPython(`
import os, shutil, sys, importlib
shutil.unpack_archive("app.tar.gz", ".", "gztar")
os.remove("app.tar.gz")
importlib.invalidate_caches()  # the clock stands still here, so directory times cannot tell
sys.path.insert(0, "__pypackages__")  # as the worker does after unpacking
for name in modules:
    importlib.import_module(name)
del modules
# Flet works out each control class's validation rules (from its type hints) the first time it
# meets the class, and keeps them: worked out here, they are in the snapshot rather than in every
# tablet's first screen (0.05-0.1 s of a start). A name Flet keeps to itself: should an update
# move it, the build stops here and says so. (The icons' table is left to load on first use: in
# the snapshot it made the boot slower, not faster.)
def compile_control_specs():
    from flet.controls.base_control import BaseControl
    from flet.utils.validation import _compile_class_spec
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)
    controls = sorted(set(subclasses(BaseControl)), key=lambda c: (c.__module__, c.__qualname__))
    for control in controls:  # in a fixed order: the same build, the same snapshot bytes
        _compile_class_spec(control)
compile_control_specs()
del compile_control_specs
# Pyodide's snapshot is memory only: a compiled module loaded now would be gone after a restore
# while Python still pointed into it. Stop the build rather than ship a kiosk that crashes.
compiled = sorted(
    n for n, m in sys.modules.items() if (getattr(m, "__file__", None) or "").endswith(".so"))
if compiled:
    raise RuntimeError(f"compiled modules cannot be in the snapshot: {compiled}")
# What is imported now lives as long as the page: frozen, no garbage collection walks it again
# (a full collection over flet's objects costs a Pyodide start a noticeable pause).
import gc
gc.collect()
gc.freeze()
`);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
writeFileSync(outFile, py.makeMemorySnapshot());
