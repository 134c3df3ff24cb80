"""Judging what kiosks send: each item alone, with one reason per rejection."""

from datetime import UTC, datetime, timedelta

import pytest

from functions.content import load_name_list
from functions.domain.judging import Rejection, judge_checkins, judge_completions
from functions.domain.models import CheckinToRecord, CompletionStatus

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # Thursday of 2026-W48
ID = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
OTHER_ID = "6fa459ea-ee8a-4ca4-894e-db77e160355e"
PROMPTS = {"tilgaengelige", "modet"}
NAMES = load_name_list()


def checkin(**overrides):
    return {"id": ID, "score": 7, "at": "2026-11-26T10:55:00+01:00", **overrides}


def completion(**overrides):
    return {
        "id": ID,
        "prompt_id": "modet",
        "text": "vi lytter til hinanden",
        "at": "2026-11-26T10:55:00+01:00",
        **overrides,
    }


def reasons(items, now=NOW):
    return [r.reason for r in judge_checkins(items, now)[1]]


def test_good_checkin_keeps_its_week_and_score_and_nothing_finer():
    accepted, rejected = judge_checkins([checkin()], NOW)
    # marker: midnight UTC, 40 days after 2026-11-26 = 2027-01-05
    expires = int(datetime(2027, 1, 5, tzinfo=UTC).timestamp())
    assert accepted == [CheckinToRecord(ID, "2026-W48", 7, expires)]
    assert rejected == []


def test_marker_expiry_is_a_whole_day_whatever_the_hour():
    tap = checkin(at="2026-11-25T12:00:00Z")
    early = judge_checkins([tap], NOW.replace(hour=0, minute=1))[0][0]
    late = judge_checkins([tap], NOW.replace(hour=23, minute=59))[0][0]
    assert early.marker_expires_at == late.marker_expires_at
    assert early.marker_expires_at % 86400 == 0


def test_week_is_that_of_the_tap_not_of_the_upload():
    # Given a tap on Sunday 23:50 in Copenhagen, handed in days later
    accepted, _ = judge_checkins([checkin(at="2026-11-22T23:50:00+01:00")], NOW)
    assert accepted[0].week == "2026-W47"


def test_each_item_is_judged_alone():
    items = [checkin(score=11), checkin(id=OTHER_ID)]
    accepted, rejected = judge_checkins(items, NOW)
    assert [c.event_id for c in accepted] == [OTHER_ID]
    assert rejected == [Rejection(ID, "invalid_score")]


@pytest.mark.parametrize(
    ("item", "reported"),
    [
        (checkin(id="not-a-uuid"), "not-a-uuid"),
        (checkin(id="{" + ID + "}"), "{" + ID + "}"),
        (checkin(id=12345), "12345"),
        (checkin(id=["x"]), "['x']"),
        (checkin(id=None), ""),
        ({"score": 7, "at": "2026-11-26T10:55:00+01:00"}, ""),
        (checkin(id="x" * 500), "x" * 64),
        ("not an object", ""),
        (None, ""),
    ],
)
def test_ids_must_be_uuid_strings_and_are_echoed_short(item, reported):
    assert judge_checkins([item], NOW)[1] == [Rejection(reported, "invalid_id")]


def test_an_id_too_long_to_print_is_echoed_as_nothing():
    # Python refuses to write an int of more than 4,300 digits as text
    assert judge_checkins([checkin(id=10**5000)], NOW)[1] == [Rejection("", "invalid_id")]


def test_uppercase_uuid_is_accepted_as_sent():
    accepted, _ = judge_checkins([checkin(id=ID.upper())], NOW)
    assert accepted[0].event_id == ID.upper()


@pytest.mark.parametrize("score", [0, 11, -1, True, False, 5.0, "5", None, [5]])
def test_score_must_be_a_whole_number_from_1_to_10(score):
    assert reasons([checkin(score=score)]) == ["invalid_score"]


@pytest.mark.parametrize("score", [1, 10])
def test_scores_1_and_10_are_fine(score):
    assert judge_checkins([checkin(score=score)], NOW)[0][0].score == score


@pytest.mark.parametrize(
    "at",
    [
        "2026-11-26T10:55:00",
        "2026-11-26",
        "2026-11-26 10:55:00+01:00",
        "2026-02-30T10:00:00Z",
        "2026-11-26T24:00:00Z",
        "2026-11-26T10:55:60Z",
        "2026-11-26T10:55:00+1:00",
        "yesterday",
        "",
        1764150900,
        None,
    ],
)
def test_time_must_be_rfc3339_with_an_offset(at):
    assert reasons([checkin(at=at)]) == ["invalid_time"]


@pytest.mark.parametrize(
    "at", ["2026-11-26T09:55:00Z", "2026-11-26t09:55:00z", "2026-11-26T09:55:00.123456789-00:00"]
)
def test_utc_and_fractions_are_fine(at):
    assert len(judge_checkins([checkin(at=at)], NOW)[0]) == 1


def test_taps_up_to_35_days_old_are_taken_and_older_ones_not():
    oldest = (NOW - timedelta(days=35)).isoformat()
    too_old = (NOW - timedelta(days=35, seconds=1)).isoformat()
    assert reasons([checkin(at=oldest)]) == []
    assert reasons([checkin(at=too_old)]) == ["too_old"]


def test_taps_up_to_10_minutes_ahead_are_taken_and_later_ones_not():
    ahead = (NOW + timedelta(minutes=10)).isoformat()
    too_far = (NOW + timedelta(minutes=10, seconds=1)).isoformat()
    assert reasons([checkin(at=ahead)]) == []
    assert reasons([checkin(at=too_far)]) == ["in_future"]


def test_same_id_twice_in_a_batch_counts_once():
    accepted, rejected = judge_checkins([checkin(), checkin(score=3), checkin(score=4)], NOW)
    assert [c.score for c in accepted] == [7]
    assert rejected == [Rejection(ID, "duplicate_in_batch")] * 2


def test_an_id_stays_claimed_even_when_its_first_item_was_bad():
    rejected = judge_checkins([checkin(score=99), checkin()], NOW)[1]
    assert [r.reason for r in rejected] == ["invalid_score", "duplicate_in_batch"]


def test_good_completion_is_cleaned_and_gets_a_fresh_id():
    item = completion(text="  vi  lytter\u202e til\nhinanden ")
    accepted, rejected = judge_completions([item], NOW, PROMPTS, lambda: "c-1", NAMES)
    assert rejected == []
    stored = accepted[0]
    assert (stored.event_id, stored.completion_id) == (ID, "c-1")
    assert (stored.week, stored.prompt_id) == ("2026-W48", "modet")
    assert stored.text == "vi lytter til hinanden"
    assert stored.status is CompletionStatus.VISIBLE


def test_completion_that_seems_to_name_someone_is_held():
    item = completion(text="vi lytter når Mette taler")
    stored = judge_completions([item], NOW, PROMPTS, lambda: "c-1", NAMES)[0][0]
    assert stored.status is CompletionStatus.HELD


@pytest.mark.parametrize("prompt_id", ["ukendt", None, 3, ["modet"]])
def test_completion_must_answer_a_known_prompt(prompt_id):
    rejected = judge_completions(
        [completion(prompt_id=prompt_id)], NOW, PROMPTS, lambda: "c", NAMES
    )[1]
    assert rejected == [Rejection(ID, "unknown_prompt")]


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u200f", "x" * 281, None, 42])
def test_completion_text_must_hold_1_to_280_characters_after_cleaning(text):
    rejected = judge_completions([completion(text=text)], NOW, PROMPTS, lambda: "c", NAMES)[1]
    assert rejected == [Rejection(ID, "invalid_text")]


def test_280_characters_after_cleaning_are_fine():
    text = "x" * 280 + "   \u200b"
    assert len(judge_completions([completion(text=text)], NOW, PROMPTS, lambda: "c", NAMES)[0]) == 1


def test_one_character_after_cleaning_is_fine():
    accepted, _ = judge_completions(
        [completion(text=" ja\u200b ")], NOW, PROMPTS, lambda: "c", NAMES
    )
    assert [c.text for c in accepted] == ["ja"]
    accepted, _ = judge_completions(
        [completion(text="\u200b!  ")], NOW, PROMPTS, lambda: "c", NAMES
    )
    assert [c.text for c in accepted] == ["!"]


def test_completions_follow_the_same_id_and_time_rules():
    items = [
        completion(id="nope"),
        completion(id=OTHER_ID, at="2026-11-26T10:00:00"),
        completion(),
        completion(text="igen"),
    ]
    rejected = judge_completions(items, NOW, PROMPTS, lambda: "c", NAMES)[1]
    assert [r.reason for r in rejected] == ["invalid_id", "invalid_time", "duplicate_in_batch"]


def test_the_sixth_digit_of_a_fraction_counts():
    # Given a clock at 5 µs past the second, the oldest tap taken is 35 days back to the µs
    now = NOW + timedelta(microseconds=5)
    oldest = (now - timedelta(days=35)).isoformat()
    assert oldest.endswith(".000005+00:00")
    # Then it is taken, and 1 µs earlier is too old
    assert reasons([checkin(at=oldest)], now) == []
    too_old = (now - timedelta(days=35, microseconds=1)).isoformat()
    assert reasons([checkin(at=too_old)], now) == ["too_old"]
