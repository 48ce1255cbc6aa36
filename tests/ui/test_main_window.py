import difflib
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from taftan_desk.db import migrate
from taftan_desk.ui import window_layout
from taftan_desk.ui.main_window import MainWindow
from taftan_desk.ui.models.queue_table_model import COL_CONTAINER, COL_ENTRY, COL_NET
from tests.support import Desk, road_form, show_and_activate, textiles_out_form

ROOT = Path(__file__).resolve().parents[2]


def _register(desk: Desk, container: str) -> str:
    form = road_form(container_no=container)
    return desk.services.crossings.register(desk.officer, form).crossing.entry_no


def test_window_lists_todays_crossings(qtbot, desk: Desk, qtmodeltester, open_window) -> None:  # type: ignore[no-untyped-def]
    entry = _register(desk, "CSQU3054383")
    window = open_window()
    model = window.ui.queue_view.model()
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, COL_ENTRY).data() == entry
    assert model.index(0, COL_CONTAINER).data() == "CSQU3054383"
    assert model.index(0, COL_NET).data() == "21,000"
    _register(desk, "MSKU3881107")
    qtbot.keyClick(window.ui.queue_view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert "2 crossing(s)" in window.ui.count_label.text()


def test_generated_forms_match_their_ui_sources(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from build_forms import compile_form
    finally:
        sys.path.pop(0)
    for source in sorted((ROOT / "forms").glob("*.ui")):
        fresh = compile_form(source, tmp_path).read_text().splitlines()
        committed = (ROOT / "taftan_desk/ui/forms" / f"ui_{source.stem}.py").read_text()
        drift = [
            line
            for line in difflib.unified_diff(
                [x for x in committed.splitlines() if "Created by" not in x],
                [x for x in fresh if "Created by" not in x],
                lineterm="",
                n=0,
            )
        ]
        assert drift == [], f"{source.name} changed: run python packaging/build_forms.py"


def test_gui_starts_on_an_empty_database(tmp_path: Path) -> None:
    """`taftan-desk` with no subcommand migrates a new file and asks to set up the station."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv)\n"
        "def close_dialogs():\n"
        "    dialog = QApplication.activeModalWidget()\n"
        "    if dialog is None:\n"
        "        return\n"
        "    print(dialog.objectName(), flush=True)\n"
        "    if getattr(dialog, 'is_attached', True):  # not while the database opens\n"
        "        dialog.reject()\n"
        "timer = QTimer()\n"
        "timer.timeout.connect(close_dialogs)\n"
        "timer.start(200)\n"
        "from taftan_desk.cli import main\n"
        f"sys.exit(main(['--db', {str(tmp_path / 'first.db')!r}]))\n"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    # The sign-in dialog may show while the database loads; a new one then asks for set-up.
    assert done.stdout.split()[-1] == "SetupDialog"
    assert set(done.stdout.split()) <= {"LoginDialog", "SetupDialog"}
    assert "Traceback" not in done.stderr
    with sqlite3.connect(tmp_path / "first.db") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.HEAD_REVISION,
        )


def test_table_layout_is_remembered(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(desk.services, desk.officer)
    qtbot.addWidget(first)
    first.ui.queue_view.horizontalHeader().moveSection(COL_CONTAINER, 0)
    window_layout.save(first)
    second = MainWindow(desk.services, desk.officer)
    qtbot.addWidget(second)
    assert second.ui.queue_view.horizontalHeader().visualIndex(COL_CONTAINER) == 0


def test_open_crossings_from_yesterday_stay_in_the_queue(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    desk.clock.now -= timedelta(days=1)
    open_one = _register(desk, "CSQU3054383")  # weighed, green: registered, still open
    closed = desk.services.crossings.register(
        desk.officer,
        textiles_out_form(),
    ).crossing
    desk.services.crossings.release(desk.officer, closed.id)
    desk.clock.now += timedelta(days=1)
    today = _register(desk, "TASU1170000")
    window = MainWindow(desk.services, desk.officer)
    qtbot.addWidget(window)
    entries = [window.model.index(r, COL_ENTRY).data() for r in range(window.model.rowCount())]
    assert entries == [open_one, today]
    assert "1 still open from earlier days" in window.ui.title_label.text()


def test_queue_reads_pages_as_the_officer_scrolls(qtbot, desk: Desk, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.ui.models import queue_table_model

    entries = [_register(desk, "CSQU3054383") for _ in range(7)]
    window = MainWindow(desk.services, desk.officer)
    qtbot.addWidget(window)
    model = window.model
    model.page_rows = 3
    model.load(lambda after, limit, sort: [])  # forget the first read: start again with pages of 3
    window.refresh()
    show_and_activate(qtbot, window)
    assert window.ui.count_label.text() == "7 crossing(s)"
    loaded_first = model.rowCount()
    assert loaded_first < 7 and model.canFetchMore()
    window.ui.queue_view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 7)
    assert not model.canFetchMore()
    assert [model.index(r, COL_ENTRY).data() for r in range(7)] == entries
    qtmodeltester.check(model)
    assert queue_table_model.PAGE_ROWS >= 100  # a real desk reads a screenful and more at once
