"""An exception asked for at one desk and answered at another: F8 on a held truck with no
supervisor at hand, "Ask at another desk…", the supervisor's desk counts it and answers it
with F12, the officer's desk says the answer within two seconds and F8 then releases."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from taftan_desk.core.lifecycle import Status
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from taftan_desk.ui.dialogs.reason_dialog import ReasonDialog
from taftan_desk.ui.dialogs.requests_dialog import RequestsDialog
from taftan_desk.ui.dialogs.supervisor_dialog import SupervisorDialog
from taftan_desk.ui.main_window import MainWindow
from tests.support import TEST_IDENTITY, Desk, road_form, show_and_activate
from tests.ui.test_desk_flow import answer


@pytest.fixture
def other_desk(desk: Desk) -> Iterator[Services]:
    engine = make_engine(str(desk.path))
    yield Services.build(engine, desk.clock, TEST_IDENTITY)
    engine.dispose()


def _held_and_shown(desk: Desk, open_window) -> tuple[MainWindow, int]:  # type: ignore[no-untyped-def]
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    desk.services.crossings.hold(desk.officer, crossing.id, "GD not produced")
    window = open_window()
    window.show_crossing(crossing.id)
    return window, crossing.id


def _ask_elsewhere(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def explain(dialog: ReasonDialog) -> None:
        qtbot.keyClicks(dialog.ui.reason_edit, "Papers produced at the gate")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)

    def ask(dialog: SupervisorDialog) -> None:
        button = next(
            b for b in dialog.ui.button_box.buttons() if b.text() == "Ask at another desk…"
        )
        answer(qtbot, ReasonDialog, explain)
        button.click()

    answer(qtbot, SupervisorDialog, ask)
    show_and_activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: "sent to the supervisors" in window.ui.status_bar.currentMessage())


def test_a_request_answered_at_another_desk_reaches_the_officer_who_then_releases(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window, other_desk: Services
) -> None:
    window, crossing_id = _held_and_shown(desk, open_window)
    _ask_elsewhere(qtbot, window)
    [waiting] = other_desk.exceptions.waiting()
    assert waiting.crossing_id == crossing_id and waiting.reason == "Papers produced at the gate"
    other_desk.exceptions.decide(desk.supervisor, waiting.id, True, "GD checked by phone")
    qtbot.waitUntil(
        lambda: "approved by sara" in window.ui.status_bar.currentMessage(), timeout=2_000
    )
    show_and_activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F8)  # no dialog: the approval given elsewhere is used
    qtbot.waitUntil(lambda: window.current.status is Status.RELEASED)
    history = window.detail.ui.history_label.text()
    assert "supervisor's approval asked by ali: “Papers produced at the gate”" in history
    assert "request approved by sara, approved by sara: “GD checked by phone”" not in history
    assert "request approved by sara: “GD checked by phone”" in history
    assert "released by ali, approved by sara: “GD checked by phone”" in history


def test_a_supervisors_desk_counts_and_answers_requests_but_not_its_own(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window
) -> None:
    officer_window, crossing_id = _held_and_shown(desk, open_window)
    _ask_elsewhere(qtbot, officer_window)
    officer_window.close()
    supervisor = MainWindow(desk.services, desk.supervisor)
    qtbot.addWidget(supervisor)
    show_and_activate(qtbot, supervisor)
    assert supervisor.ui.supervisor_menu.menuAction().isVisible()
    assert supervisor.exceptions.waiting_label.text() == "1 request(s) waiting (F12)"
    # Sara asks for one of her own as well: her desk lists it, and refuses her answer.
    own = desk.services.crossings.register(desk.supervisor, road_form()).crossing
    desk.services.crossings.hold(desk.supervisor, own.id, "GD not produced")
    from taftan_desk.services.approvals import Permit

    desk.services.exceptions.request(
        desk.supervisor,
        Permit.release(own.id, desk.supervisor, ["held"]),
        "Release from hold",
        "Papers at the gate now",
        own.id,
    )
    seen: list[str] = []

    def decide(dialog: RequestsDialog) -> None:
        assert dialog.ui.requests_list.count() == 2
        dialog.ui.requests_list.setCurrentRow(1)  # her own
        qtbot.keyClicks(dialog.ui.reason_edit, "Looks right to me")
        dialog.ui.refuse_button.click()
        seen.append(dialog.ui.error_label.text())
        dialog.ui.requests_list.setCurrentRow(0)  # ali's
        dialog.ui.approve_button.click()
        seen.append(str(dialog.ui.requests_list.count()))
        dialog.ui.close_button.click()

    answer(qtbot, RequestsDialog, decide)
    qtbot.keyClick(supervisor, Qt.Key.Key_F12)
    assert "Nobody decides their own request" in seen[0] and seen[1] == "1"
    assert supervisor.exceptions.waiting_label.text() == "1 request(s) waiting (F12)"
    states = {r.crossing_id: r.state for r in desk.services.exceptions.of_officer(desk.officer)}
    assert states == {crossing_id: "approved"}


def test_an_officers_desk_has_no_supervisor_menu(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert not window.ui.supervisor_menu.menuAction().isVisible()
    assert not window.exceptions.waiting_label.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F12)  # nothing opens
    assert QApplication.activeModalWidget() is None


def test_an_amendment_approved_at_another_desk_is_saved_with_the_same_changes(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window, other_desk: Services
) -> None:
    from taftan_desk.ui.dialogs.correction_dialog import CorrectionDialog
    from tests.ui.test_corrections import _retype

    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    desk.services.crossings.release(desk.officer, crossing.id)
    window = open_window()
    window.show_crossing(crossing.id)
    said: list[str] = []

    def explain(dialog: ReasonDialog) -> None:
        qtbot.keyClicks(dialog.ui.reason_edit, "Plate on the GD differs")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)

    def ask(dialog: SupervisorDialog) -> None:
        button = next(
            b for b in dialog.ui.button_box.buttons() if b.text() == "Ask at another desk…"
        )
        answer(qtbot, ReasonDialog, explain)
        button.click()

    def correct(dialog: CorrectionDialog) -> None:
        _retype(qtbot, dialog.form.ui.truck_plate_edit, "QAB-1")
        qtbot.keyClicks(dialog.ui.reason_edit, "Plate misread")
        answer(qtbot, SupervisorDialog, ask)
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)
        said.append(dialog.ui.error_label.text())
        assert dialog.isVisible() and dialog.form.ui.truck_plate_edit.text() == "QAB-1"
        [waiting] = other_desk.exceptions.waiting()
        assert "Truck plate: QAA-1 → QAB-1" in waiting.what
        other_desk.exceptions.decide(desk.supervisor, waiting.id, True, "Plate checked on GD")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)  # no supervisor dialog now

    answer(qtbot, CorrectionDialog, correct)
    show_and_activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current.truck_plate == "QAB-1")
    assert "save again with the same changes" in said[0]
    assert window.current.status is Status.RELEASED
    [revision] = desk.services.corrections.revisions(crossing.id)
    assert (revision.closed, revision.approver) == (True, "sara")


def test_the_channel_is_rerouted_with_a_supervisor_at_the_desk(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from taftan_desk.core.channel import Channel
    from taftan_desk.core.registration import SealInput
    from tests.support import PASSWORD

    form = road_form(seals=(SealInput("AB12345", "broken"),))
    crossing = desk.services.crossings.register(desk.officer, form).crossing
    window = open_window()
    window.show_crossing(crossing.id)
    assert window.ui.reroute_action.isEnabled()

    def choose(dialog: QInputDialog) -> None:
        dialog.setTextValue("Green (release)")
        dialog.accept()

    def approve(dialog: SupervisorDialog) -> None:
        qtbot.keyClicks(dialog.ui.username_edit, "sara")
        qtbot.keyClicks(dialog.ui.password_edit, PASSWORD)
        qtbot.keyClicks(dialog.ui.reason_edit, "Seal photo checked at the gate")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)

    answer(qtbot, QInputDialog, choose)
    answer(qtbot, SupervisorDialog, approve)
    window.ui.reroute_action.trigger()
    qtbot.waitUntil(lambda: window.current.channel is Channel.GREEN)
    assert window.current.status is Status.REGISTERED
    assert "re-routed to green" in window.ui.status_bar.currentMessage()
    history = window.detail.ui.history_label.text()
    assert "channel re-routed by ali, approved by sara" in history
    assert "Channel: red → green" in history
