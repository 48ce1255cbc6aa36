"""Desk responsiveness on a large station database: prints numbers, asserts nothing.

    .venv/bin/python benchmarks/bench_desk.py --db /tmp/taftan-bench/bench-1m.db

Build the database first with bench_store.py (it creates the `benchofficer` account used
here). Measured, with Qt offscreen:
  start   process start -> sign-in dialog on screen (the database loads behind it)
  ready   process start -> the dialog can sign in (database open, at head)
  stall   the longest the sign-in dialog went without handling events while the database
          loaded on the worker thread (keys typed meanwhile show at once when this is small)
  login   password accepted -> main window shown with today's queue loaded (argon2 included)
  save    Save pressed in the registration panel -> queue count and detail pane updated
  select  a crossing selected -> the detail pane shows its whole record (history included)
  unlock  the locked desk's sign-in accepted (argon2 included) -> the desk shown again
  change  another desk registers a crossing -> it is in this desk's queue (change feed)
Targets (issue 3): start <= 1 s, login <= 1 s, save <= 100 ms; ready is held to 1 s too;
select <= 100 ms (issue 10); unlock as login; change <= 2 s (issue 9).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OFFICER, PASSWORD = "benchofficer", "bench-password-1"
TARGETS_MS = {
    "start": 1_000,
    "ready": 1_000,
    "stall": 100,
    "login": 1_000,
    "save": 100,
    "select": 100,
    "unlock": 1_000,
    "change": 2_000,
}

_CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
said = {}
def poll():
    now = time.perf_counter()
    for w in QApplication.topLevelWidgets():
        if w.objectName() != "LoginDialog" or not w.isVisible():
            continue
        if "SHOWN" not in said:
            said["SHOWN"] = said["tick"] = now
            said["stall"] = 0.0
            print("SHOWN", flush=True)
        said["stall"] = max(said["stall"], now - said["tick"])
        said["tick"] = now
        if w.is_attached and "READY" not in said:
            said["READY"] = now
            print("READY", flush=True)
            print(f"STALL {said['stall'] * 1000:.1f}", flush=True)
            w.reject()
timer = QTimer()
timer.timeout.connect(poll)
timer.start(1)
from taftan_desk.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def measure_start(db: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Launch -> sign-in dialog on screen, launch -> the dialog can sign in, and the longest
    the dialog went without handling events while the database loaded."""
    shown: list[float] = []
    ready: list[float] = []
    stalls: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        for expected, samples in (("SHOWN", shown), ("READY", ready)):
            if child.stdout.readline().strip() != expected:
                raise SystemExit(f"the sign-in dialog never reached {expected}")
            samples.append((time.perf_counter() - started) * 1000)
        stalls.append(float(child.stdout.readline().split()[1]))
        child.wait(timeout=60)
    return shown, ready, stalls


def measure_login(services, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from taftan_desk.ui.main_window import MainWindow

    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        actor = services.accounts.authenticate(OFFICER, PASSWORD)
        window = MainWindow(services, actor)
        window.show()
        QApplication.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return samples


def measure_save(services, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from taftan_desk.ui.main_window import MainWindow

    window = MainWindow(services, services.accounts.authenticate(OFFICER, PASSWORD))
    window.show()
    panel = window.registration
    samples = []
    for i in range(runs):
        fill(panel, i)
        before = window.ui.count_label.text()
        started = time.perf_counter()
        panel.save()
        QApplication.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
        # The queue reads pages as the officer scrolls: the new row is at its end, the count
        # goes up at once and the detail pane shows the new crossing.
        if window.ui.count_label.text() == before or window.current is None:
            raise SystemExit(f"save {i} did not reach the queue: {panel.ui.error_label.text()}")
    window.close()
    return samples


def measure_select(services, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Click-equivalent selection of queue rows spread over the day: the pane's whole record."""
    from PySide6.QtWidgets import QApplication

    from taftan_desk.ui.main_window import MainWindow

    window = MainWindow(services, services.accounts.authenticate(OFFICER, PASSWORD))
    window.show()
    window.model.fetch_all()
    rows = window.model.rowCount()
    samples = []
    for i in range(runs):
        crossing_id = window.model.row_at((i * 7919) % rows).id
        started = time.perf_counter()
        window._select(crossing_id)
        QApplication.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
        if window.current is None or window.current.id != crossing_id:
            raise SystemExit(f"selecting {crossing_id} did not show it")
    window.close()
    return samples


def measure_unlock(services, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from taftan_desk.ui.main_window import MainWindow

    window = MainWindow(services, services.accounts.authenticate(OFFICER, PASSWORD))
    window.show()
    samples = []
    for _ in range(runs):
        window.session.lock()
        QApplication.processEvents()
        started = time.perf_counter()
        window.desk_lock.sign_in(OFFICER, PASSWORD)
        QApplication.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
        if window.session.locked:
            raise SystemExit("the desk did not unlock")
    window.close()
    return samples


def measure_change(services, db: Path, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Another desk (its own engine) registers; this desk's queue shows it."""
    from bench_store import bench_identity
    from PySide6.QtWidgets import QApplication

    from taftan_desk.db.engine import make_engine
    from taftan_desk.services.container import Services
    from taftan_desk.ui.main_window import MainWindow

    window = MainWindow(services, services.accounts.authenticate(OFFICER, PASSWORD))
    window.show()
    window.model.fetch_all()
    other = Services.build(make_engine(str(db)), identity=bench_identity(db))
    actor = other.accounts.authenticate(OFFICER, PASSWORD)
    samples = []
    for i in range(runs):
        form = other_form(900_000 + i)
        started = time.perf_counter()
        crossing_id = other.crossings.register(actor, form).crossing.id
        while window.model.row_of(crossing_id) is None:
            QApplication.processEvents()
            time.sleep(0.005)
            if time.perf_counter() - started > 10:
                raise SystemExit("another desk's registration never arrived")
        samples.append((time.perf_counter() - started) * 1000)
    other.db.engine.dispose()
    window.close()
    return samples


def other_form(n: int):  # type: ignore[no-untyped-def]
    from taftan_desk.core import containers
    from taftan_desk.core.registration import RegistrationInput

    body = f"TCLU{n:06d}"
    return RegistrationInput(
        "in",
        "road",
        body + str(containers.check_digit(body)),
        "steel",
        truck_plate=f"QBB-{n % 10_000}",
        hs_code="720839",
        declared_net_kg="21000",
        gross_kg="23300",
        tare_kg="2300",
    )


def fill(panel, i: int) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.core import containers

    body = f"MSKU{700_000 + i:06d}"
    ui = panel.ui
    ui.container_edit.setText(body + str(containers.check_digit(body)))
    ui.truck_plate_edit.setText(f"QAA-{1000 + i}")
    ui.cargo_category_combo.setCurrentIndex(5)  # textiles
    ui.hs_code_edit.setText("520100")
    ui.declared_net_edit.setText("12000")
    ui.seals_edit.setText(f"AB{100000 + i} H")
    ui.gross_edit.setText("14300")
    ui.tare_edit.setText("2300")


def report(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    target = TARGETS_MS[name]
    verdict = "PASS" if p95 <= target else "MISS"
    print(
        f"{name:<7} n={len(samples):<4} median {statistics.median(samples):8.1f} ms   "
        f"p95 {p95:8.1f} ms   max {max(samples):8.1f} ms   target <= {target} ms  {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a database from bench_store.py")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--saves", type=int, default=100)
    args = parser.parse_args()
    from bench_store import bench_identity
    from PySide6.QtWidgets import QApplication

    from taftan_desk.db.engine import make_engine
    from taftan_desk.services.container import Services

    app = QApplication.instance() or QApplication(sys.argv)
    services = Services.build(make_engine(str(args.db)), identity=bench_identity(args.db))
    with services.db.read() as session:
        from sqlalchemy import text

        count = session.execute(text("SELECT count(*) FROM crossings")).scalar_one()
    print(f"database {args.db} with {count:,} crossings; Qt {os.environ['QT_QPA_PLATFORM']}")
    shown, ready, stalls = measure_start(args.db, args.runs)
    report("start", shown)
    report("ready", ready)
    report("stall", stalls)
    report("login", measure_login(services, args.runs))
    report("save", measure_save(services, args.saves))
    report("select", measure_select(services, args.saves))
    report("unlock", measure_unlock(services, args.runs))
    report("change", measure_change(services, args.db, args.runs))
    del app


if __name__ == "__main__":
    main()
