"""A small organisation with known weeks, on a real SQLite file, for the digest and PDF tests.

Week 48 of 2026 (the digest's week) and week 47 before it:
- Børn / Solsikken: 7 answers in week 48 (mean 7.0), 6 in week 47 (mean 6.0); one approved
  sentence and one held for review. Led by anna@ and bo@.
- Børn / Mælkebøtten: 3 answers in week 48 (under the threshold of 5), 5 in week 47. Led by anna@.
  So anna@ leads the whole area Børn (one area e-mail), bo@ leads Solsikken alone.
- Drift / Lageret: 10 answers in week 48 (mean 4.0), 8 in week 47 (mean 6.5). Led by carl@.
Every week is released to viewers the way check-ins release it (domain/release.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

from functions.content import load_content
from functions.domain.bootstrap import seed_prompts
from functions.domain.models import (
    CheckinToRecord,
    CompletionStatus,
    CompletionToRecord,
    Workplace,
)
from functions.domain.release import release_weeks
from functions.store.sqlite import SqliteStore

WEEK, WEEK_BEFORE = "2026-W48", "2026-W47"
# Monday 30 November 2026, 07:00 in Copenhagen (winter time): the digest of week 48 is due.
DUE = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
K = 5
SCORES = {
    ("solsikken", WEEK): [5, 6, 7, 7, 8, 8, 8],
    ("solsikken", WEEK_BEFORE): [4, 5, 6, 6, 7, 8],
    ("maelkeboetten", WEEK): [2, 9, 10],
    ("maelkeboetten", WEEK_BEFORE): [6, 6, 7, 7, 8],
    ("lageret", WEEK): [1, 2, 3, 4, 4, 4, 5, 5, 6, 6],
    ("lageret", WEEK_BEFORE): [5, 6, 6, 6, 7, 7, 7, 8],
}
WORKPLACES = (
    Workplace("solsikken", "Solsikken", "Børn", leaders=("anna@norddjurs.dk", "bo@norddjurs.dk")),
    Workplace("maelkeboetten", "Mælkebøtten", "Børn", leaders=("anna@norddjurs.dk",)),
    Workplace("lageret", "Lageret", "Drift", leaders=("carl@norddjurs.dk",)),
)
APPROVED = "vi lytter til hinanden ved morgenmødet"
HELD = "Hvis Karsten holdt op med at afbryde"


def build_organisation(path: str) -> SqliteStore:
    """The organisation above in a fresh SQLite file."""
    store = SqliteStore(path)
    seed_prompts(store, load_content().as_document()["prompts"])
    for workplace in WORKPLACES:
        store.create_workplace(workplace)
    for (workplace_id, week), scores in SCORES.items():
        store.record_checkins(
            workplace_id,
            [
                CheckinToRecord(f"{workplace_id}-{week}-{i}", week, score, 4_102_444_800)
                for i, score in enumerate(scores)
            ],
        )
        release_weeks(store, workplace_id, [week], K)
    for event, text, status in [
        ("c1", APPROVED, CompletionStatus.VISIBLE),
        ("c2", HELD, CompletionStatus.HELD),
    ]:
        store.record_completions(
            "solsikken",
            [CompletionToRecord(event, f"id-{event}", WEEK, "tilgaengelige", text, status, 0)],
        )
    return store
