"""Importing the organisation: the file's workplaces, areas and leaders, matched to the stored ones.

The stable key (README, "The organisation in one import"):
- A row with an `id` updates the workplace with that id (the console shows it; use it to rename).
- A row without one updates the workplace of the same name, ignoring case and spacing, in any area:
  a workplace that moves to another area is still the same workplace. A name can therefore appear
  only once in a file, and a row whose name matches two stored workplaces must carry an id.
- A row that matches nothing is a new workplace. A renamed row without an id is therefore new, and
  the old name shows among the missing: the dry run says so before anything changes.
Workplaces that are not in the file are listed as missing and kept: the import never deletes.
A `sprog` (language) column sets the leaders' Monday e-mail language (kept by address hash,
domain/languages.py); only changes are written, and an empty cell leaves a language as it is.
Everything is checked before the first write, so a refused file changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from functions.domain.credentials import new_id
from functions.domain.errors import FileRefused, Problem
from functions.domain.languages import languages_to_set
from functions.domain.models import Workplace
from functions.domain.org_file import MAX_PROBLEMS_SHOWN, OrgRow, read_org_file
from functions.domain.ports import Store

_COMPARED = ("name", "area", "leaders")


def name_key(name: str) -> str:
    """What makes two names the same workplace: case and spacing do not count."""
    return " ".join(name.casefold().split())


@dataclass
class ImportPlan:
    """What an import does: workplaces to create, to update (before, after), left alone, missing,
    and the leaders' languages it sets (address hash -> "da" or "en")."""

    create: list[Workplace] = field(default_factory=list)
    update: list[tuple[Workplace, Workplace]] = field(default_factory=list)
    unchanged: list[Workplace] = field(default_factory=list)
    missing: list[Workplace] = field(default_factory=list)
    languages: dict[str, str] = field(default_factory=dict)


def plan_import(stored: list[Workplace], rows: list[OrgRow]) -> ImportPlan:
    """Match each row to a stored workplace (by id, else by name) and say what would change."""
    by_id = {w.id: w for w in stored}
    by_name: dict[str, list[Workplace]] = {}
    for workplace in stored:
        by_name.setdefault(name_key(workplace.name), []).append(workplace)
    plan, problems, matched = ImportPlan(), [], {}
    for row in rows:
        if row.id:
            found = [by_id[row.id]] if row.id in by_id else []
            if not found:
                problems.append(Problem(row.line, f"no workplace has id {row.id!r}"))
                continue
        else:
            found = by_name.get(name_key(row.name), [])
            if len(found) > 1:
                message = "two workplaces have this name: add the id column"
                problems.append(Problem(row.line, message))
                continue
        if not found:
            plan.create.append(
                Workplace(id=new_id()[:12], name=row.name, area=row.area, leaders=row.leaders)
            )
            continue
        before = found[0]
        if before.id in matched:
            line = matched[before.id]
            problems.append(Problem(row.line, f"same workplace as line {line}"))
            continue
        matched[before.id] = row.line
        after = replace(before, name=row.name, area=row.area, leaders=row.leaders)
        if after == before:
            plan.unchanged.append(before)
        else:
            plan.update.append((before, after))
    if problems:
        raise FileRefused(
            f"The file has {len(problems)} problem(s); nothing was imported.",
            problems[:MAX_PROBLEMS_SHOWN],
        )
    plan.missing = [w for w in stored if w.id not in matched]
    return plan


def import_organisation(store: Store, text: str, dry_run: bool) -> ImportPlan:
    """Read the file, plan, and (unless a dry run) create and update; a refusal changes nothing."""
    rows = read_org_file(text)
    plan = plan_import(store.list_workplaces(), rows)
    chosen = [pair for row in rows for pair in row.languages]
    plan.languages = languages_to_set(chosen, store.list_languages()) if chosen else {}
    if not dry_run:
        for workplace in plan.create:
            store.create_workplace(workplace)
        for _before, after in plan.update:
            store.update_workplace(after)
        for hashed, language in plan.languages.items():
            store.put_language(hashed, language)
    return plan


@dataclass(frozen=True)
class Change:
    """One field of a workplace before and after the import."""

    before: str | list[str] | None
    after: str | list[str] | None


@dataclass(frozen=True)
class UpdatedWorkplace:
    """A workplace the import changes, as it will be, and only the fields that change."""

    id: str
    name: str
    area: str | None
    changes: dict[str, Change]


@dataclass(frozen=True)
class PlanView:
    """The plan as the API and the command show it."""

    dry_run: bool
    created: list[Workplace]
    updated: list[UpdatedWorkplace]
    unchanged: int
    missing: list[Workplace]
    languages: int  # leaders whose e-mail language the file changes


def plan_view(plan: ImportPlan, dry_run: bool) -> PlanView:
    """The plan as the API and the command show it."""
    updated = []
    for before, after in plan.update:
        changes = {
            name: Change(_shown(getattr(before, name)), _shown(getattr(after, name)))
            for name in _COMPARED
            if getattr(before, name) != getattr(after, name)
        }
        updated.append(UpdatedWorkplace(after.id, after.name, after.area, changes))
    return PlanView(
        dry_run,
        list(plan.create),
        updated,
        len(plan.unchanged),
        list(plan.missing),
        len(plan.languages),
    )


def _shown(value):
    return list(value) if isinstance(value, tuple) else value
