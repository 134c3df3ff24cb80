"""The static build's compiled msgpack: fetched by pip once, pinned by hash, optional.

pip runs for real here, against a local folder of wheels in place of PyPI (`--no-index`), so the
tests neither need nor touch the network; the first one takes the real wheel from PyPI (or the
cache a build left) to fill that folder.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from functions.local.pyodide_wheels import PINNED, cache_dir, compiled_wheel, wheel_name
from functions.local.web_client import copy_web_client


@pytest.fixture(scope="module")
def pyodide(tmp_path_factory) -> Path:
    """The Pyodide the build bundles (only its lock file is read)."""
    out = tmp_path_factory.mktemp("client")
    copy_web_client(out)
    return out / "pyodide"


@pytest.fixture(scope="module")
def real_wheel(pyodide, tmp_path_factory) -> Path:
    """msgpack's pinned wheel as PyPI has it, kept aside from any cache the tests change."""
    wheel = compiled_wheel("msgpack", pyodide)
    assert wheel is not None, "the pinned msgpack wheel could not be fetched from PyPI"
    kept = tmp_path_factory.mktemp("index") / wheel.name
    shutil.copyfile(wheel, kept)
    return kept


@pytest.fixture
def offline(tmp_path, monkeypatch) -> Path:
    """An empty cache, and pip limited to a local folder of wheels (returned, empty)."""
    links = tmp_path / "links"
    links.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(links))
    return links


def test_the_wheel_for_the_bundled_pyodide_is_pinned(pyodide):
    name, platform = wheel_name("msgpack", pyodide)
    assert platform == "pyemscripten_2026_0_wasm32"
    assert name in PINNED


def test_pip_fetches_the_pinned_wheel_once_into_the_cache(pyodide, real_wheel, offline, capsys):
    # Given an index that holds the pinned wheel
    shutil.copyfile(real_wheel, offline / real_wheel.name)
    # When the build asks for it twice
    first = compiled_wheel("msgpack", pyodide)
    (offline / real_wheel.name).unlink()  # the second time there is no index to ask
    second = compiled_wheel("msgpack", pyodide)
    # Then it comes from the index once and from the cache after, as the same bytes
    assert first == second == cache_dir() / real_wheel.name
    assert first.read_bytes() == real_wheel.read_bytes()
    assert capsys.readouterr().err == ""


def test_without_the_network_the_build_goes_on_with_pure_python_and_says_so(
    pyodide, offline, capsys
):
    assert compiled_wheel("msgpack", pyodide) is None
    said = capsys.readouterr().err
    assert "pip could not fetch msgpack-" in said
    assert "runs msgpack as pure Python" in said


def test_a_wheel_that_is_not_the_pinned_one_is_never_shipped(pyodide, real_wheel, offline, capsys):
    # Given an index whose wheel has the pinned name but other contents
    with (
        zipfile.ZipFile(real_wheel) as real,
        zipfile.ZipFile(offline / real_wheel.name, "w") as foreign,
    ):
        for name in real.namelist():
            data = real.read(name)
            foreign.writestr(name, b"raise SystemExit\n" if name == "msgpack/__init__.py" else data)
    # When the build asks for it
    assert compiled_wheel("msgpack", pyodide) is None
    # Then it refuses it, keeps nothing, and says why
    assert "does not match its pinned SHA-256" in capsys.readouterr().err
    assert not (cache_dir() / real_wheel.name).exists()


def test_a_damaged_cached_wheel_is_fetched_again(pyodide, real_wheel, offline, capsys):
    cached = cache_dir() / real_wheel.name
    cached.parent.mkdir(parents=True)
    cached.write_bytes(real_wheel.read_bytes()[:1000])  # a download cut short
    shutil.copyfile(real_wheel, offline / real_wheel.name)
    assert compiled_wheel("msgpack", pyodide) == cached
    assert cached.read_bytes() == real_wheel.read_bytes()


def test_a_pyodide_with_no_pinned_wheel_builds_with_pure_python(tmp_path, offline, capsys):
    # Given a newer Pyodide than the pin was made for
    lock = {"info": {"abi_version": "2027_0", "arch": "wasm32", "python": "3.15.0"}}
    (tmp_path / "pyodide-lock.json").write_text(json.dumps(lock))
    # Then the build names the wheel it would need, and where to pin it
    assert compiled_wheel("msgpack", tmp_path) is None
    said = capsys.readouterr().err
    assert "cp315-pyemscripten_2027_0_wasm32.whl is pinned in" in said
    assert "functions.local.pyodide_wheels.PINNED" in said
