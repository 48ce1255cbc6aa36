"""kill -9 in the middle of registering: nothing confirmed is lost, nothing is half-written.

A helper process registers crossings through the real services and prints
`COMMITTED <entry_no>` after each register() returns. It is killed with SIGKILL after a random
number of confirmations, many times over, on the same SQLite file. A confirmed crossing must
be in the database; entry numbers must stay unique and gap-free (the counter and the crossing
commit together or not at all); the file, the audit chain and the records must check out.
"""

import os
import random
import signal
import sqlite3
from contextlib import closing

import pytest

from taftan_desk.core.roles import Role
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from tests.crash.crash_support import Registrar
from tests.support import TEST_IDENTITY, Desk

KILLS = 25
MAX_COMMITS_BEFORE_KILL = 15
PASSWORD = "kill-test-password"


def _entry_numbers(db) -> list[str]:  # type: ignore[no-untyped-def]
    with closing(sqlite3.connect(db)) as conn:
        return [row[0] for row in conn.execute("SELECT entry_no FROM crossings ORDER BY id")]


@pytest.mark.slow
def test_sigkill_while_registering_loses_no_confirmed_crossing(desk: Desk) -> None:
    seed = int(os.environ.get("TAFTAN_CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    about = f"(seed {seed}; rerun with TAFTAN_CRASH_SEED={seed})"
    # The officer exists before any helper starts; helpers only sign in.
    officer = desk.services.accounts.add(desk.admin, "kasim", Role.OFFICER, PASSWORD).username
    reported: list[str] = []
    killed_mid_run = 0

    # The next helper starts (imports, signs in) while the current one is registering; it
    # waits for GO, so only one process registers at a time.
    upcoming = Registrar(desk.path, officer, PASSWORD)
    try:
        for round_no in range(KILLS):
            current = upcoming
            current.expect("READY", timeout=60)
            current.send("GO")
            upcoming = Registrar(desk.path, officer, PASSWORD) if round_no < KILLS - 1 else None
            target = rng.randint(1, MAX_COMMITS_BEFORE_KILL)
            for _ in range(target):
                reported.append(current.expect("COMMITTED ", timeout=30))
            current.kill()
            assert current.proc.returncode == -signal.SIGKILL, about
            killed_mid_run += 1
            # Lines already in the pipe when the kill landed are promises too.
            for line in current.remaining_lines():
                assert line.startswith("COMMITTED "), (line, about)
                reported.append(line.removeprefix("COMMITTED ").strip())
            assert "Traceback" not in current.stderr, current.stderr
            current.close()
    finally:
        if upcoming is not None:
            upcoming.close()

    in_db = _entry_numbers(desk.path)
    missing = sorted(set(reported) - set(in_db))
    assert not missing, f"confirmed but not in the database: {missing} {about}"
    assert len(reported) == len(set(reported)), f"an entry number was confirmed twice {about}"
    assert len(in_db) == len(set(in_db)), f"duplicate entry numbers in the database {about}"
    # At most one crossing per killed process can have committed without its line printed.
    assert 0 <= len(in_db) - len(reported) <= killed_mid_run, about
    # A rolled-back registration never issued its number: the sequence has no gaps.
    sequences = sorted(int(n[2:]) for n in in_db)
    assert sequences == list(range(1, len(in_db) + 1)), about

    with closing(sqlite3.connect(desk.path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        (counter,) = conn.execute("SELECT max(last_value) FROM entry_counters").fetchone()
    assert counter == len(in_db), about

    engine = make_engine(str(desk.path))
    try:
        report = Services.build(engine, identity=TEST_IDENTITY).health.check()
        assert report.ok, report.render()
    finally:
        engine.dispose()
