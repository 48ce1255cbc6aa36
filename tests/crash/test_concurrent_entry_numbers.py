"""Several desks (processes) registering at the same moment on one SQLite file.

Each process signs in, reports READY and waits; all get GO together and register 40
crossings each. No two may get the same entry number, none may fail with "database is
locked", and afterwards the audit chain and the records must check out.
"""

import sqlite3
from contextlib import closing

from taftan_desk.core.roles import Role
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from tests.crash.crash_support import Registrar
from tests.support import TEST_IDENTITY, Desk

PER_PROCESS = 40
PASSWORD = "concurrent-test-password"


def test_concurrent_desks_never_share_an_entry_number(desk: Desk) -> None:
    officers = []
    for name in ("bilal", "chand", "dost"):
        desk.services.accounts.add(desk.admin, name, Role.OFFICER, PASSWORD)
        officers.append(name)

    desks = [
        Registrar(desk.path, name, PASSWORD, count=PER_PROCESS, wait_go=True) for name in officers
    ]
    confirmed: dict[str, list[str]] = {}
    spans: list[tuple[float, float]] = []
    try:
        for registrar in desks:
            registrar.expect("READY", timeout=60)
        for registrar in desks:
            registrar.send("GO")
        for name, registrar in zip(officers, desks, strict=True):
            confirmed[name] = [
                registrar.expect("COMMITTED ", timeout=30) for _ in range(PER_PROCESS)
            ]
            start, end = registrar.expect("DONE ", timeout=30).split()
            spans.append((float(start), float(end)))
            registrar.proc.wait(timeout=30)
            assert registrar.remaining_lines() == []
            stderr = registrar.stderr
            assert "locked" not in stderr and "busy" not in stderr, stderr
            assert registrar.proc.returncode == 0, stderr
    finally:
        for registrar in desks:
            registrar.close()

    everything = [n for numbers in confirmed.values() for n in numbers]
    assert len(everything) == len(officers) * PER_PROCESS
    assert len(set(everything)) == len(everything), "two desks got the same entry number"

    with closing(sqlite3.connect(desk.path)) as conn:
        rows = conn.execute(
            "SELECT c.entry_no, u.username FROM crossings c "
            "JOIN users u ON u.id = c.registered_by ORDER BY c.entry_no"
        ).fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert sorted(everything) == [entry_no for entry_no, _ in rows]
    assert sorted(int(n[2:]) for n in everything) == list(range(1, len(everything) + 1))
    # Each number belongs to the desk that was told it got it.
    owner = dict(rows)
    for name, numbers in confirmed.items():
        assert {owner[n] for n in numbers} == {name}

    print("SPANS", [(round(e - s, 2)) for s, e in spans], [r[1][0] for r in rows])
    # The desks really were registering at the same time: their busy spans overlap.
    assert max(start for start, _ in spans) < min(end for _, end in spans), spans

    engine = make_engine(str(desk.path))
    try:
        report = Services.build(engine, identity=TEST_IDENTITY).health.check()
        assert report.ok, report.render()
    finally:
        engine.dispose()
