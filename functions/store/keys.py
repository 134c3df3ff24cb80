"""Every key of the DynamoDB table, and only here: one table, `pk`/`sk`, index `gsi1` on
`gsi1pk`/`gsi1sk`, TTL attribute `expires_at`.

item              pk                sk                           gsi1pk / gsi1sk
----------------  ----------------  ---------------------------  -------------------------------
settings          SETTINGS          SETTINGS
sign-in settings  SETTINGS          SIGNIN
workplace         ORG               WP#<id>
week aggregate    WP#<id>           WEEK#<week>                  WEEK#<week> / WP#<id>
released figures  WP#<id>           RELEASED#<week>              RELEASED#<week> / WP#<id>
event marker      EVT#<event id>    EVT
completion        COMP#<id>         COMP                         WP#<wp>#WEEK#<week>#COMP
                                                                   / COMP#<id>
held for review   REVIEW            COMP#<id>
token             TOKEN#<hash>      TOKEN                        viewer tokens: WP#<wp>#VIEWER
                                                                   / TOKEN#<created on>#<token id>
token id lookup   TOKENID#<id>      TOKENID
admin epoch       ADMIN             EPOCH
device            DEVICE#<id>       DEVICE                       WP#<wp>#DEV / DEVICE#<id>
pairing code      PAIR#<code>       PAIR
prompt            PROMPTS           PROMPT#<id>
rotation order    PROMPTS           ORDER
pin               PINS              WEEK#<week>#ALL or WEEK#<week>#WP#<wp>
audit entry       AUDIT             <at>#<random>
digest record     DIGEST#<week>     <scope>#<sha-256 of the address>
digest language   LANG              ADDR#<sha-256 of the address>

Items with an expiry (TTL `expires_at`): event markers, pairing codes, admin sessions and sign-in
links (tokens with an expiry), digest records (after a year). (Attempt counters, ATTEMPT#<bucket>
/ W#<window>, are no longer written; TTL removes those left.)

Access patterns (GetItem unless said otherwise; never Scan):
- settings, sign-in settings, workplace, token by hash, device, pairing code, prompt, rotation,
  completion, admin epoch: by key.
- rotate the admin token: one transaction raising the admin epoch (on condition) and adding the
  new token; tokens of older epochs are refused when read, so none needs to be listed.
- all workplaces: Query pk=ORG, sk begins_with WP#.
- a workplace's weeks: Query pk=WP#<id>, sk between WEEK#<first> and WEEK#<last> (ISO weeks sort
  as text); one call whatever the number of check-ins.
- every workplace's aggregate of a week: Query gsi1 gsi1pk=WEEK#<week>.
- the same two for released figures (what viewers see): RELEASED#<week> in place of WEEK#<week>.
- a workplace's completions of a week: Query gsi1 gsi1pk=WP#<wp>#WEEK#<week>#COMP.
- completions held for review: Query pk=REVIEW (an item exists only while held).
- a workplace's viewer tokens / devices: Query gsi1 gsi1pk=WP#<wp>#VIEWER / WP#<wp>#DEV.
- revoke a viewer token by id: GetItem TOKENID#<id> (holds the hash), then the token.
- prompts in creation order: Query pk=PROMPTS, sk begins_with PROMPT#, sorted by attribute `seq`.
- pins of weeks first..last: Query pk=PINS, sk between WEEK#<first># and WEEK#<last>$.
- a week's digest records: Query pk=DIGEST#<week>; claim one: UpdateItem with a condition.
- every kept digest language: Query pk=LANG, sk begins_with ADDR# (one item per person who chose).
- newest audit entries: Query pk=AUDIT, descending, Limit.

Privacy: a check-in's score exists only inside its week's aggregate; an event marker holds its
event id and a day-precision `expires_at`, nothing else. Completions carry their week, no time,
and random ids, so no sort order reveals when one was written.

A `#` inside a key part could make two formats meet (a workplace id "x#DEV"), so `#` and `%` in
a part are percent-encoded; ids we make hold neither, so their keys read as above.
"""

from __future__ import annotations

from typing import NamedTuple


class Key(NamedTuple):
    """The primary key of one item."""

    pk: str
    sk: str


def _part(value: str) -> str:
    return value.replace("%", "%25").replace("#", "%23")


SETTINGS = Key("SETTINGS", "SETTINGS")
ADMIN_EPOCH = Key("ADMIN", "EPOCH")
SIGNIN_SETTINGS = Key("SETTINGS", "SIGNIN")
ROTATION = Key("PROMPTS", "ORDER")
WORKPLACES_PK, WORKPLACE_PREFIX = "ORG", "WP#"
PROMPTS_PK, PROMPT_PREFIX = "PROMPTS", "PROMPT#"
REVIEW_PK, REVIEW_PREFIX = "REVIEW", "COMP#"
PINS_PK = "PINS"
AUDIT_PK = "AUDIT"
LANGUAGES_PK, LANGUAGE_PREFIX = "LANG", "ADDR#"


def workplace(workplace_id: str) -> Key:
    """A workplace."""
    return Key(WORKPLACES_PK, WORKPLACE_PREFIX + _part(workplace_id))


def aggregate(workplace_id: str, week: str, released: bool = False) -> Key:
    """A workplace's aggregate of one week (or its released figures)."""
    return Key(f"WP#{_part(workplace_id)}", aggregates_of_week(week, released))


def aggregate_index(workplace_id: str, week: str, released: bool = False) -> Key:
    """An aggregate's gsi1 key: all workplaces of a week under one partition."""
    return Key(aggregates_of_week(week, released), f"WP#{_part(workplace_id)}")


def aggregates_of_week(week: str, released: bool = False) -> str:
    """The gsi1 partition of every workplace's aggregate (or released figures) of one week."""
    return f"{'RELEASED' if released else 'WEEK'}#{_part(week)}"


def marker(event_id: str) -> Key:
    """The idempotency marker of one check-in or completion event."""
    return Key(f"EVT#{_part(event_id)}", "EVT")


def completion(completion_id: str) -> Key:
    """A sentence completion."""
    return Key(f"COMP#{_part(completion_id)}", "COMP")


def completion_index(workplace_id: str, week: str, completion_id: str) -> Key:
    """A completion's gsi1 key: one partition per workplace and week."""
    return Key(completions_of_week(workplace_id, week), f"COMP#{_part(completion_id)}")


def completions_of_week(workplace_id: str, week: str) -> str:
    """The gsi1 partition of a workplace's completions of one week."""
    return f"WP#{_part(workplace_id)}#WEEK#{_part(week)}#COMP"


def review(completion_id: str) -> Key:
    """The review-queue entry of a held completion."""
    return Key(REVIEW_PK, REVIEW_PREFIX + _part(completion_id))


def token(token_hash: str) -> Key:
    """A token record, by the hash of the token."""
    return Key(f"TOKEN#{_part(token_hash)}", "TOKEN")


def token_id(token_id: str) -> Key:
    """The lookup item that leads from a token id to its hash."""
    return Key(f"TOKENID#{_part(token_id)}", "TOKENID")


def viewer_token_index(workplace_id: str, created_on: str, token_id: str) -> Key:
    """A viewer token's gsi1 key: a workplace's viewer tokens, oldest first."""
    return Key(viewer_tokens_of(workplace_id), f"TOKEN#{_part(created_on)}#{_part(token_id)}")


def viewer_tokens_of(workplace_id: str) -> str:
    """The gsi1 partition of a workplace's viewer tokens."""
    return f"WP#{_part(workplace_id)}#VIEWER"


def device(device_id: str) -> Key:
    """A paired tablet."""
    return Key(f"DEVICE#{_part(device_id)}", "DEVICE")


def device_index(workplace_id: str, device_id: str) -> Key:
    """A device's gsi1 key: a workplace's devices."""
    return Key(devices_of(workplace_id), f"DEVICE#{_part(device_id)}")


def devices_of(workplace_id: str) -> str:
    """The gsi1 partition of a workplace's devices."""
    return f"WP#{_part(workplace_id)}#DEV"


def pairing_code(code: str) -> Key:
    """A pairing code."""
    return Key(f"PAIR#{_part(code)}", "PAIR")


def prompt(prompt_id: str) -> Key:
    """A sentence prompt."""
    return Key(PROMPTS_PK, PROMPT_PREFIX + _part(prompt_id))


def pin(week: str, workplace_id: str | None) -> Key:
    """A pin of one week, for all workplaces (None) or one."""
    scope = "ALL" if workplace_id is None else f"WP#{_part(workplace_id)}"
    return Key(PINS_PK, f"WEEK#{_part(week)}#{scope}")


def pin_range(first_week: str, last_week: str) -> tuple[str, str]:
    """Sort-key bounds that hold every pin of weeks first..last ("$" sorts right after "#")."""
    return f"WEEK#{_part(first_week)}#", f"WEEK#{_part(last_week)}$"


def audit(at: str, suffix: str) -> Key:
    """An audit entry; the random suffix keeps entries of the same minute apart."""
    return Key(AUDIT_PK, f"{_part(at)}#{_part(suffix)}")


def digest(week: str, scope: str, recipient_hash: str) -> Key:
    """The record that one Monday digest was claimed, sent or failed."""
    return Key(digests_of_week(week), f"{_part(scope)}#{_part(recipient_hash)}")


def digests_of_week(week: str) -> str:
    """The partition of a week's digest records."""
    return f"DIGEST#{_part(week)}"


def language(address_hash: str) -> Key:
    """The digest language of the person whose address has this SHA-256."""
    return Key(LANGUAGES_PK, LANGUAGE_PREFIX + _part(address_hash))
