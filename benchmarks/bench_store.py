"""Store benchmark: Taftan Desk's services on a database of a million crossings.

Run from the project root:

    .venv/bin/python benchmarks/bench_store.py [--rows 1000000] [--db PATH] [--samples 500]
                                               [--keep] [--profile N]

Without --db the database is built in a temporary directory and deleted afterwards (--keep
keeps it and prints its path). With --db an existing file that already holds >= --rows
crossings is reused, so reruns skip the build; a missing file is built there.

The build creates the schema with the real migrations, initialises the station and creates
an officer through the services, then fills `crossings` by a BULK path (raw sqlite3
executemany, 50,000 rows per transaction, synchronous=OFF while it runs, secondary indexes
rebuilt at the end). Bulk rows get no audit events, seals or inspections. The build runs in
a child process so that the peak RSS printed is that of the measured services alone.

Measured through the real services (WAL, synchronous=FULL, BEGIN IMMEDIATE) with a warm page
cache: registering a crossing, a container's history, one day's list; then the same
single-row insert as raw sqlite3 with the same durability, for the ratio services/raw.
Last, a desk's once-a-second look at the change feed, idle and just after a registration.
--profile N registers N more crossings under cProfile and prints where the time goes.
It prints numbers only; it asserts nothing.
"""

import argparse
import cProfile
import multiprocessing
import os
import pstats
import random
import re
import resource
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import event
from timing import Timing, timed

from taftan_desk.core import containers, uic
from taftan_desk.core.owners import DEFAULT_KNOWN_OWNERS
from taftan_desk.core.registration import RegistrationInput, SealInput
from taftan_desk.core.roles import Role
from taftan_desk.db.engine import make_engine
from taftan_desk.db.migrate import upgrade
from taftan_desk.services import desk_key
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.demo import TRAFFIC_PROFILES
from taftan_desk.services.desk_key import DeskIdentity, FileTrustStore
from taftan_desk.services.queries import QueueSort

T = TypeVar("T")
SEED = 6346
FULL_DAY = 1_000  # rows on the busiest days; every 10th day is that full
BATCH = 50_000
CROSSINGS_PER_CONTAINER = 5
WARM_UP = 5
STATION = "TFT"
ADMIN_NAME, OFFICER_NAME, PASSWORD = "benchadmin", "benchofficer", "bench-password-1"
SCRATCH = "bench_raw_insert"
TARGETS_MS = {"register": 5.0, "history": 5.0, "day": 30.0}

COLUMNS = (
    "entry_no", "station_code", "direction", "mode", "truck_plate", "train_no", "wagon_no",
    "container_no", "size_type", "max_gross_kg", "cargo_category", "hs_code", "description",
    "declared_net_kg", "gd_number", "tir_carnet", "tir_voucher", "gross_kg", "tare_kg", "net_kg",
    "weighed_at", "weighed_by", "channel", "channel_reasons_json", "random_draw_bp",
    "random_rate_bp", "status", "status_note", "registered_at", "registered_by", "closed_at",
    "closed_by", "updated_at", "version",
)  # fmt: skip

# The demo traffic's mix: (direction, category, share, net range kg, HS codes).
PROFILES = TRAFFIC_PROFILES
PROFILE_WEIGHTS = [p[2] for p in PROFILES]
WEIGHTED_PROFILES = [(d, c, net, hs) for d, c, share, net, hs in PROFILES for _ in range(share)]
TARES = (("22G1", 2_300, None), ("42G1", 3_750, 30_480), ("45G1", 3_940, 32_500))
PLATE_REGIONS = ("QAA", "QAB", "QKA", "IR-13", "IR-85", "LES", "KHI")
TRAINS = ("ML-ZHD-01", "ML-ZHD-03", "QICT-AST-2", "PICT-AST-5")
RANDOM_REASON = '[{"code":"random_selection","channel":"yellow","text":"Random selection"}]'
RISK_REASON = '[{"code":"risk_profile","channel":"red","text":"Risk profile"}]'
OPEN_STATUSES = ("registered", "awaiting_inspection", "inspected", "held")


# -- database location and build ------------------------------------------------------------
@dataclass(frozen=True)
class BuildInfo:
    crossings: int
    seconds: float | None  # None: an existing database was reused
    peak_rss_mb: float
    stages: dict[str, float]


def database_path(args: argparse.Namespace) -> tuple[Path, Path | None]:
    """The database file, and the temporary directory to delete afterwards (if any)."""
    if args.db:
        return Path(args.db).expanduser().resolve(), None
    workdir = Path(tempfile.mkdtemp(prefix="taftan-bench-"))
    return workdir / "bench.db", None if args.keep else workdir


def count_crossings(path: Path) -> int:
    if not path.exists():
        return 0
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM crossings").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def prepare(path: Path, rows: int) -> BuildInfo:
    existing = count_crossings(path)
    if existing >= rows:
        return BuildInfo(existing, None, 0.0, {})
    if existing:
        raise SystemExit(f"{path} holds {existing:,} crossings, fewer than {rows:,}: use another")
    started = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=build, args=(str(path), rows, queue))
    child.start()
    child.join()  # the queue carries a few floats: safe to read after join
    if child.exitcode != 0:
        raise SystemExit(f"the build failed (exit code {child.exitcode})")
    stages = queue.get(timeout=10)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return BuildInfo(count_crossings(path), time.perf_counter() - started, peak, stages)


def build(path: str, rows: int, queue: "multiprocessing.Queue[dict[str, float]]") -> None:
    """Runs in a child process: schema and station through the services, then bulk rows."""
    started = time.perf_counter()
    officer_id, zone = set_up_station(Path(path))
    stages = {"setup": time.perf_counter() - started}
    stages.update(bulk_fill(Path(path), rows, officer_id, zone))
    queue.put(stages)


def bench_identity(path: Path) -> DeskIdentity:
    """The benchmark desk's key and the root it pins live beside its database, so a reused
    database stays enrolled; the root's private key is not kept (nothing else is enrolled)."""
    key_file = path.with_name(path.name + ".desk-key")
    trust = FileTrustStore(path.with_name(path.name + ".trusted-roots"))
    return DeskIdentity(lambda: desk_key.load_or_create(key_file, "benchmark desk"), trust)


def set_up_station(path: Path) -> tuple[int, ZoneInfo]:
    engine = make_engine(str(path))
    upgrade(engine)
    services = Services.build(engine, identity=bench_identity(path))
    setup = Actor(None, "bench", Role.ADMIN)
    services.keys.establish(setup)
    services.settings.initialise(setup, STATION)
    names = {u.username: u.id for u in services.accounts.list()}
    if not names:
        services.accounts.add(setup, ADMIN_NAME, Role.ADMIN, PASSWORD, "Benchmark administrator")
    if OFFICER_NAME not in names:
        names[OFFICER_NAME] = services.accounts.add(
            setup, OFFICER_NAME, Role.OFFICER, PASSWORD, "Bench Officer"
        ).id
    zone = services.settings.current().zone
    engine.dispose()
    return names[OFFICER_NAME], zone


# -- the bulk path ---------------------------------------------------------------------------
def bulk_fill(path: Path, rows: int, officer_id: int, zone: ZoneInfo) -> dict[str, float]:
    """Fill `crossings`; returns the seconds each stage took."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")  # bulk build only: not the measured path
    conn.execute("PRAGMA cache_size = -262144")  # 256 MiB while the indexes are rebuilt
    indexes = drop_secondary_indexes(conn)
    try:
        stages = load_rows(conn, rows, officer_id, zone)
    finally:
        started = time.perf_counter()
        for sql in indexes:  # rebuilt even if the load failed
            conn.execute(sql)
    stages["indexes"] = time.perf_counter() - started
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return stages


def load_rows(
    conn: sqlite3.Connection, rows: int, officer_id: int, zone: ZoneInfo
) -> dict[str, float]:
    """Generate and insert the rows, one transaction per BATCH; set the entry counters."""
    started, inserting = time.perf_counter(), 0.0
    rng = random.Random(SEED)
    counters: dict[int, int] = {}
    generator = RowGenerator(rng, container_pool(rng, rows), officer_id, zone)
    for batch in batched(generator.rows(day_plan(rows), counters), BATCH):
        batch_started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(INSERT_SQL, batch)
        conn.execute("COMMIT")
        inserting += time.perf_counter() - batch_started
    store_counters(conn, counters)
    return {"generate": time.perf_counter() - started - inserting, "insert": inserting}


INSERT_SQL = (
    f"INSERT INTO crossings ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
)


def drop_secondary_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the crossings indexes that CREATE INDEX made (rebuilt sorted, after the load)."""
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master "
        "WHERE type = 'index' AND tbl_name = 'crossings' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]


def store_counters(conn: sqlite3.Connection, counters: dict[int, int]) -> None:
    """Set entry_counters so registrations through the services continue after the bulk."""
    conn.executemany(
        "INSERT INTO entry_counters (year, last_value) VALUES (?, ?) ON CONFLICT (year) "
        "DO UPDATE SET last_value = max(last_value, excluded.last_value)",
        sorted(counters.items()),
    )


def batched(items: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def day_plan(rows: int) -> list[tuple[date, int]]:
    """Rows per station-local day, ending yesterday: 780-1,000 a day, every 10th day 1,000
    (a million rows span about three years)."""
    rng = random.Random(SEED + 1)
    counts: list[int] = []
    total = 0
    while total < rows:
        n = FULL_DAY if len(counts) % 10 == 0 else rng.randint(780, FULL_DAY)
        counts.append(min(n, rows - total))
        total += counts[-1]
    first = date.today() - timedelta(days=len(counts))
    return [(first + timedelta(days=i), n) for i, n in enumerate(counts)]


def container_pool(rng: random.Random, rows: int) -> list[str]:
    """Valid ISO 6346 numbers, about CROSSINGS_PER_CONTAINER crossings each."""
    owners = list(DEFAULT_KNOWN_OWNERS)
    pool: set[str] = set()
    while len(pool) < max(1, rows // CROSSINGS_PER_CONTAINER):
        body = f"{rng.choice(owners)}U{rng.randrange(1_000_000):06d}"
        pool.add(body + str(containers.check_digit(body)))
    return sorted(pool)


def sql_time(instant: datetime) -> str:
    """How SQLAlchemy stores a DateTime on SQLite: naive UTC, always with microseconds."""
    return instant.isoformat(sep=" ", timespec="microseconds")


class RowGenerator:
    """Realistic `crossings` rows in time order, with entry numbers YY + 8-digit sequence.

    Draws use `int(random() * n)`: Random.randrange and .choice are pure Python and made
    half of the build's time."""

    def __init__(self, rng: random.Random, pool: list[str], officer: int, zone: ZoneInfo) -> None:
        self.rng, self.pool, self.officer, self.zone = rng, pool, officer, zone
        self.random = rng.random

    def below(self, n: int) -> int:
        return int(self.random() * n)

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def rows(self, plan: list[tuple[date, int]], counters: dict[int, int]) -> Iterator[tuple]:
        recent = plan[-1][0] - timedelta(days=2)
        for day, count in plan:
            midnight = datetime.combine(day, datetime.min.time(), tzinfo=self.zone)
            base = midnight.astimezone(UTC).replace(tzinfo=None)
            stamp = day.strftime("%d%m%Y")
            for offset in sorted(self.random() * 86_400 for _ in range(count)):
                counters[day.year] = sequence = counters.get(day.year, 0) + 1
                entry_no = f"{day.year % 100:02d}{sequence:08d}"
                registered = base + timedelta(seconds=offset)
                yield self.row(entry_no, registered, stamp, day >= recent)

    def row(self, entry_no: str, registered: datetime, stamp: str, recent: bool) -> tuple:
        direction, category, (low, high), hs_codes = self.pick(WEIGHTED_PROFILES)
        size_type, tare, plate = self.pick(TARES)
        declared = low + 10 * self.below((high - low) // 10)
        net = declared + 10 * self.below(40) - 200
        gd = f"KPPI-HC-{100_000 + self.below(900_000)}-{stamp}"
        return (
            (entry_no, STATION, direction)
            + self.vehicle()
            + (self.pick(self.pool), size_type, plate, category, self.pick(hs_codes))
            + (f"{category} cargo", declared, gd, self.carnet(), None)
            + (tare + net, tare, net, sql_time(registered + timedelta(minutes=12)), self.officer)
            + self.outcome(registered, recent)
        )

    def vehicle(self) -> tuple[str, str | None, str | None, str | None]:
        if self.random() < 0.7:
            plate = f"{self.pick(PLATE_REGIONS)}-{100 + self.below(9_900)}"
            return ("road", plate, None, None)
        first = f"96{self.below(10**9):09d}"
        return ("rail", None, self.pick(TRAINS), first + str(uic.check_digit(first)))

    def carnet(self) -> str | None:
        return f"XH{10**7 + self.below(9 * 10**7)}" if self.random() < 0.3 else None

    def outcome(self, registered: datetime, recent: bool) -> tuple:
        """channel .. version: mostly released; open states only in the last days."""
        draw, roll = self.below(10_000), self.random()
        channel, reasons = "green", "[]"
        if draw < 500:
            channel, reasons = "yellow", RANDOM_REASON
        elif roll < 0.05:
            channel, reasons = "red", RISK_REASON
        status = "refused" if channel == "red" and roll < 0.01 else "released"
        if recent and self.random() < 0.15:
            status = self.pick(OPEN_STATUSES)
        closed = status in ("released", "refused")
        updated = sql_time(registered + timedelta(minutes=30 + self.below(210)))
        when = sql_time(registered)
        return (channel, reasons, draw, 500, status, "", when, self.officer) + (
            (updated, self.officer, updated, 3) if closed else (None, None, updated, 2)
        )


# -- measurements ---------------------------------------------------------------------------
def span(values: list[int]) -> str:
    low, high = min(values), max(values)
    return f"{low:,}" if low == high else f"{low:,}-{high:,}"


def officer(services: Services) -> Actor:
    user = next(u for u in services.accounts.list() if u.username == OFFICER_NAME)
    return Actor(user.id, user.username, user.role, user.full_name)


def sample_containers(path: Path, count: int, rng: random.Random) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        top = conn.execute("SELECT max(id) FROM crossings").fetchone()[0]
        found = []
        while len(found) < count:
            row = conn.execute(
                "SELECT container_no FROM crossings WHERE id = ?", (rng.randint(1, top),)
            ).fetchone()
            if row:
                found.append(row[0])
        return found
    finally:
        conn.close()


def registration_form(rng: random.Random, container: str) -> RegistrationInput:
    direction, category, _, (low, high), hs_codes = rng.choices(PROFILES, PROFILE_WEIGHTS)[0]
    size_type, _, plate = rng.choice(TARES)
    seals = tuple(
        SealInput(f"{rng.choice('ABCDEHKMPT')}{rng.randrange(10**6, 10**7)}", seal_class="H")
        for _ in range(rng.choice((1, 1, 2)))
    )
    return RegistrationInput(
        direction=direction,
        mode="road",
        container_no=container,
        cargo_category=category,
        truck_plate=f"{rng.choice(PLATE_REGIONS)}-{rng.randrange(100, 9999)}",
        size_type=size_type,
        max_gross_kg=plate or "",
        hs_code=rng.choice(hs_codes),
        description=f"{category} cargo",
        declared_net_kg=rng.randrange(low, high, 10),
        gd_number=f"KPPI-HC-{rng.randrange(10**5, 10**6)}-{date.today():%d%m%Y}",
        seals=seals,
    )


def register_calls(services: Services, path: Path, count: int) -> list[Callable[[], object]]:
    rng = random.Random(SEED + 2 + count)
    actor = officer(services)
    forms = [registration_form(rng, c) for c in sample_containers(path, count, rng)]
    return [lambda f=f: services.crossings.register(actor, f) for f in forms]


def measure_register(services: Services, path: Path, samples: int) -> Timing:
    timed(register_calls(services, path, WARM_UP))
    calls = register_calls(services, path, samples)
    return Timing("register (services)", timed(calls), "1-2 seals, audited")


def measure_change_looks(services: Services, path: Path, samples: int) -> list[Timing]:
    """A desk's once-a-second look at the change feed: while nothing changed, and just
    after another desk registered a crossing."""
    feed = services.changes
    head = feed.head()
    idle = [lambda: feed.since(head) for _ in range(samples)]
    timed(idle[:WARM_UP])
    quiet = timed(idle)
    after_one: list[float] = []
    for register in register_calls(services, path, samples):
        last = feed.head()
        register()
        after_one += timed([lambda last=last: feed.since(last)])
    return [
        Timing("change look, idle", quiet, "audit head read"),
        Timing("change look, 1 new", after_one, "head + the new events"),
    ]


def measure_register_no_fsync(path: Path, samples: int) -> Timing:
    """Diagnostic only: the same register with synchronous=NORMAL (no fsync per commit), to
    split the service's own cost from the disk's. The desk itself always runs FULL."""
    engine = make_engine(str(path))

    @event.listens_for(engine, "connect")
    def _normal(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA synchronous = NORMAL")

    services = Services.build(engine, identity=bench_identity(path))
    timed(register_calls(services, path, WARM_UP))
    result = timed(register_calls(services, path, samples))
    engine.dispose()
    return Timing("  same, no fsync", result, "diagnostic: synchronous=NORMAL")


def measure_fsync(path: Path, samples: int) -> Timing:
    """The disk's own fsync latency for a 4 KiB append, beside the database file."""
    probe = path.with_name("fsync-probe.bin")
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    samples_ms = []
    try:
        for _ in range(samples):
            os.write(fd, b"\0" * 4096)
            started = time.perf_counter_ns()
            os.fsync(fd)
            samples_ms.append((time.perf_counter_ns() - started) / 1e6)
    finally:
        os.close(fd)
        probe.unlink(missing_ok=True)
    return Timing("fsync alone", samples_ms, "4 KiB append + fsync, same disk")


def measure_history(services: Services, path: Path, samples: int) -> Timing:
    numbers = sample_containers(path, samples + WARM_UP, random.Random(SEED + 3))
    sizes: list[int] = []
    calls = [lambda n=n: sizes.append(len(services.queries.container_history(n))) for n in numbers]
    timed(calls[:WARM_UP])
    result = timed(calls[WARM_UP:])
    return Timing("container history", result, f"{span(sizes)} rows")


def full_days(path: Path, zone: ZoneInfo, limit: int = 20) -> list[date]:
    """Station-local days with the most rows, between 950 and 1,000 (the target's size);
    today is left out because every run registers its samples there."""
    offset = int(datetime.now(zone).utcoffset().total_seconds())  # type: ignore[union-attr]
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT date(registered_at, ? || ' seconds') AS d, count(*) AS n FROM crossings "
            "GROUP BY d HAVING n BETWEEN 950 AND 1000 ORDER BY n DESC, d DESC LIMIT ?",
            (f"{offset:+d}", limit),
        ).fetchall()
    finally:
        conn.close()
    return [date.fromisoformat(d) for d, _ in rows]


def measure_day(services: Services, path: Path, samples: int) -> Timing:
    zone = services.settings.current().zone
    days = full_days(path, zone)
    if not days:
        return Timing("one day's list", [], "no day with >= 950 rows")
    sizes: list[int] = []
    picks = [days[i % len(days)] for i in range(samples + WARM_UP)]
    calls = [lambda d=d: sizes.append(len(services.queries.day(d, zone))) for d in picks]
    timed(calls[:WARM_UP])
    result = timed(calls[WARM_UP:])
    return Timing("one day's list", result, f"{span(sizes)} rows, {len(days)} days")


def measure_sorted_queue(services: Services, path: Path, samples: int) -> Timing:
    """The desk queue's first page (200 rows) after a click on the Status header: SQL sorts
    the day's crossings and those still open from earlier days."""
    zone = services.settings.current().zone
    days = full_days(path, zone)
    if not days:
        return Timing("queue sorted by status", [], "no day with >= 950 rows")
    order = QueueSort("status", descending=True)
    picks = [days[i % len(days)] for i in range(samples + WARM_UP)]
    calls = [lambda d=d: services.queries.desk_queue(d, zone, limit=200, sort=order) for d in picks]
    timed(calls[:WARM_UP])
    return Timing("queue sorted by status", timed(calls[WARM_UP:]), "first page of 200")


# -- raw sqlite3 baseline -------------------------------------------------------------------
def raw_connection(path: Path) -> sqlite3.Connection:
    """The engine's pragmas, with no driver-managed transactions."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("busy_timeout = 10000", "journal_mode = WAL", "synchronous = FULL"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def create_scratch(conn: sqlite3.Connection) -> None:
    """An empty table shaped like `crossings`: same columns, constraints and indexes."""
    conn.execute(f"DROP TABLE IF EXISTS {SCRATCH}")
    for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'crossings' "
        "AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC"
    ).fetchall():
        sql = re.sub(r"\bcrossings\b", SCRATCH, sql)
        conn.execute(re.sub(r"\bix_crossings_", f"ix_{SCRATCH}_", sql))


def measure_raw(path: Path, samples: int, officer_id: int) -> Timing:
    conn = raw_connection(path)
    create_scratch(conn)
    rng = random.Random(SEED + 4)
    generator = RowGenerator(rng, container_pool(rng, 5_000), officer_id, ZoneInfo("UTC"))
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = [generator.row(f"99{i:08d}", now, "01012026", True) for i in range(samples + WARM_UP)]
    insert = INSERT_SQL.replace("INTO crossings", f"INTO {SCRATCH}")

    def one(row: tuple) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(insert, row)
        conn.execute("COMMIT")

    timed([lambda r=r: one(r) for r in rows[:WARM_UP]])
    result = timed([lambda r=r: one(r) for r in rows[WARM_UP:]])
    conn.execute(f"DROP TABLE {SCRATCH}")
    conn.close()
    return Timing("raw sqlite3 insert", result, "BEGIN IMMEDIATE/INSERT/COMMIT")


# -- report ---------------------------------------------------------------------------------
def file_sizes_mb(path: Path) -> tuple[float, float]:
    wal = path.with_name(path.name + "-wal")
    size = path.stat().st_size / 2**20
    return size, (wal.stat().st_size / 2**20 if wal.exists() else 0.0)


def verdict(timing: Timing, target: float | None) -> str:
    if target is None or not timing.samples_ms:
        return ""
    result = "PASS" if timing.pct(95) <= target else "MISS"
    return f"p95 <= {target:g} ms  {result}"


def print_timings(rows: list[tuple[Timing, float | None]]) -> None:
    print(f"{'measure':<22}{'n':>5}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}  target")
    for timing, target in rows:
        if not timing.samples_ms:
            print(f"{timing.name:<22}  -- {timing.note}")
            continue
        values = [timing.pct(p) for p in (50, 95, 99)] + [max(timing.samples_ms)]
        cells = "".join(f"{v:>9.2f}" for v in values)
        print(f"{timing.name:<22}{len(timing.samples_ms):>5}{cells}  {verdict(timing, target)}")
        if timing.note:
            print(f"{'':<27}({timing.note})")


def print_header(path: Path, info: BuildInfo) -> None:
    print("Taftan Desk store benchmark (times in ms, warm page cache)")
    print(f"database        {path}")
    print(f"crossings       {info.crossings:,}")
    if info.seconds is None:
        print("build           reused an existing database (no build)")
    else:
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in info.stages.items())
        print(f"build           {info.seconds:.1f} s ({stages}; child process, peak RSS "
              f"{info.peak_rss_mb:.0f} MB)")  # fmt: skip
        print("                bulk rows written with raw sqlite3: no audit events, seals or "
              "inspections for them")  # fmt: skip
    print(f"sqlite          {sqlite3.sqlite_version}, WAL, synchronous=FULL, BEGIN IMMEDIATE")
    print(f"load average    {os.getloadavg()[0]:.2f} at start ({os.cpu_count()} CPUs)")


def print_footer(path: Path, register: Timing, raw: Timing) -> None:
    size, wal = file_sizes_mb(path)
    ratio50 = register.pct(50) / raw.pct(50)
    ratio95 = register.pct(95) / raw.pct(95)
    print(f"services/raw    {ratio50:.1f}x at p50, {ratio95:.1f}x at p95")
    print(f"database file   {size + wal:.1f} MB ({size:.1f} MB + {wal:.1f} MB -wal)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS        {peak:.0f} MB (measuring process; includes argon2's 64 MiB hash "
          "at import)")  # fmt: skip


# -- profile --------------------------------------------------------------------------------
ProfileKey = tuple[str, int, str]


def profile_register(services: Services, path: Path, count: int) -> None:
    calls = register_calls(services, path, count)
    profiler = cProfile.Profile()
    profiler.enable()
    total_ms = sum(timed(calls))
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    in_sqlite = sum(s[2] for (_, _, name), s in stats.items() if "'sqlite3." in name) * 1e3
    print(f"\nprofile: {count} registrations under cProfile (which slows Python code), "
          f"{total_ms / count:.2f} ms each, {in_sqlite / count:.2f} ms of it inside "
          "sqlite3's C calls (SQL + fsync)")  # fmt: skip
    ours = {k: v[:4] for k, v in stats.items() if "taftan_desk" in k[0]}
    print_profile("cumulative, functions in taftan_desk", ours, count, 22)
    register = next(
        k for k in ours if k[0].endswith("services/crossings.py") and k[2] == "register"
    )
    callees = {k: v[4][register] for k, v in stats.items() if register in v[4]}
    print_profile("direct callees of CrossingService.register", callees, count, 16)
    sqlite = {k: v[:4] for k, v in stats.items() if "'sqlite3." in k[2]}
    print_profile("sqlite3 C calls (commit = the fsync)", sqlite, count, 6)


def print_profile(title: str, rows: dict[ProfileKey, tuple], count: int, top: int) -> None:
    print(f"\n{title}: calls, self ms and cumulative ms per registration")
    ordered = sorted(rows.items(), key=lambda item: item[1][3], reverse=True)
    for key, (_, ncalls, self_s, cum_s) in ordered[:top]:
        per = 1e3 / count
        print(f"{ncalls / count:>6.1f} {self_s * per:>7.2f} {cum_s * per:>7.2f}  {where(key)}")


def where(key: ProfileKey) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    short = re.sub(r"^.*/(site-packages|lib/python3\.\d+)/", "", filename)
    short = short.removeprefix(f"{Path.cwd()}/")
    return f"{short}:{line} {name}"


# -- main -----------------------------------------------------------------------------------
def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="crossings in the database")
    parser.add_argument("--db", help="database file (reused if it has >= --rows crossings)")
    parser.add_argument("--samples", type=int, default=500, help="timed calls per measure")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="profile N more registrations with cProfile")  # fmt: skip
    return parser.parse_args()


def measure(path: Path, info: BuildInfo, args: argparse.Namespace) -> None:
    engine = make_engine(str(path))
    services = Services.build(engine, identity=bench_identity(path))
    print_header(path, info)
    register = measure_register(services, path, args.samples)
    no_fsync = measure_register_no_fsync(path, args.samples)
    fsync = measure_fsync(path, args.samples)
    history = measure_history(services, path, args.samples)
    day = measure_day(services, path, args.samples)
    sorted_queue = measure_sorted_queue(services, path, args.samples)
    raw = measure_raw(path, args.samples, officer(services).user_id or 0)
    looks = measure_change_looks(services, path, args.samples)
    print()
    print_timings(
        [
            (register, TARGETS_MS["register"]),
            (no_fsync, None),
            (fsync, None),
            (history, TARGETS_MS["history"]),
            (day, TARGETS_MS["day"]),
            (sorted_queue, TARGETS_MS["day"]),
            (raw, None),
            *((look, None) for look in looks),
        ]
    )
    print()
    print_footer(path, register, raw)
    if args.profile:
        profile_register(services, path, args.profile)
    engine.dispose()


def main() -> None:
    args = parse_args()
    path, scratch_dir = database_path(args)
    try:
        measure(path, prepare(path, args.rows), args)
    finally:
        if scratch_dir is not None:
            shutil.rmtree(scratch_dir, ignore_errors=True)
        elif not args.db:
            print(f"kept            {path}")


if __name__ == "__main__":
    main()
