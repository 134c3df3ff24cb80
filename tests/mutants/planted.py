"""What `make mutants` mutates, which tests must catch it, and the bugs planted by hand.

The operators (operators.py) plant every small change in the four modules the anonymity and
counting promises rest on. The hand-planted bugs are the ones an outside audit found the suite
blind to, and the classic ways counting goes wrong, in the domain and in both store adapters;
each is a text replacement, so it is named by what it does and applies wherever the code moved.
Each module is tested by a narrow, fast subset: only tests that run in this process (the
mutated module is served by an import hook, so a subprocess or a served server would not see it).
"""

from __future__ import annotations

from dataclasses import dataclass

ANONYMITY_TESTS = (
    "tests/domain/test_anonymity.py",
    "tests/domain/test_release.py",
    "tests/security/test_anonymity.py",
)
RELEASE_TESTS = (
    "tests/domain/test_release.py",
    "tests/security/test_anonymity.py",
    "tests/api/test_viewer_routes.py",
)
WEEK_TESTS = (
    "tests/domain/test_weeks.py",
    "tests/domain/test_rotation.py",
    "tests/security/test_time_boundaries.py",
)
JUDGING_TESTS = (
    "tests/domain/test_judging.py",
    "tests/domain/test_tablet_clock.py",  # a wrong clock's items, judged by judging.py
    "tests/api/test_device_routes.py",
    "tests/security/test_time_boundaries.py",
)
STORE_TESTS = (
    "tests/store/test_checkins.py",
    "tests/store/test_release.py",
    "tests/store/test_organisation.py",
)

# Every mutant the operators make of these must be killed or listed in equivalent.txt.
OPERATED = {
    "functions/domain/anonymity.py": ANONYMITY_TESTS,
    "functions/domain/release.py": RELEASE_TESTS,
    "functions/domain/weeks.py": WEEK_TESTS,
    "functions/domain/judging.py": JUDGING_TESTS,
}


@dataclass(frozen=True)
class Planted:
    """A bug planted by hand: in `path`, `old` (found exactly once) becomes `new`."""

    path: str
    what: str
    old: str
    new: str
    tests: tuple[str, ...]

    @property
    def name(self) -> str:
        """How reports and equivalent.txt name it."""
        return f"{self.path}::planted: {self.what}"


PLANTED = (
    Planted(
        "functions/domain/pulse.py",
        "the organisation view drops every workplace without an area",
        "    for workplace in store.list_workplaces():\n",
        "    for workplace in [w for w in store.list_workplaces() if w.area]:\n",
        ("tests/security/test_anonymity.py", "tests/api/test_admin_routes.py"),
    ),
    Planted(
        "functions/domain/anonymity.py",
        "a roll-up counts suppressed workplaces in",
        "        if agg.count >= k:\n",
        "        if agg.count > 0:\n",
        ANONYMITY_TESTS,
    ),
    Planted(
        "functions/domain/release.py",
        "every answer is released at once (no steps of k)",
        "    return running if running.count - shown >= validate_threshold(k) else None\n",
        "    return running\n",
        RELEASE_TESTS,
    ),
    Planted(
        "functions/domain/pulse.py",
        "viewers see the running week, not the released one",
        "    return [released_week(w, running.get(w), released.get(w), k) for w in weeks]\n",
        "    return [released_week(w, running.get(w), running.get(w), k) for w in weeks]\n",
        RELEASE_TESTS,
    ),
    Planted(
        "functions/domain/weeks.py",
        "an off-by-one in the week: weeks_ending ends a week early",
        "    return [shift_week(week, -back) for back in range(count - 1, -1, -1)]\n",
        "    return [shift_week(week, -back - 1) for back in range(count - 1, -1, -1)]\n",
        WEEK_TESTS,
    ),
    Planted(
        "functions/domain/weeks.py",
        "an off-by-one in the week: a tap is placed by the UTC clock, not Copenhagen's",
        "    year, week, _ = at.astimezone(TZ).isocalendar()\n",
        "    year, week, _ = at.isocalendar()\n",
        WEEK_TESTS,
    ),
    Planted(
        "functions/domain/judging.py",
        "a duplicate within a batch is counted twice",
        "    if event_id in seen:\n",
        "    if event_id in seen and False:\n",
        JUDGING_TESTS,
    ),
    Planted(
        "functions/domain/csv_export.py",
        "CSV cells are no longer neutralised against formulas",
        '    return "\'" + cell if cell.startswith(_FORMULA_STARTS) else cell\n',
        "    return cell\n",
        ("tests/domain/test_csv_export.py",),
    ),
    Planted(
        "functions/domain/recording.py",
        "check-ins are counted but their weeks never released",
        "    release_weeks(store, workplace_id, sorted({c.week for c in good}), k)\n",
        "    release_weeks(store, workplace_id, [], k)\n",
        ("tests/api/test_device_routes.py", "tests/api/test_viewer_routes.py"),
    ),
    Planted(
        "functions/store/sqlite_records.py",
        "SQLite: a check-in already seen is counted again (duplicate counted twice)",
        "checkin.marker_expires_at)).rowcount == 0:",
        "checkin.marker_expires_at)).rowcount < 0:",
        STORE_TESTS,
    ),
    Planted(
        "functions/store/dynamodb_records.py",
        "DynamoDB: a check-in already seen is counted again (duplicate counted twice)",
        "        if cancelled.failed(0):\n            return False\n",
        "        if cancelled.failed(0):\n            return True\n",
        STORE_TESTS,
    ),
    Planted(
        "functions/store/sqlite_records.py",
        "SQLite: the organisation's aggregates drop a row",
        "        for row in rows:\n",
        "        for row in rows[1:]:\n",
        STORE_TESTS,
    ),
    Planted(
        "functions/store/dynamodb_records.py",
        "DynamoDB: the organisation's aggregates drop a row",
        'found = {item["workplace_id"]["S"]: aggregate_from(item) for item in items}',
        'found = {item["workplace_id"]["S"]: aggregate_from(item) for item in items[1:]}',
        STORE_TESTS,
    ),
    Planted(
        "functions/store/sqlite_records.py",
        "SQLite: a smaller release overwrites a bigger one",
        "WHERE excluded.count > released_aggregates.count",
        "WHERE excluded.count >= 0",
        STORE_TESTS,
    ),
)
