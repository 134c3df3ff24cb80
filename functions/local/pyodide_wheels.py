"""Compiled modules for the static build's Pyodide: msgpack's, from its wheel on PyPI.

Every message between Flet's Python and Flutter is msgpack. As pure Python under Pyodide it packs
~13x slower than msgpack's compiled module, and a kiosk's first screen is ~15 messages: with the
compiled module a static kiosk reloaded 0.21 s sooner (median of 12 reloads A/B, 1.46 -> 1.25 s).
PyPI carries msgpack wheels built for Pyodide (platform `pyemscripten_<abi>_wasm32`), so the build
fetches the one for the bundled Pyodide with pip and ships its package in place of this
environment's pure-Python copy.

The wheel is pinned by name and SHA-256 (PINNED), so the same build gives the same bytes; it is
downloaded once into a cache. Without the network and a cached copy, or for a Pyodide or msgpack
with no pin here, the build goes on with pure-Python msgpack (the same messages, only slower) and
says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

# Wheels built for Pyodide 314 (CPython 3.14, Emscripten ABI 2026_0), as PyPI published them.
PINNED = {
    "msgpack-1.2.4-cp314-cp314-pyemscripten_2026_0_wasm32.whl": (
        "06a0657a4110d563255006b7cb7147432f67827144e429c2cdb1c967548d1817"
    ),
}
COMPILED = ("msgpack",)


def cache_dir() -> Path:
    """Where fetched wheels are kept between builds (XDG's cache folder)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tryghedspuls" / "pyodide-wheels"


def wheel_name(package: str, pyodide: Path) -> tuple[str, str]:
    """(wheel file name, platform tag) of `package` as installed here, for this Pyodide."""
    info = json.loads((pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    python = "".join(info["python"].split(".")[:2])
    platform = f"pyemscripten_{info['abi_version']}_{info['arch']}"
    return f"{package}-{version(package)}-cp{python}-cp{python}-{platform}.whl", platform


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _download(package: str, name: str, platform: str, into: Path) -> None:
    """pip fetches the wheel (pip knows the index, proxy and certificates configured here)."""
    python = name.split("-")[2]  # cp314
    with tempfile.TemporaryDirectory() as scratch:
        command = [
            sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
            "--only-binary=:all:", "--platform", platform, "--implementation", "cp",
            "--python-version", python.removeprefix("cp"), "--abi", python,
            "--dest", scratch, f"{package}=={version(package)}",
        ]  # fmt: skip
        run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)  # noqa: S603
        fetched = Path(scratch) / name
        if run.returncode != 0 or not fetched.is_file():
            last = (run.stderr.strip().splitlines() or ["no wheel"])[-1]
            raise OSError(f"pip could not fetch {name}: {last}")
        into.mkdir(parents=True, exist_ok=True)
        shutil.move(fetched, into / name)


def compiled_wheel(package: str, pyodide: Path) -> Path | None:
    """The pinned wheel of `package` for this Pyodide, fetched if need be; None, said, if not."""
    name, platform = wheel_name(package, pyodide)
    pinned = PINNED.get(name)
    if pinned is None:
        _say(package, f"no wheel {name} is pinned in {__name__}.PINNED")
        return None
    cached = cache_dir() / name
    if cached.is_file() and _sha256(cached) != pinned:
        cached.unlink()  # a damaged or foreign file: fetch it again
    if not cached.is_file():
        try:
            _download(package, name, platform, cache_dir())
        except (OSError, subprocess.SubprocessError) as error:
            _say(package, str(error))
            return None
    if _sha256(cached) != pinned:
        cached.unlink()
        _say(package, f"{name} from the index does not match its pinned SHA-256; not used")
        return None
    return cached


def compiled_wheels(pyodide: Path) -> list[Path]:
    """Every pinned compiled wheel this build can ship (see COMPILED)."""
    found = (compiled_wheel(package, pyodide) for package in COMPILED)
    return [wheel for wheel in found if wheel is not None]


def _say(package: str, problem: str) -> None:
    print(
        f"build-web: {problem}. The static kiosk runs {package} as pure Python: it works the "
        "same, only slower (for msgpack ~0.2 s on every start).",
        file=sys.stderr,
    )
