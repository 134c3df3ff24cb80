"""Pyodide links ~260 JavaScript functions into its function table at once, not one by one.

At every start Emscripten's dynamic linker gives each JavaScript function that WebAssembly code
takes the address of (Pyodide's and Emscripten's JS library) a slot in the function table. A
plain JS function cannot go into a table, so each is wrapped in a WebAssembly function of its
own: one tiny module compiled and instantiated per function, ~260 of them, which Chromium's trace
showed as ~73 ms of the Python worker's start (wasm.SyncCompile, wasm.SyncInstantiate); 43 ms
with this patch. The patched linker hands out the same slots in the same order (the memory
snapshot holds those slot numbers) and fills the wrapped ones from a single module that imports
and re-exports them all: re-exporting an import is exactly the wrapper Emscripten builds for each.

The patch matches Pyodide 314.0.7's pyodide.asm.mjs; should a new Pyodide differ, the build
stops and says so (as the worker's patches do).
"""

from __future__ import annotations

from pathlib import Path

LOADER = "pyodide/pyodide.asm.mjs"

# Emscripten's addFunction, except that a function that needs a wrapper gets its slot now and
# its wrapper later, from wrapAllAtOnce.
HELPERS = (
    "var addFunctionWrapLater=(func,sig,later)=>{var rtn=getFunctionAddress(func);"
    "if(rtn){return rtn}var ret=getEmptyTableSlot();try{setWasmTableEntry(ret,func)}"
    "catch(err){if(!(err instanceof TypeError)){throw err}later.push([ret,func,sig])}"
    "functionsInTableMap.set(func,ret);return ret};"
    "var wrapAllAtOnce=later=>{if(!later.length){return}"
    "var leb=n=>{var out=[];do{var b=n&127;n>>>=7;if(n){b|=128}out.push(b)}while(n);return out};"
    "var name=i=>{var s=String(i);return[s.length,...Array.from(s,c=>c.charCodeAt(0))]};"
    "var section=(id,items)=>{var body=[...leb(items.length),...items.flat()];"
    "return[id,...leb(body.length),...body]};"
    "var types=[],typeOf=new Map,imports=[],exported=[],functions={};"
    "later.forEach(([slot,func,sig],i)=>{var type=typeOf.get(sig);"
    "if(type===undefined){type=types.length;typeOf.set(sig,type);"
    'types.push([96,...generateTypePack(sig.slice(1)),...generateTypePack(sig[0]==="v"?"":sig[0])])}'
    "imports.push([1,101,...name(i),0,...leb(type)]);exported.push([...name(i),0,...leb(i)]);"
    "functions[i]=func});"
    "var bytes=Uint8Array.of(0,97,115,109,1,0,0,0,...section(1,types),...section(2,imports),"
    "...section(7,exported));"
    "var instance=new WebAssembly.Instance(new WebAssembly.Module(bytes),{e:functions});"
    "later.forEach(([slot],i)=>setWasmTableEntry(slot,instance.exports[i]))};"
)
PATCHES = (
    (
        "var reportUndefinedSymbols=()=>{for(",
        f"{HELPERS}var reportUndefinedSymbols=()=>{{var wrapLater=[];for(",
    ),
    (
        'if(typeof value=="function"){entry.value=addFunction(value,value.sig)}',
        'if(typeof value=="function"){entry.value=addFunctionWrapLater(value,value.sig,wrapLater)}',
    ),
    ("}}}};var loadDylibs=", "}}}wrapAllAtOnce(wrapLater)};var loadDylibs="),
)


def link_functions_at_once(out: Path) -> None:
    """Patch the build's Pyodide loader (see the module's docstring)."""
    loader = out / LOADER
    text = loader.read_text(encoding="utf-8")
    for old, new in PATCHES:
        if text.count(old) != 1:
            raise RuntimeError(
                f"build-web: could not patch {LOADER} at {old!r}; has Pyodide changed?"
            )
        text = text.replace(old, new)
    loader.write_text(text, encoding="utf-8")
