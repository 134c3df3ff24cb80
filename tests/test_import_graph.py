"""functions/ has no import circle: no module reaches itself back through its imports, counting
the imports inside functions (lazy ones run too, only later), and not those for type checkers.

A circle only loads while some import in it sits inside a function; ruff's PLC0415 keeps new
imports at the top, and this test keeps the few lazy ones it allows from closing a circle.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def module_name(path: Path) -> str:
    """functions/api/admin.py -> functions.api.admin; a package's __init__.py is the package."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that runs, at the top or in a function; not `if TYPE_CHECKING:`."""
    found = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return found


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Each module of functions/ -> the modules of functions/ it imports."""
    graph = {}
    for name, path in modules.items():
        targets = set()
        for node in runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif node.module and not node.level:
                # `from a.b import c`: c is the module a.b.c when there is one, else a name in a.b
                targets |= {
                    f"{node.module}.{a.name}"
                    if f"{node.module}.{a.name}" in modules
                    else node.module
                    for a in node.names
                }
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def functions_modules() -> dict[str, Path]:
    return {module_name(p): p for p in (ROOT / "functions").rglob("*.py")}


def test_functions_has_no_import_circle():
    # Given every module of functions/ and what it imports at run time
    graph = import_graph(functions_modules())
    # Then they can be imported in some order, each after everything it imports
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as circle:
        raise AssertionError(f"import circle: {' -> '.join(circle.args[1])}") from None
    assert set(order) >= set(graph)


def test_the_check_sees_a_circle_through_a_lazy_import(tmp_path):
    # Given two modules that import each other, one of them inside a function
    (tmp_path / "a.py").write_text("from functions.b import x\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def f():\n    from functions.a import y\n", encoding="utf-8")
    modules = {"functions.a": tmp_path / "a.py", "functions.b": tmp_path / "b.py"}
    # Then each reaches the other, and no import order exists
    graph = import_graph(modules)
    assert graph == {"functions.a": {"functions.b"}, "functions.b": {"functions.a"}}
    with pytest.raises(CycleError):
        list(TopologicalSorter(graph).static_order())


def test_imports_for_type_checkers_alone_make_no_circle(tmp_path):
    # Given a module that names the other only for type checkers
    (tmp_path / "a.py").write_text("from functions.b import x\n", encoding="utf-8")
    (tmp_path / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from functions.a import y\n",
        encoding="utf-8",
    )
    modules = {"functions.a": tmp_path / "a.py", "functions.b": tmp_path / "b.py"}
    # Then only the import that runs counts
    assert import_graph(modules) == {"functions.a": {"functions.b"}, "functions.b": set()}


def test_only_the_composition_root_picks_a_store_adapter():
    # Given what every module outside the store package imports
    graph = import_graph(functions_modules())
    adapters = {"functions.store.sqlite", "functions.store.dynamodb"}
    # Then the SQLite and DynamoDB adapters are chosen in functions/wiring.py alone
    pickers = {m for m, imports in graph.items() if imports & adapters}
    assert {m for m in pickers if not m.startswith("functions.store.")} == {"functions.wiring"}
