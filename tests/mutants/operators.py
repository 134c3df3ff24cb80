"""Small deliberate bugs planted by rewriting a module's syntax tree, one change per mutant.

Each mutant is named by where it is (file and function) and what it changes, written as the code
before and after (`a >= k` => `a > k`), never by its line: a name stays true when lines move, so
the list of equivalent mutants survives other people's edits. Two identical changes in one
function are told apart by a running number (" #2").
"""

from __future__ import annotations

import ast
import copy
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
    ast.And: ast.Or,
    ast.Or: ast.And,
}


@dataclass(frozen=True)
class Mutant:
    """One planted bug: its name and the whole module's source with it."""

    name: str
    source: str


def mutants_of(path: str, source: str) -> list[Mutant]:
    """Every mutant the operators make of one module's source."""
    tree = ast.parse(source)
    skipped = _skipped(tree)
    names: Counter[str] = Counter()
    found = []
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skipped:
            continue
        for change in _changes(node):
            mutated = copy.deepcopy(tree)
            target = list(ast.walk(mutated))[index]
            target._context = _surroundings(mutated, target)
            before, after = change(target)
            where = _qualname(mutated, target)
            name = f"{path}::{where}: `{before}` => `{after}`"
            names[name] += 1
            if names[name] > 1:
                name += f" #{names[name]}"
            found.append(Mutant(name, ast.unparse(mutated)))
    return found


def _changes(node: ast.AST) -> Iterator[Callable[[ast.AST], tuple[str, str]]]:
    """The changes one node offers; each applies itself to a copy and says before and after."""
    if isinstance(node, ast.Compare):
        for n, op in enumerate(node.ops):
            if type(op) in _SWAPS:
                yield _swap_compare(n)
    elif isinstance(node, (ast.BinOp, ast.AugAssign, ast.BoolOp)) and type(node.op) in _SWAPS:
        yield _swap_op
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield _drop_not
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        yield _shift_int(+1)
        yield _shift_int(-1)
    elif isinstance(node, ast.Return) and node.value is not None:
        if not (isinstance(node.value, ast.Constant) and node.value.value is None):
            yield _return_none
    elif isinstance(node, (ast.If, ast.While)):
        yield _condition(True)
        yield _condition(False)
    elif isinstance(node, (ast.Raise, ast.Continue, ast.Break)) or (
        isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
    ):
        yield _to_pass


def _swap_compare(n: int) -> Callable[[ast.AST], tuple[str, str]]:
    def change(node: ast.Compare) -> tuple[str, str]:
        before = ast.unparse(node)
        node.ops[n] = _SWAPS[type(node.ops[n])]()
        return before, ast.unparse(node)

    return change


def _swap_op(node) -> tuple[str, str]:
    before = ast.unparse(node)
    node.op = _SWAPS[type(node.op)]()
    return before, ast.unparse(node)


def _drop_not(node: ast.UnaryOp) -> tuple[str, str]:
    before = ast.unparse(node)
    # Keep the node, make it a harmless unary plus of a bool: `not x` becomes `bool(x)`.
    node.op = ast.UAdd()
    node.operand = ast.Call(ast.Name("bool", ast.Load()), [node.operand], [])
    return before, ast.unparse(node)


def _shift_int(step: int) -> Callable[[ast.AST], tuple[str, str]]:
    def change(node: ast.Constant) -> tuple[str, str]:
        before = ast.unparse(node)
        node.value += step
        return f"{before} (in {_context(node)})", f"{node.value}"

    return change


def _return_none(node: ast.Return) -> tuple[str, str]:
    before = ast.unparse(node)
    node.value = ast.Constant(None)
    return before, "return None"


def _condition(value: bool) -> Callable[[ast.AST], tuple[str, str]]:
    def change(node) -> tuple[str, str]:
        keyword = "if" if isinstance(node, ast.If) else "while"
        before = f"{keyword} {ast.unparse(node.test)}"
        node.test = ast.Constant(value)
        return before, f"{keyword} {value}"

    return change


def _to_pass(node) -> tuple[str, str]:
    before = ast.unparse(node)
    node.__class__ = ast.Pass  # in place, so the parent's body is never left empty
    return before, "pass"


def _skipped(tree: ast.Module) -> set[int]:
    """Nodes no mutant touches: docstrings, annotations, and `from __future__` imports."""
    skip: set[int] = set()

    def all_of(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(getattr(first.value, "value", None), str):
            all_of(first)
        if isinstance(node, ast.AnnAssign):
            all_of(node.annotation)
        if isinstance(node, ast.arg):
            all_of(node.annotation)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            all_of(node.returns)
        if isinstance(node, ast.ImportFrom):
            all_of(node)
    return skip


def _qualname(tree: ast.Module, target: ast.AST) -> str:
    """`Class.function` around the node, or "<module>"."""
    path: list[str] = []

    def visit(node: ast.AST, names: list[str]) -> bool:
        if node is target:
            path.extend(names)
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [*names, node.name]
        return any(visit(child, names) for child in ast.iter_child_nodes(node))

    visit(tree, [])
    return ".".join(path) or "<module>"


def _context(node: ast.AST) -> str:
    return getattr(node, "_context", "?")


def _surroundings(tree: ast.Module, target: ast.AST) -> str:
    """The smallest expression (or simple statement) around a node, to tell constants apart."""
    parents = {id(c): p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}
    node = parents.get(id(target))
    while node is not None and isinstance(node, (ast.Slice, ast.Tuple, ast.keyword, ast.UnaryOp)):
        node = parents.get(id(node))
    if node is None or isinstance(node, (ast.For, ast.While, ast.If, ast.FunctionDef)):
        return ast.unparse(target)
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= 90 else text[:87] + "..."
