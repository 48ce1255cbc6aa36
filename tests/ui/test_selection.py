"""The selection belongs to the officer: no refresh, no other desk's change, no focus change
moves the desk onto another crossing, and the highlighted row is always the crossing in the
detail pane. Other desks' changes reach the queue and the pane within 2 s."""

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import create_engine, make_url, text

from taftan_desk.core import containers
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.roles import Role
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.ui.dialogs.print_dialog import PrintDialog
from taftan_desk.ui.main_window import MainWindow
from taftan_desk.ui.models.queue_table_model import COL_STATUS
from tests.support import (
    TEST_IDENTITY,
    Desk,
    FakeClock,
    new_station,
    road_form,
    show_and_activate,
)
from tests.ui.test_desk_flow import answer, press


def container(n: int) -> str:
    body = f"TCLU{n:06d}"
    return body + str(containers.check_digit(body))


def register(services: Services, officer: Actor, count: int, start: int = 100) -> list[int]:
    return [
        services.crossings.register(
            officer, road_form(container_no=container(start + i), truck_plate=f"QAA-{i}")
        ).crossing.id
        for i in range(count)
    ]


def highlighted(window: MainWindow) -> list[int]:
    rows = window.ui.queue_view.selectionModel().selectedRows()
    return [window.model.row_at(index.row()).id for index in rows]


def shown(window: MainWindow) -> int | None:
    return window.current.id if window.current else None


def click_row(qtbot, window: MainWindow, crossing_id: int) -> None:  # type: ignore[no-untyped-def]
    view = window.ui.queue_view
    row = window.model.row_of(crossing_id)
    assert row is not None
    rect = view.visualRect(window.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_refresh_and_a_dialog_leave_the_desk_on_the_officers_crossing(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    ids = register(desk.services, desk.officer, 5)
    window = open_window()
    click_row(qtbot, window, ids[3])
    assert window.ui.queue_view.hasFocus()
    assert highlighted(window) == [ids[3]] and shown(window) == ids[3]
    press(qtbot, window, Qt.Key.Key_F5)  # the reload the timer used to do every 30 s
    assert highlighted(window) == [ids[3]] and shown(window) == ids[3]

    def close_with_escape(dialog: QDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer(qtbot, PrintDialog, close_with_escape)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    show_and_activate(qtbot, window)
    window.ui.queue_view.setFocus()  # focus back in the queue, as after the dialog closes
    assert highlighted(window) == [ids[3]] and shown(window) == ids[3]
    press(qtbot, window, Qt.Key.Key_Down)  # the officer moves on by hand: that moves it
    window.ui.queue_view.setFocus()
    qtbot.keyClick(window.ui.queue_view, Qt.Key.Key_Down)
    assert highlighted(window) == [ids[4]] and shown(window) == ids[4]


def test_focus_entering_the_queue_chooses_no_crossing(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    register(desk.services, desk.officer, 3)
    window = open_window()
    assert shown(window) is None
    window.ui.queue_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.ui.queue_view.hasFocus)
    assert highlighted(window) == [] and shown(window) is None
    assert not window.ui.release_action.isEnabled()


def test_letters_typed_in_the_queue_do_not_move_the_selection(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    ids = register(desk.services, desk.officer, 3)
    window = open_window()
    click_row(qtbot, window, ids[0])
    entry_of_last = window.model.row_at(window.model.row_of(ids[2])).entry_no
    qtbot.keyClicks(window.ui.queue_view, entry_of_last)  # would jump there by keyboard search
    assert highlighted(window) == [ids[0]] and shown(window) == ids[0]


def test_a_crossing_shown_but_not_in_the_queue_highlights_no_row(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    ids = register(desk.services, desk.officer, 2)
    window = open_window()
    click_row(qtbot, window, ids[0])
    window.model.load(lambda after, limit, sort: [])  # as if it had left the queue
    window.select(ids[1])
    assert highlighted(window) == [] and shown(window) == ids[1]


def test_the_desks_own_change_updates_its_row_in_place(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    ids = register(desk.services, desk.officer, 3)
    window = open_window()
    click_row(qtbot, window, ids[1])
    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))
    press(qtbot, window, Qt.Key.Key_F8)  # release: green, weighed
    row = window.model.row_of(ids[1])
    assert window.model.index(row, COL_STATUS).data() == Status.RELEASED.label
    assert highlighted(window) == [ids[1]] and shown(window) == ids[1]
    assert "released" in window.ui.status_bar.currentMessage()
    assert resets == []  # not a reload of the day


def _second_desk(path: Path) -> Services:
    return Services.build(make_engine(str(path)), FakeClock(), TEST_IDENTITY)


def test_another_desks_changes_reach_the_queue_and_pane_within_two_seconds(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    ids = register(desk.services, desk.officer, 3)
    window = open_window()
    click_row(qtbot, window, ids[1])
    assert window.ui.release_action.isEnabled()
    window.ui.status_bar.showMessage("Clearance slip for entry 1 sent to desk-printer")
    other = _second_desk(desk.path)
    try:
        other.crossings.release(desk.officer, ids[1])
        qtbot.waitUntil(lambda: window.current.status is Status.RELEASED, timeout=2_000)
        assert not window.ui.release_action.isEnabled()  # the actions follow the pane
        row = window.model.row_of(ids[1])
        assert window.model.index(row, COL_STATUS).data() == Status.RELEASED.label
        new = register(other, desk.officer, 1, start=900)[0]
        qtbot.waitUntil(lambda: window.model.row_of(new) is not None, timeout=2_000)
        assert window.ui.count_label.text().startswith("4")
    finally:
        other.db.engine.dispose()
    assert highlighted(window) == [ids[1]] and shown(window) == ids[1]
    # An outcome the officer has not read yet stays; the sync time lives in its own label.
    assert window.ui.status_bar.currentMessage().endswith("sent to desk-printer")


def test_an_unreachable_database_is_said_and_the_desk_recovers(
    qtbot, desk: Desk, open_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.core.errors import StorageError

    ids = register(desk.services, desk.officer, 2)
    window = open_window()
    click_row(qtbot, window, ids[0])
    feed = desk.services.changes

    def down(_last: int, **_kw: object) -> object:
        raise StorageError("The database cannot be reached.")

    monkeypatch.setattr(feed, "since", down)
    qtbot.waitUntil(lambda: "unreachable" in window._sync_label.text(), timeout=2_500)
    assert highlighted(window) == [ids[0]] and shown(window) == ids[0]
    monkeypatch.undo()
    qtbot.waitUntil(lambda: "up to date" in window._sync_label.text(), timeout=2_500)
    assert highlighted(window) == [ids[0]] and shown(window) == ids[0]


@pytest.fixture
def pg_station(pg_url: str) -> Iterator[tuple[str, Services, Actor]]:
    """A station of its own on the test PostgreSQL cluster, with one officer."""
    name = f"desks_{uuid.uuid4().hex[:8]}"
    server = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_url).set(database=name).render_as_string(False)
    engine = make_engine(url)
    services, signed = new_station(engine, ali=Role.OFFICER)
    officer = signed["ali"]
    try:
        yield url, services, officer
    finally:
        engine.dispose()
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        server.dispose()


def test_two_desks_on_postgres_see_each_others_changes(qtbot, pg_station) -> None:  # type: ignore[no-untyped-def]
    url, services, officer = pg_station
    ids = register(services, officer, 2)
    window = MainWindow(services, officer)
    qtbot.addWidget(window)
    show_and_activate(qtbot, window)
    click_row(qtbot, window, ids[0])
    other = Services.build(make_engine(url), FakeClock(), TEST_IDENTITY)
    try:
        other.crossings.release(officer, ids[0])
        qtbot.waitUntil(lambda: window.current.status is Status.RELEASED, timeout=2_000)
        assert not window.ui.release_action.isEnabled()
        new = register(other, officer, 1, start=700)[0]
        qtbot.waitUntil(lambda: window.model.row_of(new) is not None, timeout=2_000)
    finally:
        other.db.engine.dispose()
    assert highlighted(window) == [ids[0]] and shown(window) == ids[0]
    window.close()


def test_clicking_a_header_sorts_in_sql_and_keeps_the_crossing(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.ui.models.queue_table_model import COL_STATUS as STATUS

    ids = register(desk.services, desk.officer, 4)
    desk.services.crossings.release(desk.officer, ids[0])
    desk.services.crossings.hold(desk.officer, ids[2], "Papers")
    window = open_window()
    click_row(qtbot, window, ids[2])
    header = window.ui.queue_view.horizontalHeader()
    x = header.sectionViewportPosition(STATUS) + header.sectionSize(STATUS) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    statuses = [window.model.row_at(r).status for r in range(window.model.rowCount())]
    assert statuses == [Status.REGISTERED, Status.REGISTERED, Status.HELD, Status.RELEASED]
    assert window.model.order.by == "status"
    assert highlighted(window) == [ids[2]] and shown(window) == ids[2]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert window.model.row_at(0).status is Status.RELEASED  # again: the other way round
    assert highlighted(window) == [ids[2]] and shown(window) == ids[2]
    # A crossing registered elsewhere takes its place in the order shown, not the end.
    new = register(desk.services, desk.officer, 1, start=500)[0]
    qtbot.waitUntil(lambda: window.model.row_of(new) is not None, timeout=2_000)
    statuses = [window.model.row_at(r).status for r in range(window.model.rowCount())]
    assert statuses == sorted(statuses, key=list(Status).index, reverse=True)


def test_a_key_that_can_do_nothing_says_why(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    ids = register(desk.services, desk.officer, 1)
    desk.services.crossings.release(desk.officer, ids[0])
    window = open_window()
    press(qtbot, window, Qt.Key.Key_F8)
    assert "no crossing is selected" in window.ui.status_bar.currentMessage()
    click_row(qtbot, window, ids[0])
    press(qtbot, window, Qt.Key.Key_F8)
    message = window.ui.status_bar.currentMessage()
    assert "Release is not possible" in message and "is released" in message
    window.registration.ui.container_edit.setFocus()
    qtbot.keyClick(window.registration.ui.container_edit, Qt.Key.Key_F9)  # from the form too
    assert "Hold is not possible" in window.ui.status_bar.currentMessage()
