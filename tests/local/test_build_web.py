"""`tryghedspuls build-web` without a browser: what the static build holds, and that it repeats."""

from __future__ import annotations

import gzip
import io
import json
import re
import struct
import tarfile
from pathlib import Path

import pytest

from functions.cli import main as cli
from functions.local.build_web import build_web
from functions.local.pyodide_linking import link_functions_at_once
from functions.local.web_snapshot import SNAPSHOT_FILE, SnapshotFailed, make_snapshot

API_URL = "https://api.example.org/prod"


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    """One build for the module's tests, made through the command line."""
    out = tmp_path_factory.mktemp("build") / "web"
    assert cli(["build-web", "--api-url", API_URL + "/", "--out", str(out)]) == 0
    return out


def archive(build: Path) -> dict[str, bytes]:
    """app.tar.gz, unpacked in memory."""
    with tarfile.open(fileobj=io.BytesIO((build / "app.tar.gz").read_bytes())) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def test_the_api_url_is_baked_into_the_apps_build_config(build):
    config = archive(build)["app/_build_config.py"].decode()
    assert f"API_URL = {API_URL!r}" in config


MSGPACK_COMPILED = "__pypackages__/msgpack/_cmsgpack.cpython-314-wasm32-emscripten.so"


def test_the_archive_holds_the_app_as_source_and_msgpack_compiled_for_pyodide(build):
    names = set(archive(build))
    assert {"pwa_main.py", "app/main.py", "__pypackages__/flet/__init__.py"} <= names
    assert {"__pypackages__/repath.py", "__pypackages__/six.py"} <= names
    # msgpack from its Pyodide wheel: the compiled module and the pure-Python twin the snapshot
    # is made with
    assert {MSGPACK_COMPILED, "__pypackages__/msgpack/fallback.py"} <= names
    assert archive(build)[MSGPACK_COMPILED].startswith(b"\0asm")
    assert "requirements.txt" not in names  # the worker would call micropip: network
    unwanted = re.compile(r"__pycache__|/tests?/|/testing/|\.(pyc|so|pyi)$|^app/assets/|dist-info")
    assert [n for n in names if unwanted.search(n)] == [MSGPACK_COMPILED]


def page_code(build, page: str = "index.html") -> str:
    """A page with the scripts the build moved out of it into files, in their places."""
    html = (build / page).read_text()
    return re.sub(
        r'<script src="(inline-[0-9a-f]{16}\.js)"></script>',
        lambda m: f"<script>{(build / m.group(1)).read_text()}</script>",
        html,
    )


def test_pages_carry_no_inline_script_for_the_hosts_policy(build):
    # Given every page of the build
    for page in build.glob("*.html"):
        html = page.read_text()
        # Then each script is a file of the build's own, so `script-src 'self'` covers it
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        assert scripts, page.name
        assert all(re.search(r'src="[\w./-]+"', attrs) and not body for attrs, body in scripts)


def test_index_loads_everything_from_the_build_itself(build):
    index = page_code(build)
    assert 'flet.pyodideUrl="./pyodide/pyodide.mjs"' in index
    assert 'flet.routeUrlStrategy="hash"' in index
    assert "<base " not in index  # relative URLs: any host, any path
    assert not re.findall(r"https?://", index)
    bootstrap = (build / "flutter_bootstrap.js").read_text()
    assert not re.search(r"serviceWorkerSettings:\s*\{", bootstrap)  # Flutter's would replace ours
    assert not (build / "flutter_service_worker.js").exists()


def test_the_manifest_names_the_product_with_its_own_icons(build):
    manifest = json.loads((build / "manifest.json").read_text())
    assert manifest["name"] == "Tryghedspuls"
    assert manifest["theme_color"] == "#2F5D62"
    assert manifest["start_url"] == "./"
    for icon in manifest["icons"]:
        png = (build / icon["src"]).read_bytes()
        width, height = struct.unpack(">II", png[16:24])
        assert png.startswith(b"\x89PNG") and icon["sizes"] == f"{width}x{height}"
    assert {i.get("purpose") for i in manifest["icons"]} == {None, "maskable"}


def test_the_service_worker_precaches_every_file_of_the_build(build):
    worker = (build / "sw.js").read_text()
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", worker, re.S).group(1))
    on_disk = sorted(p.relative_to(build).as_posix() for p in build.rglob("*") if p.is_file())
    assert files == [f for f in on_disk if f != "sw.js"]
    assert 'register("sw.js")' in page_code(build)


def test_the_same_sources_build_the_same_bytes(build, tmp_path):
    again = tmp_path / "again"
    build_web(api_url=API_URL, out=again)
    names = (
        "app.tar.gz",
        SNAPSHOT_FILE,
        "python-worker.js",
        "sw.js",
        "index.html",
        "icons/icon-512.png",
    )
    for name in names:
        assert (again / name).read_bytes() == (build / name).read_bytes(), name


def test_the_python_snapshot_is_made_by_the_builds_own_pyodide(build):
    snapshot = gzip.decompress((build / SNAPSHOT_FILE).read_bytes())
    # Pyodide's header: after four words, the id of the Pyodide build that made it (8 words)
    build_id = "".join(f"{word:08x}" for word in struct.unpack("<8I", snapshot[16:48]))
    pyodide = (build / "pyodide" / "pyodide.mjs").read_text()
    assert f'BUILD_ID:"{build_id}"' in pyodide
    worker = (build / "python-worker.js").read_text()
    assert f'fetch(new URL("{SNAPSHOT_FILE}", self.location))' in worker
    assert "_loadSnapshot: snapshot" in worker and "unpack_archive(format" not in worker


def test_a_compiled_module_in_the_snapshot_stops_the_build(build, tmp_path):
    # Given the build's Pyodide and app archive
    for name in ("pyodide", "app.tar.gz"):
        (tmp_path / name).symlink_to(build / name)
    # When the snapshot would hold a compiled module, which no restore brings back
    with pytest.raises(
        SnapshotFailed, match=r"compiled modules cannot be in the snapshot: \[.*_cmsgpack"
    ):
        make_snapshot(tmp_path, modules=("msgpack._cmsgpack",))
    # Then no snapshot is written
    assert not list(tmp_path.glob("pyodide-snapshot*"))


def test_the_worker_neither_fetches_the_archive_twice_nor_compiles_pyodide_call_by_call(build):
    worker = (build / "python-worker.js").read_text()
    assert "await pyfetch(app_package_url)" not in worker
    assert "response = flet_js.appArchive" in worker
    for name in ("pyodide.mjs", "pyodide.asm.mjs"):
        assert (build / "pyodide" / name).read_bytes().startswith(b"//# allFunctionsCalledOnLoad\n")


def test_pyodide_links_its_javascript_functions_from_one_module(build):
    loader = (build / "pyodide" / "pyodide.asm.mjs").read_text()
    assert "entry.value=addFunctionWrapLater(value,value.sig,wrapLater)" in loader
    assert "wrapAllAtOnce(wrapLater)};var loadDylibs=" in loader


def test_a_pyodide_the_linker_patch_does_not_fit_stops_the_build(tmp_path):
    loader = tmp_path / "pyodide" / "pyodide.asm.mjs"
    loader.parent.mkdir()
    loader.write_text("var reportUndefinedSymbols=function(){};")
    with pytest.raises(RuntimeError, match="has Pyodide changed"):
        link_functions_at_once(tmp_path)


def test_without_nodejs_the_build_says_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert cli(["build-web", "--out", str(tmp_path / "web")]) == 2
    assert "sudo apt-get install nodejs" in capsys.readouterr().err


def test_a_folder_with_other_things_in_it_is_never_emptied(tmp_path, capsys):
    (tmp_path / "thesis.tex").write_text("years of work")
    assert cli(["build-web", "--out", str(tmp_path)]) == 2
    assert (tmp_path / "thesis.tex").read_text() == "years of work"
    assert "not empty" in capsys.readouterr().err


def test_an_earlier_build_is_replaced(build):
    (build / "left-over.txt").write_text("from an older build")
    build_web(api_url=API_URL, out=build)
    assert not (build / "left-over.txt").exists() and (build / "sw.js").exists()


def test_the_static_build_hands_the_providers_answer_to_the_apps_signin_route(tmp_path):
    # Given the page a provider sends the browser back to in the static build
    from functions.local.signin_page import write_signin_page

    write_signin_page(tmp_path)
    page = (tmp_path / "signin.html").read_text(encoding="utf-8")
    # Then it moves the query (code, state) after "#" to /signin, replacing itself in history
    assert 'location.replace("./#/signin" + location.search)' in page
