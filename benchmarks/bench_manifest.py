"""Manifest import benchmark: a 100,000-row manifest read, checked and imported.

Run from the project root:

    .venv/bin/python benchmarks/bench_manifest.py [--rows 100000] [--format csv|xlsx|both]
                                                  [--runs 1] [--postgres URL] [--profile N]

A station is set up once in a temporary folder through the services (migrations, station
keys, settings, an administrator and an officer) and copied for every import, so that each
meets a station with no manifest in it; with --postgres URL each import gets a database of
its own made on that server (and dropped afterwards). The manifest is generated: trains of
40-60 wagons (half with UIC wagon numbers, half Pakistani) and trucks, the demo traffic's
categories and HS codes (some written 7208.39, some as numbers), 1-3 seals, a few Urdu
descriptions, a few owners not on the station's list and a few nets over the cargo limit
(warnings, never refusals): every row is valid, so the whole file is imported. It is written
as CSV and as XLSX the way a spreadsheet saves it (xlsxwriter: shared strings, numbers as
numbers, dates as dates).

Every `ManifestService.load` runs in a child process of its own (Python and the desk's
modules loaded, the file read, the officer's actor taken from the database: no password
hashing), which reports:
  dry run   load(dry_run=True): every row read and checked, the store asked about every
            container; nothing written
  import    load() on a fresh station: the same, then the rows written in one transaction
  peak RSS  the child's peak RSS at its end (VmHWM; ru_maxrss where there is no /proc):
            the interpreter and the modules, the file's bytes and the import; `before` is
            its RSS just before load()
The phases: `read` is core.read_table and every row read into cells, `check` the Checker over
rows already read (both timed in this process), `store` the dry run less those two (the
conflict queries, the service's bookkeeping), `write` the import's time after its last
progress call (the file's digest, the re-check in the transaction, the rows' digest, the
inserts, the audit event, the commit). Targets (issue 12): 100,000 rows imported in <= 10 s
with memory <= 200 MB. It prints numbers only; it asserts nothing.
"""

import argparse
import cProfile
import csv
import io
import json
import os
import pstats
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402

from taftan_desk.core import containers, uic  # noqa: E402
from taftan_desk.core import manifests as core  # noqa: E402
from taftan_desk.core.owners import DEFAULT_KNOWN_OWNERS  # noqa: E402
from taftan_desk.core.roles import Role  # noqa: E402
from taftan_desk.db.engine import make_engine  # noqa: E402
from taftan_desk.db.migrate import upgrade  # noqa: E402
from taftan_desk.db.models import KnownOwner  # noqa: E402
from taftan_desk.services import desk_key  # noqa: E402
from taftan_desk.services.container import Services  # noqa: E402
from taftan_desk.services.database import Actor  # noqa: E402
from taftan_desk.services.demo import TRAFFIC_PROFILES  # noqa: E402
from taftan_desk.services.desk_key import DeskIdentity, FileTrustStore  # noqa: E402
from taftan_desk.services.settings_service import load as load_settings  # noqa: E402

TARGET_S = 10.0
TARGET_MB = 200.0
OFFICER = "benchofficer"
PASSWORD = "bench-password-1"
HEADER = core.COLUMNS  # every column a manifest may have, in the documented order
CATEGORY_WORDS = {"industrial": "industrial goods"}  # as offices write it
DESCRIPTIONS = {
    "oil": ("Gas oil in ISO tank", "Base oil, drums", "Crude petroleum"),
    "gas": ("LPG, pressurised tank", "Liquefied propane", "LNG cryogenic tank"),
    "steel": ("Steel coils, hot-rolled", "Reinforcing bars", "Welded steel pipes"),
    "industrial": ("Excavator parts", "Generator sets", "Pump spares, crated"),
    "textiles": ("Cotton yarn, bales", "Bed linen", "Knitted T-shirts, cartons"),
    "other": ("Leather gloves", "Medical instruments", "Basmati rice, bags"),
}
URDU = "فولادی کوائل، پاکستان ریلوے"  # "steel coils, Pakistan Railways"
CONSIGNEES = tuple(
    f"{name}, {city}"
    for name in ("Khyber Steel", "Indus Textiles", "Baloch Traders", "Sarhad Energy",
                 "Quetta Logistics", "Karachi Machinery", "Punjab Cotton", "Mehran Foods")
    for city in ("Peshawar", "Quetta", "Karachi", "Lahore", "Faisalabad")
)  # fmt: skip
SIZE_TYPES = ("22G1", "22G1", "42G1", "45G1", "22T1", "22R1", "L5G1", "22K2")  # 22K2: unknown
PLATE_REGIONS = ("QAA", "QAB", "QKA", "IR-13", "IR-85", "LES", "KHI")
UNKNOWN_OWNERS = ("PRS", "TFT", "ZHD")  # not on the station's list: a warning


# -- the manifest ----------------------------------------------------------------------------
def manifest_rows(count: int, seed: int = 12) -> list[list[object]]:
    """`count` containers, each once, about 70 % by train: typed values (numbers, dates) as
    a spreadsheet holds them."""
    rng = random.Random(seed)
    owners = [o + "U" for o in DEFAULT_KNOWN_OWNERS] + [o + "U" for o in UNKNOWN_OWNERS]
    weights = [10] * len(DEFAULT_KNOWN_OWNERS) + [3] * len(UNKNOWN_OWNERS)
    profiles = [p for p in TRAFFIC_PROFILES for _ in range(p[2])]
    start = date(2026, 11, 27)
    rows: list[list[object]] = []
    train, wagons_left, day = 0, 0, start
    for i in range(count):
        direction, category, _, (low, high), codes = rng.choice(profiles)
        body = f"{rng.choices(owners, weights)[0]}{i:06d}"
        plate = carnet = train_no = ""
        wagon: object = ""
        if rng.random() < 0.7:
            if wagons_left == 0:
                train, wagons_left = train + 1, rng.randrange(40, 61)
                day = start + timedelta(days=train // 40)
            wagons_left -= 1
            train_no = f"PR-{train:05d}"
            if rng.random() < 0.5:  # an Iranian UIC wagon: a number to a spreadsheet
                first = f"3196{rng.randrange(10**7):07d}"
                wagon = int(first + str(uic.check_digit(first)))
            else:
                wagon = f"PR {rng.randrange(10_000, 99_999)}"
        else:
            plate = f"{rng.choice(PLATE_REGIONS)}-{rng.randrange(100, 9_999)}"
            carnet = f"XC{rng.randrange(10**7, 10**8)}" if rng.random() < 0.4 else ""
        net = rng.randrange(low, high, 10)
        if rng.random() < 0.02:
            net = rng.randrange(22_010, 24_000, 10)  # over the limit: a warning
        hs: object = rng.choice(codes)
        if rng.random() < 0.3:
            hs = f"{hs[:4]}.{hs[4:6]}"  # as some offices write it
        elif rng.random() < 0.5:
            hs = int(hs)  # a number in the spreadsheet
        seals = rng.choice((" ", ", ")).join(
            f"{rng.choice('ABCDEHKMPT')}{rng.randrange(10**6, 10**7)}"
            for _ in range(rng.choice((1, 2, 2, 3)))
        )
        rows.append(
            [
                direction,
                body + str(containers.check_digit(body)),
                CATEGORY_WORDS.get(category, category),
                net,
                plate,
                train_no,
                wagon,
                rng.choice(SIZE_TYPES),
                seals,
                hs,
                URDU if rng.random() < 0.05 else rng.choice(DESCRIPTIONS[category]),
                f"KPPI-HC-{i + 1:06d}",
                carnet,
                rng.choice(CONSIGNEES),
                day,
            ]
        )
    return rows


def write_csv(rows: list[list[object]], path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(v.isoformat() if isinstance(v, date) else v for v in row)
    path.write_bytes(out.getvalue().encode("utf-8"))


def write_xlsx(rows: list[list[object]], path: Path) -> None:
    """As a spreadsheet saves it: shared strings, numbers and dates typed."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Manifest")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write_datetime(r, c, value, dates)
            elif isinstance(value, int):
                sheet.write_number(r, c, value)
            elif value != "":
                sheet.write_string(r, c, str(value))
    book.close()


# -- stations --------------------------------------------------------------------------------
def identity(folder: Path) -> DeskIdentity:
    """The benchmark desk's key and the station roots it pins, kept in `folder` so that the
    child processes sign with the desk the station enrolled."""
    key_file = folder / "desk-key"
    trust = FileTrustStore(folder / "trusted-roots")
    return DeskIdentity(lambda: desk_key.load_or_create(key_file, "benchmark desk"), trust)


def set_up_station(url: str, folder: Path) -> None:
    engine = make_engine(url)
    upgrade(engine)
    services = Services.build(engine, identity=identity(folder))
    setup = Actor(None, "bench", Role.ADMIN)
    services.keys.establish(setup)
    services.settings.initialise(setup, "TFT")
    services.accounts.add(setup, "benchadmin", Role.ADMIN, PASSWORD, "Benchmark administrator")
    services.accounts.add(setup, OFFICER, Role.OFFICER, PASSWORD, "Bench Officer")
    engine.dispose()


class Stations:
    """Fresh stations: copies of one SQLite station, or new PostgreSQL databases."""

    def __init__(self, folder: Path, postgres: str | None) -> None:
        self.folder, self.postgres = folder, postgres
        self.template = folder / "station.db"
        if postgres is None:
            set_up_station(str(self.template), folder)

    @contextmanager
    def fresh(self) -> Iterator[str]:
        if self.postgres is None:
            path = self.folder / f"station-{uuid.uuid4().hex[:8]}.db"
            source, target = sqlite3.connect(self.template), sqlite3.connect(path)
            source.backup(target)
            source.close()
            target.close()
            try:
                yield str(path)
            finally:
                for leftover in path.parent.glob(path.name + "*"):
                    leftover.unlink()
            return
        name = f"taftan_bench_{uuid.uuid4().hex[:8]}"
        server = sa.create_engine(self.postgres, isolation_level="AUTOCOMMIT")
        with server.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))  # a name cannot be bound
        try:
            url = sa.make_url(self.postgres).set(database=name).render_as_string(False)
            set_up_station(url, self.folder)
            yield url
        finally:
            with server.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            server.dispose()


def officer_of(services: Services) -> Actor:
    user = next(u for u in services.accounts.list() if u.username == OFFICER)
    return Actor(user.id, user.username, user.role, user.full_name)


# -- the measured import, in a child process -------------------------------------------------
@dataclass(frozen=True)
class Run:
    seconds: float
    after_progress: float  # from the last progress call to the end
    rows: int
    problems: int
    warnings: int
    imported: bool
    rss_before_mb: float
    peak_rss_mb: float


def child(url: str, folder: str, file: str, dry_run: bool) -> None:
    """One load() as the desk's command line runs it; prints what it measured as JSON."""
    engine = make_engine(url, create=False)
    services = Services.build(engine, identity=identity(Path(folder)))
    officer = officer_of(services)
    data = Path(file).read_bytes()
    before_mb = _vm_rss_mb()
    calls: list[float] = []  # when progress was reported: the last call ends the checks
    started = time.perf_counter()
    result = services.manifests.load(
        officer,
        Path(file).name,
        data,
        dry_run=dry_run,
        progress=lambda done, total: calls.append(time.perf_counter()),
    )
    ended = time.perf_counter()
    engine.dispose()
    run = Run(
        seconds=ended - started,
        after_progress=ended - (calls[-1] if calls else ended),
        rows=result.rows,
        problems=len(result.problems),
        warnings=len(result.warnings),
        imported=result.manifest_id is not None,
        rss_before_mb=before_mb,
        peak_rss_mb=_peak_rss_mb(),
    )
    print(json.dumps(run.__dict__))


def _peak_rss_mb() -> float:
    """The process's peak RSS: VmHWM where Linux gives it (ru_maxrss keeps the high-water
    mark of the parent's image the child was forked from, the benchmark with its files)."""
    return _status_mb("VmHWM:") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _vm_rss_mb() -> float:
    return _status_mb("VmRSS:")


def _status_mb(field: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field):
                return float(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_child(url: str, folder: Path, file: Path, dry_run: bool) -> Run:
    command = [sys.executable, __file__, "--child", url, str(folder), str(file)]
    if dry_run:
        command.append("--dry-run")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the import's child process failed:\n{done.stderr}")
    return Run(**json.loads(done.stdout.strip().splitlines()[-1]))


# -- the phases timed here -------------------------------------------------------------------
def phases(url: str, name: str, data: bytes) -> tuple[float, float, int]:
    """Seconds to read every row into cells, seconds to check rows already read, and the
    rows read."""
    started = time.perf_counter()
    table = core.read_table(name, data)
    cells = list(table.rows())
    read = time.perf_counter() - started
    engine = make_engine(url, create=False)
    with engine.connect() as conn:
        settings = load_settings(conn)
        owners = {code for (code,) in conn.execute(sa.select(KnownOwner.code))}  # type: ignore[call-overload]
    engine.dispose()
    checker = core.Checker(table.header, settings, owners.__contains__)
    started = time.perf_counter()
    for _ in checker.rows(cells):
        pass
    checker.finish()
    check = time.perf_counter() - started
    if checker.problems:
        raise SystemExit(f"the generated manifest has problems: {checker.problems[:3]}")
    return read, check, len(cells)


def profile(url: str, folder: Path, file: Path, lines: int) -> None:
    engine = make_engine(url, create=False)
    services = Services.build(engine, identity=identity(folder))
    officer, data = officer_of(services), file.read_bytes()
    profiler = cProfile.Profile()
    profiler.enable()
    services.manifests.load(officer, file.name, data)
    profiler.disable()
    engine.dispose()
    print(f"\ncProfile of one import of {file.name} in this process, by own time:")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(lines)


# -- the report ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    fmt: str
    file_mb: float
    read: float
    check: float
    rows: int
    dry: list[Run]
    imports: list[Run]


def measure(fmt: str, file: Path, stations: Stations, runs: int) -> Result:
    data = file.read_bytes()
    with stations.fresh() as url:
        read, check, rows = phases(url, file.name, data)
        dry = [run_child(url, stations.folder, file, dry_run=True) for _ in range(runs)]
    imports = []
    for _ in range(runs):
        with stations.fresh() as url:
            imports.append(run_child(url, stations.folder, file, dry_run=False))
    return Result(fmt, len(data) / 1e6, read, check, rows, dry, imports)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def print_results(results: list[Result]) -> None:
    print(f"{'format':<7}{'file MB':>8}{'run':>9}{'total s':>9}{'rows/s':>9}"
          f"{'before':>9}{'peak RSS':>10}  targets")  # fmt: skip
    for r in results:
        for label, runs in (("dry run", r.dry), ("import", r.imports)):
            seconds = statistics.median(x.seconds for x in runs)
            peak = max(x.peak_rss_mb for x in runs)
            before = statistics.median(x.rss_before_mb for x in runs)
            target = ""
            if label == "import":
                target = (
                    f"<= {TARGET_S:g} s {verdict(seconds <= TARGET_S)}, "
                    f"<= {TARGET_MB:g} MB {verdict(peak <= TARGET_MB)}"
                )
                if not all(x.imported for x in runs):
                    target += f"; NOT IMPORTED ({runs[0].problems} problems)"
            print(
                f"{r.fmt:<7}{r.file_mb:>8.1f}{label:>9}{seconds:>9.2f}"
                f"{runs[0].rows / seconds:>9,.0f}{before:>7.0f}MB{peak:>8.0f}MB  {target}"
            )
    print()
    print("Phases (s): read and check timed in this process, store = dry run - read - check,")
    print("write = the import after its last progress call.")
    print(f"{'format':<7}{'read':>8}{'check':>8}{'µs/row':>8}{'store':>8}{'write':>8}"
          f"{'import':>8}{'warnings':>10}")  # fmt: skip
    for r in results:
        dry = statistics.median(x.seconds for x in r.dry)
        print(
            f"{r.fmt:<7}{r.read:>8.2f}{r.check:>8.2f}{r.check / max(r.rows, 1) * 1e6:>8.1f}"
            f"{max(dry - r.read - r.check, 0.0):>8.2f}"
            f"{statistics.median(x.after_progress for x in r.imports):>8.2f}"
            f"{statistics.median(x.seconds for x in r.imports):>8.2f}"
            f"{r.imports[0].warnings:>10,}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="containers in the file")
    parser.add_argument("--format", choices=("csv", "xlsx", "both"), default="both")
    parser.add_argument("--runs", type=int, default=1, help="imports per measure (median)")
    parser.add_argument("--postgres", metavar="URL",
                        help="import into databases made on this PostgreSQL server")  # fmt: skip
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="afterwards, profile one import per format: N lines")  # fmt: skip
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--dry-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.dry_run)
        return
    formats = ("csv", "xlsx") if args.format == "both" else (args.format,)
    folder = Path(tempfile.mkdtemp(prefix="taftan-manifest-"))
    try:
        started = time.perf_counter()
        stations = Stations(folder, args.postgres)
        rows = manifest_rows(args.rows)
        files = {fmt: folder / f"manifest.{fmt}" for fmt in formats}
        for fmt, file in files.items():
            (write_csv if fmt == "csv" else write_xlsx)(rows, file)
        del rows
        print("Taftan Desk manifest import benchmark")
        print(
            f"store           {'PostgreSQL' if args.postgres else 'SQLite (WAL, synchronous=FULL)'}"
        )
        print(f"rows            {args.rows:,} a file; {args.runs} run(s) a measure")
        print(f"load average    {os.getloadavg()[0]:.2f} at start ({os.cpu_count()} CPUs)")
        print(f"prepared in     {time.perf_counter() - started:.1f} s (station, files)")
        print()
        print_results([measure(fmt, file, stations, args.runs) for fmt, file in files.items()])
        print(f"\nload average    {os.getloadavg()[0]:.2f} at the end")
        if args.profile:
            for file in files.values():
                with stations.fresh() as url:
                    profile(url, folder, file, args.profile)
    finally:
        if args.keep:
            print(f"\nkept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
