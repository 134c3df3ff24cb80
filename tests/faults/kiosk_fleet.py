"""Simulated kiosks built from the app's real outbox and sync loop, talking HTTP (httpx) to a real
server through a fault proxy, with their tablet storage kept across restarts.

What each kiosk tapped is planned up front, so the test knows exactly what every workplace's weeks
must hold in the end, computed here on its own (Copenhagen ISO weeks) and not by product code.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from app.client.api import ApiClient
from app.client.clock import ClockWatch
from app.client.outbox import PREFIX, Outbox
from app.client.storage import MemoryStore
from app.client.sync import Syncer
from app.client.transport import HttpxTransport, Transport
from tests.faults.fault_proxy import FaultProxy
from tests.serving import TEST_ADMIN_TOKEN

CPH = ZoneInfo("Europe/Copenhagen")
# Tablets write their own clock's offset; the server must place each tap in Copenhagen's week.
OFFSETS = (CPH, UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30)))
WINDOW = timedelta(days=34)  # the API takes taps up to 35 days old; keep a day in hand
REQUEST_TIMEOUT = 1.0  # the kiosk's wait for an answer; the proxy's slow fault can exceed it
SENTENCE = "vi lytter til hinanden, også når det er svært"

Aggregates = dict[tuple[str, str], tuple[int, int, tuple[int, ...]]]


def iso_week(moment: datetime) -> str:
    """The ISO week of a moment on a Copenhagen clock, e.g. "2026-W48"."""
    year, week, _ = moment.astimezone(CPH).isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Tap:
    """One person at the tablet: a score, when, and whether they also completed the sentence."""

    score: int
    at: datetime
    sentence: bool = False


class TabletStorage(MemoryStore):
    """SharedPreferences stand-in: a dict that outlives the app and, like the real (remote)
    service, yields on every call, so a restart can land between any two storage operations."""

    async def get(self, key: str) -> str | None:
        """The value, after a yield."""
        await asyncio.sleep(0)
        return await super().get(key)

    async def set(self, key: str, value: str) -> None:
        """Store, after a yield."""
        await asyncio.sleep(0)
        await super().set(key, value)

    async def remove(self, key: str) -> None:
        """Forget, after a yield."""
        await asyncio.sleep(0)
        await super().remove(key)

    async def keys(self, prefix: str) -> list[str]:
        """Keys under prefix, after a yield."""
        await asyncio.sleep(0)
        return await super().keys(prefix)


@dataclass(eq=False)
class SimKiosk:
    """One tablet: real Outbox and Syncer over an httpx transport; restartable mid-anything."""

    name: str
    workplace_id: str
    token: str
    api_url: str
    prompt_id: str
    taps: list[Tap]
    restart_after: set[int] = field(default_factory=set)  # restart right after these taps
    make_transport: Callable[[], Transport] = HttpxTransport
    storage: TabletStorage = field(default_factory=TabletStorage)
    restarts: int = 0
    # How far the tablet's clock is off: it stamps taps and each batch's sent_at with it.
    clock_error: timedelta = timedelta(0)

    def __post_init__(self) -> None:
        self._lock = asyncio.Lock()
        self._moment = datetime.now(UTC)
        # Outlives restarts: the real kiosk learns its offset again at once from GET /v1/kiosk,
        # which these kiosks, having no config loop, never call.
        self.clock_watch = ClockWatch(lambda: datetime.now(UTC) + self.clock_error)

    async def boot(self) -> None:
        """Start the app: load the outbox from storage and run the sync loop."""
        self.transport = self.make_transport()
        self.outbox = Outbox(self.storage, now=lambda: self._moment + self.clock_error)
        await self.outbox.load()
        api = ApiClient(self.api_url, self.transport, self.token, timeout=REQUEST_TIMEOUT)
        self.syncer = Syncer(
            self.outbox,
            api,
            "fault-sim",
            poll_seconds=0.05,
            base_delay=0.02,
            max_delay=0.25,
            heartbeat_seconds=2.0,
            clock_watch=self.clock_watch,
        )
        self._task = asyncio.ensure_future(self.syncer.run())

    async def shut_down(self) -> None:
        """Kill the app wherever it is (in a request, in the middle of settling a batch)."""
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        await self.transport.aclose()

    async def restart(self) -> None:
        """Kill the app and start it again on the same tablet storage."""
        async with self._lock:
            await self.shut_down()
            self.restarts += 1
            await self.boot()

    async def tap_all(self, rng: random.Random, pause: float) -> None:
        """Every planned tap, one after another, as people come by."""
        for n, tap in enumerate(self.taps):
            async with self._lock:
                self._moment = tap.at
                await self.outbox.add_checkin(tap.score)
                if tap.sentence:
                    await self.outbox.add_completion(self.prompt_id, SENTENCE)
                self.syncer.kick()
            if n in self.restart_after:
                await self.restart()
            await asyncio.sleep(rng.uniform(0, pause))

    async def waiting(self) -> int:
        """Entries still in the outbox, in memory or in storage."""
        return max(self.outbox.depth(), len(await self.storage.keys(PREFIX)))


def plan_taps(
    count: int, now: datetime, rng: random.Random, turn: int = 0, sentences: float = 0.1
) -> list[Tap]:
    """`count` taps over the last 34 days, the weeks taken in turn (so each gets its share),
    with every tenth one exactly at the last week boundary: the second before Monday 00:00 in
    Copenhagen or Monday 00:00 itself, written in one of several offsets. A share `sentences`
    of the people also complete the sentence."""
    first, last = now - WINDOW, now - timedelta(minutes=1)
    mondays = _mondays(first, last)
    boundary = mondays[-1] if mondays[-1] > first else None
    taps = []
    for i in range(count):
        if boundary and i % 10 == 9:
            moment = boundary - timedelta(seconds=rng.choice((1, 0)))
        else:
            start = max(mondays[(i + turn) % len(mondays)], first)
            end = min(start + timedelta(days=7), last)
            moment = start + timedelta(seconds=rng.randrange(int((end - start).total_seconds())))
        moment = moment.replace(microsecond=0).astimezone(rng.choice(OFFSETS))
        taps.append(Tap(rng.randint(1, 10), moment, sentence=rng.random() < sentences))
    return taps


def _mondays(first: datetime, last: datetime) -> list[datetime]:
    local = first.astimezone(CPH)
    monday = datetime.combine(local.date() - timedelta(days=local.weekday()), datetime.min.time())
    mondays = []
    while True:
        aware = monday.replace(tzinfo=CPH)  # local midnight, DST-correct
        if aware > last:
            return mondays
        mondays.append(aware)
        monday += timedelta(days=7)


def expected_aggregates(kiosks: Iterable[SimKiosk]) -> Aggregates:
    """What each workplace's weeks must hold: count, sum and distribution of what was tapped."""
    taps: dict[tuple[str, str], list[int]] = defaultdict(list)
    for kiosk in kiosks:
        for tap in kiosk.taps:
            taps[(kiosk.workplace_id, iso_week(tap.at))].append(tap.score)
    return {
        key: (len(scores), sum(scores), tuple(scores.count(s) for s in range(1, 11)))
        for key, scores in taps.items()
    }


def expected_sentences(kiosks: Iterable[SimKiosk]) -> Counter[str]:
    """How many sentence completions each workplace must hold."""
    return Counter(k.workplace_id for k in kiosks for tap in k.taps if tap.sentence)


def stored_aggregates(db_path: Path, workplace_ids: Iterable[str]) -> Aggregates:
    """What the server's SQLite file holds for these workplaces, read straight from the file."""
    wanted = set(workplace_ids)
    with sqlite3.connect(db_path) as db:
        rows = db.execute(
            "SELECT workplace_id, week, count, total, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10 "
            "FROM week_aggregates"
        ).fetchall()
    return {(r[0], r[1]): (r[2], r[3], tuple(r[4:])) for r in rows if r[0] in wanted}


def stored_sentences(db_path: Path, workplace_ids: Iterable[str]) -> Counter[str]:
    """How many completions the SQLite file holds per workplace."""
    wanted = set(workplace_ids)
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT workplace_id, COUNT(*) FROM completions GROUP BY 1").fetchall()
    return Counter({wp: n for wp, n in rows if wp in wanted})


class Organisation:
    """Sets up workplaces and pairs tablets through the admin API, straight to the server."""

    def __init__(self, api_url: str) -> None:
        self.api_url = api_url
        self.admin = httpx.Client(
            base_url=api_url, headers={"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}, timeout=30
        )
        prompts = self.admin.get("/v1/prompts").json()["prompts"]
        self.prompt_id = next(p["id"] for p in prompts if p["active"])

    def workplace(self, name: str) -> str:
        """A new workplace; its id."""
        answer = self.admin.post("/v1/workplaces", json={"name": name})
        answer.raise_for_status()
        return answer.json()["id"]

    def pair(self, workplace_id: str, name: str) -> str:
        """A device token for a new tablet of the workplace."""
        code = self.admin.post(f"/v1/workplaces/{workplace_id}/pairing-codes").json()["code"]
        answer = self.admin.post(
            "/v1/pair", json={"code": code, "device_name": name}, headers={"Authorization": ""}
        )
        answer.raise_for_status()
        return answer.json()["device_token"]

    def pulse_weeks(self, workplace_id: str, weeks: int = 7) -> list[dict]:
        """The workplace's weeks as a viewer (here: the admin) sees them."""
        answer = self.admin.get(f"/v1/workplaces/{workplace_id}/pulse", params={"weeks": weeks})
        answer.raise_for_status()
        return answer.json()["weeks"]

    def close(self) -> None:
        """Close the admin client."""
        self.admin.close()


@dataclass
class FleetReport:
    """What one run went through."""

    taps: int
    seconds: float
    faults: Counter[str]
    restarts: int


async def run_fleet(
    kiosks: list[SimKiosk],
    proxy: FaultProxy | None,
    rng: random.Random,
    *,
    pause: float,
    restart_every: float | None,
    drain_seconds: float = 90.0,
) -> FleetReport:
    """Boot every kiosk, tap everything, restart kiosks now and then, and wait until every
    outbox is empty and every held-back request has reached the server."""
    by_token = {k.token: k for k in kiosks}
    restarting: set[asyncio.Task] = set()

    def restart(token: str) -> None:
        task = asyncio.ensure_future(by_token[token].restart())
        restarting.add(task)
        task.add_done_callback(restarting.discard)

    if proxy:
        proxy.on_restart = restart
    started = asyncio.get_running_loop().time()
    for kiosk in kiosks:
        await kiosk.boot()
    chaos = asyncio.ensure_future(_restart_now_and_then(kiosks, rng, restart_every, restart))
    await asyncio.gather(*(k.tap_all(random.Random(rng.random()), pause) for k in kiosks))
    chaos.cancel()
    await asyncio.gather(chaos, return_exceptions=True)
    await _drain(kiosks, proxy, restarting, drain_seconds)
    seconds = asyncio.get_running_loop().time() - started
    if proxy:
        proxy.on_restart = lambda token: None  # no restart may race the final shutdown
    await asyncio.gather(*list(restarting), return_exceptions=True)
    for kiosk in kiosks:
        await kiosk.shut_down()
    return FleetReport(
        taps=sum(len(k.taps) for k in kiosks),
        seconds=seconds,
        faults=Counter(proxy.stats if proxy else {}),
        restarts=sum(k.restarts for k in kiosks),
    )


async def _restart_now_and_then(
    kiosks: list[SimKiosk], rng: random.Random, every: float | None, restart: Callable
) -> None:
    # Each restart is a task of its own: stopping the chaos must never stop a restart half-way.
    if not every:
        return
    while True:
        await asyncio.sleep(rng.uniform(0, 2 * every))
        restart(rng.choice(kiosks).token)


async def _drain(
    kiosks: list[SimKiosk], proxy: FaultProxy | None, restarting: set, seconds: float
) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        await asyncio.gather(*list(restarting), return_exceptions=True)
        waiting = [await k.waiting() for k in kiosks]
        if not any(waiting) and not restarting:
            if proxy:
                await proxy.settled()
            if not any([await k.waiting() for k in kiosks]):
                return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"outboxes never emptied: {waiting}")
        await asyncio.sleep(0.05)
