"""An exception request reaching a supervisor at another desk: prints numbers, asserts nothing.

    .venv/bin/python benchmarks/bench_requests.py [--requests 20] [--db URL]

Two desks of one station, each with its own engine (without --db: a new SQLite file in a
temporary folder; with --db, e.g. a PostgreSQL URL of a station made by `init`, the desks
share that server). The supervisor's desk looks at the audit log as the window does (every
`--poll` seconds, default 1, as ui/change_watch.py) and, when something changed, reads the
requests waiting. Measured for each request, sent at a random moment of the poll cycle:
  seen   the officer's request committed -> it is in the supervisor's list of waiting requests
  answer the supervisor's decision committed -> the officer's desk has the answer
Target (issue 11): a request appearing on another desk <= 2 s.
"""

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import Timing  # noqa: E402
from taftan_desk.core.registration import RegistrationInput  # noqa: E402
from taftan_desk.core.roles import Role  # noqa: E402
from taftan_desk.db import migrate  # noqa: E402
from taftan_desk.db.engine import make_engine  # noqa: E402
from taftan_desk.services.approvals import Permit  # noqa: E402
from taftan_desk.services.container import Services  # noqa: E402
from taftan_desk.services.database import Actor  # noqa: E402
from taftan_desk.services.desk_key import DeskIdentity, ephemeral  # noqa: E402

TARGET_MS = 2_000
PASSWORD = "bench-password-1"


class Watcher(threading.Thread):
    """The supervisor's desk: looks at the log every `poll` seconds, then at what waits."""

    def __init__(self, services: Services, poll: float) -> None:
        super().__init__(daemon=True)
        self.services, self.poll = services, poll
        self.seen: dict[int, float] = {}
        self.stop = threading.Event()
        self.last = services.changes.head()

    def run(self) -> None:
        while not self.stop.wait(self.poll):
            changes = self.services.changes.since(self.last)
            self.last = changes.last
            if changes.any:
                now = time.perf_counter()
                for request in self.services.exceptions.waiting():
                    self.seen.setdefault(request.id, now)


def _station(url: str) -> tuple[Services, Services, Actor, Actor]:
    identity = DeskIdentity.in_memory(ephemeral("bench desk"))
    officer_desk = Services.build(make_engine(url), identity=identity)
    supervisor_desk = Services.build(make_engine(url), identity=identity)
    setup = Actor(None, "bench-setup", Role.ADMIN)
    officer_desk.keys.establish(setup)
    officer_desk.settings.initialise(setup, "TFT")
    officer_desk.settings.update(setup, {"random_rate_bp": 0})
    names = {u.username for u in officer_desk.accounts.list()}
    for name, role in (
        ("benchadmin", Role.ADMIN),
        ("benchofficer", Role.OFFICER),
        ("benchsupervisor", Role.SUPERVISOR),
    ):
        if name not in names:
            officer_desk.accounts.add(setup, name, role, PASSWORD)
    officer = officer_desk.accounts.authenticate("benchofficer", PASSWORD)
    supervisor = supervisor_desk.accounts.authenticate("benchsupervisor", PASSWORD)
    return officer_desk, supervisor_desk, officer, supervisor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--poll", type=float, default=1.0)
    parser.add_argument("--db", help="a station's URL (default: a new SQLite file)")
    args = parser.parse_args()
    url = args.db or str(Path(tempfile.mkdtemp(prefix="taftan-requests-")) / "station.db")
    migrate.upgrade(make_engine(url))
    officer_desk, supervisor_desk, officer, supervisor = _station(url)
    watcher = Watcher(supervisor_desk, args.poll)
    officer_watch = officer_desk.changes.head()
    watcher.start()
    rng = random.Random(6346)
    seen, answered = [], []
    form = RegistrationInput("in", "road", "CSQU3054383", "steel", truck_plate="QAA-1")
    for _ in range(args.requests):
        crossing = officer_desk.crossings.register(officer, form).crossing
        officer_desk.crossings.hold(officer, crossing.id, "GD not produced")
        time.sleep(rng.uniform(0, args.poll))  # any moment of the other desk's poll cycle
        permit = Permit.release(crossing.id, officer, ["held"])
        request = officer_desk.exceptions.request(
            officer, permit, "Release from hold", "Papers at the gate", crossing.id
        )
        sent = time.perf_counter()
        while request.id not in watcher.seen:
            time.sleep(0.005)
        seen.append((watcher.seen[request.id] - sent) * 1000)
        supervisor_desk.exceptions.decide(supervisor, request.id, True, "GD seen by phone")
        decided = time.perf_counter()
        while True:  # the officer's desk, polling the same way
            time.sleep(args.poll)
            changes = officer_desk.changes.since(officer_watch)
            officer_watch = changes.last
            if crossing.id in changes.crossings:
                mine = officer_desk.exceptions.of_officer(officer)
                if mine and mine[0].state == "approved":
                    answered.append((time.perf_counter() - decided) * 1000)
                    break
    watcher.stop.set()
    print(f"{args.requests} requests, poll every {args.poll:g} s, on {url.split(':')[0]}")
    for timing in (Timing("seen", seen), Timing("answer", answered)):
        verdict = "PASS" if timing.pct(95) <= TARGET_MS else "MISS"
        print(
            f"{timing.name:<7} median {statistics.median(timing.samples_ms):7.0f} ms   "
            f"p95 {timing.pct(95):7.0f} ms   max {max(timing.samples_ms):7.0f} ms   "
            f"target <= {TARGET_MS} ms  {verdict}"
        )


if __name__ == "__main__":
    main()
