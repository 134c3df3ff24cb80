"""What `sam build` uploads: functions/ and content/ with the Lambda's own requirements, built by
infra/Makefile for every function, and nothing the Lambda code imports is left out."""

from __future__ import annotations

import ast
import compileall
import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.infra.stack import FUNCTIONS, ROOT, handler_module, sam_template

MAKEFILE = ROOT / "infra" / "Makefile"
REQUIREMENTS = ROOT / "infra" / "requirements.txt"
# Import name -> the requirement that provides it (botocore comes with boto3).
PROVIDED_BY = {
    "aws_lambda_powertools": "aws-lambda-powertools",
    "pydantic": "pydantic",
    "boto3": "boto3",
    "botocore": "boto3",
    "tzdata": "tzdata",
    "fpdf": "fpdf2",
    "segno": "segno",
    "joserfc": "joserfc",
}


def lambda_requirements() -> dict[str, Requirement]:
    lines = REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    found = [Requirement(line.split("#")[0]) for line in lines if line.split("#")[0].strip()]
    return {r.name.lower(): r for r in found}


def imported_modules(module: str) -> set[str]:
    """Every module named by an import anywhere in a module's source (lazy imports included)."""
    spec = importlib.util.find_spec(module)
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    package = module if spec.submodule_search_locations else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0]
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


def lambda_imports() -> set[str]:
    """Top-level names of the third-party packages the handlers can reach through functions/."""
    return _reach()[1]


def lambda_modules() -> set[str]:
    """The modules of functions/ the handlers can reach (lazy imports included)."""
    return _reach()[0]


def _reach() -> tuple[set[str], set[str]]:
    """What the handlers reach: our modules, and the top-level names of third-party packages."""
    todo = [handler_module(sam_template(), f) for f in FUNCTIONS]
    seen: set[str] = set()
    outside: set[str] = set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        for name in imported_modules(module):
            top = name.partition(".")[0]
            if top == "functions":
                if _is_module(name):
                    todo.append(name)
            elif top not in sys.stdlib_module_names and top != "__future__":
                outside.add(top)
    return seen, outside


def _is_module(name: str) -> bool:
    """True for a module or package; False for a name imported from one (a class, a function)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_lambda_code_imports_only_what_its_requirements_provide():
    # Given every import the handlers can reach, lazy ones too (the store, the tracer)
    imports = lambda_imports()
    # Then each third-party package is in infra/requirements.txt (or the runtime's stdlib)
    unknown = imports - set(PROVIDED_BY)
    assert not unknown, f"the Lambda package lacks {unknown}: add them to infra/requirements.txt"
    assert {PROVIDED_BY[name] for name in imports} <= set(lambda_requirements())


def test_lambda_requirements_are_pinned_as_in_pyproject():
    # Given the project's own dependencies
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = {(r := Requirement(d)).name.lower(): r for d in pyproject["project"]["dependencies"]}
    # Then the Lambda installs the same versions the tests ran against
    for name, requirement in lambda_requirements().items():
        assert name in project, f"{name} is not a dependency in pyproject.toml"
        assert requirement.specifier == project[name].specifier, name


def test_tracing_can_be_switched_on_without_a_missing_package():
    powertools = lambda_requirements()["aws-lambda-powertools"]
    assert "tracer" in powertools.extras


@pytest.mark.parametrize("function", FUNCTIONS)
def test_each_function_is_built_by_a_makefile_target_from_the_repository_root(function):
    # Given the function's build metadata
    metadata = sam_template()["Resources"][function]["Metadata"]
    metadata.pop("checkov")  # the reasons for checkov's skips, tested in test_checkov.py
    # Then SAM runs infra/Makefile (ContextPath, relative to infra/) on the repository root
    assert metadata == {"BuildMethod": "makefile", "ContextPath": ".", "ProjectRootDirectory": ".."}
    targets = re.findall(r"^([\w\- ]+):", MAKEFILE.read_text(encoding="utf-8"), re.MULTILINE)
    assert f"build-{function}" in " ".join(targets).split()


def test_makefile_packages_functions_and_content_and_nothing_else(tmp_path):
    # Given an artifacts folder, and pip stubbed out (the real install needs the network)
    artifacts = tmp_path / "artifacts"
    # When SAM's make target runs from the repository root
    subprocess.run(
        ["make", "--file", str(MAKEFILE), "build-DeviceFunction", "PYTHON=true"],
        cwd=ROOT,
        env={"ARTIFACTS_DIR": str(artifacts), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    # Then the package holds the handlers and the content files, without caches or the rest
    assert (artifacts / "functions" / "api" / "device.py").is_file()
    assert (artifacts / "content" / "texts.json").is_file()
    # and of app/ only the texts of the e-mail and the printed page (the font is the sheets')
    assert (
        artifacts / "functions" / "documents" / "fonts" / "LiberationSans-Regular.ttf"
    ).is_file()
    assert sorted(p.name for p in artifacts.iterdir()) == ["app", "content", "functions"]
    assert sorted(
        p.relative_to(artifacts).as_posix() for p in (artifacts / "app").rglob("*.*")
    ) == [
        "app/locales/digest.da.json",
        "app/locales/digest.en.json",
    ]
    assert not list(artifacts.rglob("__pycache__"))


def dry_run(target: str) -> str:
    """The commands SAM's make target would run, without running them."""
    return subprocess.run(
        ["make", "--dry-run", "--file", str(MAKEFILE), target],
        cwd=ROOT,
        env={"ARTIFACTS_DIR": "/artifacts", "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_makefile_installs_wheels_for_the_functions_runtime_and_architecture():
    # Given what make would run (dry run)
    commands = dry_run("build-AdminFunction")
    props = sam_template()["Globals"]["Function"]
    # Then pip installs infra/requirements.txt as binary wheels for that Python on arm64
    assert "--requirement infra/requirements.txt" in commands
    assert f"--python-version {props['Runtime'].removeprefix('python')}" in commands
    assert props["Architectures"] == ["arm64"] and "--platform manylinux2014_aarch64" in commands
    assert "--only-binary=:all:" in commands


def packaged_modules(artifacts: Path) -> set[str]:
    """The modules (packages aside) in a built package's functions/."""
    return {
        ".".join(path.relative_to(artifacts).with_suffix("").parts)
        for path in (artifacts / "functions").rglob("*.py")
        if path.name != "__init__.py"
    }


def is_package(name: str) -> bool:
    return importlib.util.find_spec(name).submodule_search_locations is not None


def test_package_holds_only_what_lambda_runs(tmp_path):
    # Given bytecode of this machine's Python beside the sources, as any test run leaves it
    compileall.compile_dir(ROOT / "functions", quiet=1)
    assert list((ROOT / "functions" / "api").glob("__pycache__/*.pyc"))
    # When SAM's make target builds a function's package
    artifacts = tmp_path / "artifacts"
    subprocess.run(
        ["make", "--file", str(MAKEFILE), "build-ViewerFunction", "PYTHON=true"],
        cwd=ROOT,
        env={"ARTIFACTS_DIR": str(artifacts), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    # Then neither the embedded stack, nor the commands, nor any bytecode went in
    functions = artifacts / "functions"
    assert not (functions / "local").exists()
    assert not (functions / "commands").exists()
    assert not (functions / "cli.py").exists()
    assert not [p for p in artifacts.rglob("*") if p.name == "__pycache__" or p.suffix == ".pyc"]
    # and every module a handler reaches is there; outside the domain (its rules go whole) no
    # module is there that no handler reaches
    packaged = packaged_modules(artifacts)
    reached = {m for m in lambda_modules() if not is_package(m)}
    assert reached <= packaged, reached - packaged
    assert {m for m in packaged - reached if not m.startswith("functions.domain.")} == set()


def test_pip_leaves_out_the_build_machines_bytecode():
    # Given what make would run (dry run)
    commands = dry_run("build-DigestFunction")
    # Then pip compiles nothing for the Python that builds (Lambda's Python compiles its own)
    assert "--no-compile" in commands
