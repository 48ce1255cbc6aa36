"""Make the README's screenshot of the desk from a fresh demo database.

    .venv/bin/python packaging/screenshot.py [--out resources/screenshots/desk.png]
    .venv/bin/python packaging/screenshot.py --scene manifest \
        --out resources/screenshots/pre-arrivals.png

Qt renders offscreen, so no display is needed. The desk picture shows an officer's window
with a crossing awaiting inspection selected and a registration half typed; the manifest
picture, the demo train's expected wagons beside the queue and a registration filled from
the manifest with one seal scanned (and its train report, beside it, as `-report.png`).
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources/screenshots/desk.png")
    parser.add_argument("--scene", choices=("desk", "manifest", "weighbridge"), default="desk")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from taftan_desk.db import migrate
    from taftan_desk.db.engine import make_engine
    from taftan_desk.services.container import Services
    from taftan_desk.services.database import Actor
    from taftan_desk.services.demo import run_demo
    from taftan_desk.ui import gui_collector
    from taftan_desk.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        from PySide6.QtCore import QSettings

        # A fresh desk's layout, not whatever this machine's user last left.
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, folder)
        engine = make_engine(str(Path(folder) / "demo.db"))
        migrate.upgrade(engine)
        services = Services.build(engine)
        run_demo(services, days=1, per_day=160, seed=7)
        gui_collector.install(app)  # after the demo's long run on this thread, as at a desk
        officer = next(u for u in services.accounts.list() if u.username == "officer1")
        window = MainWindow(
            services, Actor(officer.id, officer.username, officer.role, officer.full_name)
        )
        window.resize(1440, 860)
        window.show()
        if args.scene in ("manifest", "weighbridge"):
            scene = _manifest_scene if args.scene == "manifest" else _weighbridge_scene
            scene(app, window, args.out)
            window.close()
            engine.dispose()
            print(args.out)
            return 0
        waiting = [
            r
            for r in range(window.model.rowCount())
            if window.model.row_at(r).status.value == "awaiting_inspection"
        ]
        if waiting:
            window.ui.queue_view.selectRow(waiting[-1])
        panel = window.registration.ui
        panel.container_edit.setText("CSQU3054384")
        window.registration._check_container("CSQU3054384")
        panel.truck_plate_edit.setText("QAA-4521")
        panel.cargo_category_combo.setCurrentIndex(3)
        panel.hs_code_edit.setText("72083900")
        fields = window.registration.weighing.ui
        fields.bridge_edit.setText("38320")
        fields.vehicle_tare_edit.setText("14000")
        fields.tare_edit.setText("2300")
        fields.reason_edit.setText("Indicator display unreadable, read by eye")
        app.processEvents()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        window.close()
        engine.dispose()
    print(args.out)
    return 0


def _manifest_scene(app, window, out: Path) -> None:  # type: ignore[no-untyped-def]

    pre = window.pre_arrivals
    expected = _demo_train_wagon(app, window)
    window.registration.take_expected(expected)
    window.registration.ui.seals_edit.setText(expected.seals[0])
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    pre._train_report()
    dialog = pre.report_dialog
    dialog.resize(900, 560)
    app.processEvents()
    dialog.grab().save(str(out.with_name(out.stem + "-report.png")))
    dialog.close()


def _weighbridge_scene(app, window, out: Path) -> None:  # type: ignore[no-untyped-def]
    """A wagon of the demo train on a simulated weighbridge: F6 took the stable reading,
    the wagon's tare is remembered; then the same desk with its cable pulled."""
    import threading

    from taftan_desk.devices.scale_port import Simulator
    from taftan_desk.services.demo_train import taken
    from taftan_desk.ui.weighbridge_desk import ScaleChoice

    expected = _demo_train_wagon(app, window)
    services = window.services
    services.weighings.weigh_empty(
        window.actor, "rail", expected.wagon_no or "", 21_480, taken(21_480, 20)
    )
    simulator = Simulator("st-gs", 21_480 + expected.declared_net_kg + 2_260, settle_ms=500)
    stop = threading.Event()
    feed = threading.Thread(target=simulator.run, args=(stop,), daemon=True)
    feed.start()
    window.weighbridge.apply(ScaleChoice(simulator.port, "st-gs", 9_600, "Bazarcha bridge 1", "F6"))
    window.registration.take_expected(expected)
    window.registration.ui.seals_edit.setText(", ".join(expected.seals))
    window.registration.take_weight()
    fields = window.registration.weighing.ui
    _settle(app, lambda: bool(fields.bridge_edit.text()))
    fields.tare_edit.setText("2260")
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    stop.set()
    feed.join(5)
    simulator.close()
    _settle(
        app, lambda: "port" in fields.scale_label.text() or "no data" in fields.scale_label.text()
    )
    window.registration.grab().save(str(out.with_name(out.stem + "-pulled.png")))


def _demo_train_wagon(app, window):  # type: ignore[no-untyped-def]
    """The demo train's wagons in the Expected tab; the first still expected."""
    from taftan_desk.services.demo_train import TRAIN

    pre = window.pre_arrivals
    window.queue_tabs.setCurrentIndex(1)
    pre.reload()
    _settle(app, lambda: pre.ui.choice_combo.findData(TRAIN) >= 0)
    pre.ui.choice_combo.setCurrentIndex(pre.ui.choice_combo.findData(TRAIN))
    _settle(app, lambda: any(r.state == "arrived" for r in pre.rows))
    return next(r for r in pre.rows if r.state == "expected")


def _settle(app, ready) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + 10
    while not ready() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
