"""`make mutants`: plant each mutant, run the tests that should catch it, report which survive.

    .venv/bin/python -m tests.mutants.run [--only weeks.py] [--jobs 2] [--list] [--again]

Third-party packages are imported once; then each mutant runs in a forked child whose import
hook serves the mutated module's source in place of the file, so the tree is never touched and
nothing is copied. A child that outlives its time is killed (a mutant that loops forever counts
as caught). Survivors listed in equivalent.txt, with a reason, are equivalent; any other survivor
of an operated module or any planted bug that survives makes the run fail.
"""

from __future__ import annotations

import argparse
import importlib.abc
import importlib.util
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.mutants.operators import mutants_of
from tests.mutants.planted import OPERATED, PLANTED

ROOT = Path(__file__).resolve().parents[2]
EQUIVALENT = Path(__file__).with_name("equivalent.txt")
REPORT = ROOT / "test-artifacts" / "mutants" / "report.md"
HEAVY = ("pytest", "hypothesis", "pydantic", "aws_lambda_powertools", "boto3", "moto", "httpx")


@dataclass
class Case:
    """One mutant to run: its name, module file, mutated source, tests, and what came of it."""

    name: str
    path: str
    source: str
    tests: tuple[str, ...]
    planted: bool
    outcome: str = ""


class _Serve(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Import hook: the named module comes from `source`, not from its file."""

    def __init__(self, module: str, origin: str, source: str) -> None:
        self.module, self.origin, self.source = module, origin, source

    def find_spec(self, name, path=None, target=None):
        if name != self.module:
            return None
        return importlib.util.spec_from_loader(name, self, origin=self.origin)

    def create_module(self, spec):
        return None

    def exec_module(self, module) -> None:
        module.__file__ = self.origin
        exec(compile(self.source, self.origin, "exec"), module.__dict__)  # noqa: S102


def cases(only: tuple[str, ...] = ()) -> list[Case]:
    """Every operator mutant of the operated modules and every planted bug."""
    found = []
    for path, tests in OPERATED.items():
        if only and not path.endswith(tuple(only)):
            continue
        source = (ROOT / path).read_text()
        found += [Case(m.name, path, m.source, tests, False) for m in mutants_of(path, source)]
    for bug in PLANTED:
        if only and not bug.path.endswith(tuple(only)):
            continue
        source = (ROOT / bug.path).read_text()
        mutated = source.replace(bug.old, bug.new) if source.count(bug.old) == 1 else ""
        found.append(Case(bug.name, bug.path, mutated, bug.tests, True))
    return found


def equivalents() -> dict[str, str]:
    """Mutant name -> why it cannot be caught, from equivalent.txt (`name  | why: reason`)."""
    listed = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, why = line.partition("  | why: ")
            listed[name.strip()] = why.strip()
    return listed


def start(case: Case | None, tests: tuple[str, ...]) -> int:
    """Fork a child that runs `tests` (against the mutant, if any); its pid."""
    pid = os.fork()
    if pid:
        return pid
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        if case is not None:
            module = case.path.removesuffix(".py").replace("/", ".")
            sys.meta_path.insert(0, _Serve(module, str(ROOT / case.path), case.source))
        import pytest
        from hypothesis import Phase, settings

        # A failing example is enough to call a mutant caught: skip shrinking it (the slow part).
        settings.register_profile("mutants", phases=(Phase.explicit, Phase.reuse, Phase.generate))
        settings.load_profile("mutants")
        # One file at a time, cheapest first: most mutants die in the domain tests, before the
        # API's modules are even imported.
        code, quiet = 0, ["-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"]
        for test_file in tests:
            code = pytest.main([*quiet, test_file])
            if code != 0:
                break
    except BaseException:  # noqa: BLE001 - whatever happens, the child must exit
        code = 3
    os._exit(int(code))


def finish(pid: int, deadline: float) -> int | None:
    """The child's exit status, or None once it ran past `deadline` (it is killed)."""
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


def baselines(subsets: set[tuple[str, ...]]) -> dict[tuple[str, ...], float]:
    """Seconds each test subset takes unmutated; it must pass, or no mutant result means much."""
    took = {}
    for tests in sorted(subsets):
        began = time.monotonic()
        code = finish(start(None, tests), began + 600)
        if code != 0:
            sys.exit(f"the tests fail without any mutant ({code}): {' '.join(tests)}")
        took[tests] = time.monotonic() - began
        print(f"{took[tests]:6.1f} s unmutated: {' '.join(tests)}", flush=True)
    return took


def run(todo: list[Case], jobs: int, took: dict[tuple[str, ...], float]) -> None:
    """Run the cases, `jobs` children at a time; set each one's outcome."""
    waiting, running = list(todo), {}
    while waiting or running:
        while waiting and len(running) < jobs:
            case = waiting.pop(0)
            if not case.source:
                case.outcome = "not planted (its code moved)"
                continue
            limit = time.monotonic() + max(60.0, 5 * took[case.tests])
            running[start(case, case.tests)] = (case, limit)
        for pid, (case, limit) in list(running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                case.outcome = "survived" if code == 0 else "killed"
            elif time.monotonic() > limit:
                finish(pid, 0)
                case.outcome = "killed (timeout)"
            else:
                continue
            del running[pid]
            print(f"{case.outcome:>16}  {case.name}", flush=True)
        time.sleep(0.05)


def report(todo: list[Case], listed: dict[str, str], whole: bool = True) -> tuple[str, int]:
    """The report as Markdown, and how many survivors are neither killed nor equivalent."""
    killed = [c for c in todo if c.outcome.startswith("killed")]
    survived = [c for c in todo if c.outcome == "survived"]
    equivalent = [c for c in survived if c.name in listed]
    unexplained = [c for c in survived if c.name not in listed]
    missing = [c for c in todo if c.outcome.startswith("not planted")]
    names, paths = {c.name for c in todo}, {c.path for c in todo}
    stale = [n for n in listed if n.partition("::")[0] in paths and n not in names and whole]
    lines = [
        "# Mutants",
        "",
        f"mutants: {len(todo)} ({sum(c.planted for c in todo)} planted by hand)",
        f"killed: {len(killed)}",
        f"equivalent: {len(equivalent)}",
        f"survived, not equivalent: {len(unexplained)}",
    ]
    if missing:
        lines.append(f"not planted (code moved): {len(missing)}")
    for title, group in (
        ("Survived, not equivalent", [c.name for c in unexplained]),
        ("Not planted (the code they change moved)", [c.name for c in missing]),
        ("Equivalent", [f"{c.name}: {listed[c.name]}" for c in equivalent]),
        ("Listed as equivalent but no longer made (stale)", stale),
    ):
        if group:
            lines += ["", f"## {title}", "", *[f"- {name}" for name in group]]
    return "\n".join(lines) + "\n", len(unexplained) + len(missing)


def last_survivors() -> set[str]:
    """The names the last report listed as survived, not equivalent."""
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    section = text.partition("## Survived, not equivalent\n")[2].partition("\n## ")[0]
    return {line[2:] for line in section.splitlines() if line.startswith("- ")}


def main(argv: list[str] | None = None) -> int:
    """Plant, run, report; 1 when a mutant survived that is not listed as equivalent."""
    parser = argparse.ArgumentParser(prog="make mutants")
    parser.add_argument(
        "--only", nargs="*", default=(), help="only modules whose path ends so, e.g. weeks.py"
    )
    parser.add_argument("--jobs", type=int, default=2, help="children at a time")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--again", action="store_true", help="only the last report's survivors")
    args = parser.parse_args(argv)
    todo = cases(args.only)
    if args.again:
        todo = [c for c in todo if c.name in last_survivors()]
    if args.list:
        print("\n".join(c.name for c in todo))
        return 0
    sys.dont_write_bytecode = True
    for name in HEAVY:  # imported once here, shared by every child
        __import__(name)
    began = time.monotonic()
    run(todo, args.jobs, baselines({c.tests for c in todo}))
    text, bad = report(todo, equivalents(), whole=not args.again)
    text += f"\n({time.monotonic() - began:.0f} s, {args.jobs} at a time)\n"
    if not args.again:  # a rerun of survivors keeps the full run's report
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text(text, encoding="utf-8")
    print(f"\n{text}" + ("" if args.again else f"(written to {REPORT.relative_to(ROOT)})"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
