"""How long the desk's window stands still while Python's cycle collector runs on the GUI
thread (taftan_desk/ui/gui_collector.py): prints numbers, asserts nothing.

    .venv/bin/python benchmarks/bench_collector.py [--days 3] [--per-day 300] [--seconds 20]

A demo station (days × per-day crossings) is opened in the desk's main window, as an officer
works it: the queue is paged through and crossings are shown one after another while the
collector's timer runs. Measured: each collection the collector made (its generation and how
long the GUI thread was held), and a full collection of the desk's heap done on purpose (the
worst a collection can cost), before and after the start is frozen out of collections.
Target (issue 13's, for the weight shown): a pause <= 100 ms.
"""

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import Timing, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--per-day", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from taftan_desk.db import migrate
    from taftan_desk.db.engine import make_engine
    from taftan_desk.services.container import Services
    from taftan_desk.services.database import Actor
    from taftan_desk.services.demo import run_demo
    from taftan_desk.ui import gui_collector
    from taftan_desk.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    collector = gui_collector.install(app)
    pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
    due = collector.collect_due

    def measured() -> int:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = next((g for g in (2, 1, 0) if counts[g] > thresholds[g]), None)
        started = time.perf_counter_ns()
        found = due()
        if generation is not None:
            pauses[generation].append((time.perf_counter_ns() - started) / 1e6)
        return found

    collector._timer.timeout.disconnect()  # noqa: SLF001  # the same work, timed
    collector._timer.timeout.connect(measured)  # noqa: SLF001
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, folder)
        engine = make_engine(str(Path(folder) / "demo.db"))
        migrate.upgrade(engine)
        services = Services.build(engine)
        run_demo(services, days=args.days, per_day=args.per_day, seed=7)
        officer = next(u for u in services.accounts.list() if u.username == "officer1")
        window = MainWindow(
            services, Actor(officer.id, officer.username, officer.role, officer.full_name)
        )
        window.resize(1440, 860)
        window.show()
        unfrozen = timed([lambda: gc.collect(2) for _ in range(5)])
        gui_collector.freeze_startup()  # as the desk does once its window is up
        rows = window.model.rowCount()
        ends = time.monotonic() + args.seconds
        shown = 0
        while time.monotonic() < ends:
            if rows:
                window.ui.queue_view.selectRow(shown % rows)
                shown += 1
            app.processEvents()
            time.sleep(0.01)
        full = timed([lambda: gc.collect(2) for _ in range(5)])
        objects, frozen = len(gc.get_objects()), gc.get_freeze_count()
        window.close()
        engine.dispose()
    print(
        f"collector: {args.days} days × {args.per_day} crossings, {shown:,} crossings shown "
        f"in {args.seconds:g} s, {objects:,} objects collected over, {frozen:,} frozen at start"
    )
    for generation, samples in pauses.items():
        if samples:
            t = Timing(f"gen {generation}", samples)
            print(
                f"  gen {generation} collections: {len(samples):>4}  p50 {t.pct(50):6.1f} ms  "
                f"p95 {t.pct(95):6.1f} ms  max {max(samples):6.1f} ms"
            )
        else:
            print(f"  gen {generation} collections:    0")
    for name, samples in (("before freezing", unfrozen), ("after", full)):
        t = Timing(name, samples)
        print(
            f"  a full collection on purpose, {name}: p50 {t.pct(50):.1f} ms  "
            f"max {max(samples):.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
