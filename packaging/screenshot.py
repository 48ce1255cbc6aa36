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
    parser.add_argument("--scene", choices=("desk", "manifest"), default="desk")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from taftan_desk.db import migrate
    from taftan_desk.db.engine import make_engine
    from taftan_desk.services.container import Services
    from taftan_desk.services.database import Actor
    from taftan_desk.services.demo import run_demo
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
        officer = next(u for u in services.accounts.list() if u.username == "officer1")
        window = MainWindow(
            services, Actor(officer.id, officer.username, officer.role, officer.full_name)
        )
        window.resize(1440, 860)
        window.show()
        if args.scene == "manifest":
            _manifest_scene(app, window, args.out)
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
        panel.gross_edit.setText("24320")
        panel.tare_edit.setText("2300")
        app.processEvents()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        window.close()
        engine.dispose()
    print(args.out)
    return 0


def _manifest_scene(app, window, out: Path) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.services.demo_train import TRAIN

    pre = window.pre_arrivals
    window.queue_tabs.setCurrentIndex(1)
    pre.reload()
    _settle(app, lambda: pre.ui.choice_combo.findData(TRAIN) >= 0)
    pre.ui.choice_combo.setCurrentIndex(pre.ui.choice_combo.findData(TRAIN))
    _settle(app, lambda: any(r.state == "arrived" for r in pre.rows))
    expected = next(r for r in pre.rows if r.state == "expected")
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


def _settle(app, ready) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + 10
    while not ready() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
