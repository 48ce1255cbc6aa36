"""The shift supervisor's review over a demo station: a shift's crossings filtered and sorted
in SQL, a record opened by Enter, the daily report saved, the shift signed off with an
anchor that the check proves; officers never see it."""

import csv
import io
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from taftan_desk.core.roles import Role
from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine
from taftan_desk.services.anchors import parse
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.demo import run_demo
from taftan_desk.ui.main_window import MainWindow
from taftan_desk.ui.session import DeskSession
from taftan_desk.ui.shift_review import ShiftReview
from tests.documents.samples import text_of
from tests.support import TEST_IDENTITY, show_and_activate

DAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, Path, dict]]:
    path = tmp_path_factory.mktemp("review") / "demo.db"
    engine = make_engine(str(path))
    migrate.upgrade(engine)
    services = Services.build(engine, identity=TEST_IDENTITY)
    report = run_demo(services, days=1, per_day=60, seed=4242, today=DAY)
    actors = {
        name: services.accounts.authenticate(name, password)
        for name, _, _, password in report.users
        if not password.startswith("(")
    }
    yield services, path, actors
    engine.dispose()


def _sql(path: Path, query: str, *args: object) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, args).fetchone()[0]
    finally:
        conn.close()


def _review(qtbot, services: Services, actor: Actor, shift: int = 2) -> ShiftReview:  # type: ignore[no-untyped-def]
    review = ShiftReview(services, DeskSession(actor), services.settings.current())
    qtbot.addWidget(review)
    review.show()
    review.ui.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    review.ui.shift_combo.setCurrentIndex(shift)
    qtbot.waitUntil(lambda: not review.model.loading and review.model.rowCount() > 0)
    return review


def test_a_shift_is_listed_filtered_and_sorted_in_sql(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    services, path, actors = station
    review = _review(qtbot, services, actors["supervisor1"])
    in_shift = "FROM crossings WHERE shift_day = ? AND shift_no = 2"
    assert review.model.rowCount() == _sql(path, f"SELECT count(*) {in_shift}", DAY.isoformat())
    assert review.report.totals.crossings == review.model.rowCount()
    qtbot.mouseClick(review.ui.open_check, Qt.MouseButton.LeftButton)
    still_open = _sql(
        path,
        f"SELECT count(*) {in_shift} AND status NOT IN ('released', 'refused')",
        DAY.isoformat(),
    )
    qtbot.waitUntil(lambda: review.model.rowCount() == still_open and not review.model.loading)
    review.ui.open_check.setChecked(False)
    combo = review.ui.cargo_combo
    combo.setCurrentIndex(combo.findData("textiles"))
    textiles = _sql(
        path, f"SELECT count(*) {in_shift} AND cargo_category = 'textiles'", DAY.isoformat()
    )
    qtbot.waitUntil(lambda: review.model.rowCount() == textiles and not review.model.loading)
    combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: review.model.rowCount() > textiles and not review.model.loading)
    header = review.ui.table_view.horizontalHeader()
    entry_column = 0
    header.setSortIndicator(entry_column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not review.model.loading and review.model.row_at(0) is not None)
    newest = _sql(path, f"SELECT max(entry_no) {in_shift}", DAY.isoformat())
    assert review.model.row_at(0).entry_no == newest
    qtbot.keyClicks(review.ui.search_edit, newest[-4:])
    qtbot.waitUntil(lambda: review.model.rowCount() == 1 and not review.model.loading, timeout=3000)


def test_enter_opens_the_whole_record(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    services, _, actors = station
    review = _review(qtbot, services, actors["supervisor1"])
    view = review.ui.table_view
    view.setFocus()
    view.selectRow(0)
    line = review.model.row_at(0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(review, "record_dialog", None) is not None)
    text = review.record_dialog.findChild(type(review.ui.totals_label), "heading_label").text()
    assert line.entry_no in text
    history = review.record_dialog.findChild(type(review.ui.totals_label), "history_label").text()
    assert "registered by officer" in history


def test_the_report_and_csv_are_saved_and_the_shift_signed_off(qtbot, station, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services, path, actors = station
    review = _review(qtbot, services, actors["supervisor2"], shift=1)
    review.save_pdf(tmp_path / "day.pdf")
    assert "DAILY REPORT" in text_of((tmp_path / "day.pdf").read_bytes())
    review.save_csv(tmp_path / "day.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "day.csv").read_text("utf-8-sig"))))
    assert len(rows) == review.report.totals.crossings
    usb = tmp_path / "usb"
    usb.mkdir()
    assert review.ui.signoff_button.isEnabled()
    review.sign_off(accept_open=True, folder=usb)
    assert review.ui.signoff_label.text().startswith("Signed off by supervisor2")
    assert not review.ui.signoff_button.isEnabled()
    [anchor_file] = usb.iterdir()
    anchor = parse(anchor_file.read_text(), str(anchor_file))
    report = services.health.check(anchors=[(str(anchor_file), anchor)])
    assert report.ok, report.render()
    from tests.cli.test_cli import run, trust_test_stations

    home = tmp_path / "home"
    home.mkdir()
    trust_test_stations(home)
    checked = run(home, "check", "--anchor", anchor_file, db=path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"event {anchor.position}" in checked.stdout or "anchor" in checked.stdout.lower()


def test_an_officer_has_no_review_and_an_administrator_cannot_sign_off(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    services, _, actors = station
    window = MainWindow(services, actors["officer1"])
    qtbot.addWidget(window)
    show_and_activate(qtbot, window)
    assert not window.ui.supervisor_menu.menuAction().isVisible()
    qtbot.keyClick(
        window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.exceptions.shift_review is None
    assert not any(isinstance(w, ShiftReview) for w in QApplication.topLevelWidgets())
    admin = Actor(None, "admin", Role.ADMIN)
    review = _review(qtbot, services, admin)
    assert not review.ui.signoff_button.isVisible()


def test_locking_the_desk_closes_the_review(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    services, _, actors = station
    window = MainWindow(services, actors["supervisor1"])
    qtbot.addWidget(window)
    show_and_activate(qtbot, window)
    window.exceptions.review()
    review = window.exceptions.shift_review
    assert review is not None and review.isVisible()
    window.session.lock()
    qtbot.waitUntil(lambda: window.exceptions.shift_review is None or not review.isVisible())
