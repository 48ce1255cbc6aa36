"""A desk that the station never enrolled says so at sign-in, in the administrator's terms,
and records nothing; the first launch makes the station root key and tells where it is."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from taftan_desk.services.desk_key import DeskIdentity
from taftan_desk.services.keys import Establishment
from taftan_desk.ui import desk as desk_module
from taftan_desk.ui.dialogs.login_dialog import LoginDialog
from tests.support import PASSWORD, Desk, show_and_activate


def test_an_unenrolled_desk_cannot_sign_in_and_says_why(qtbot, desk: Desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(str(desk.path))
    stranger = Services.build(engine, desk.clock, DeskIdentity.in_memory())
    events_before = desk.services.health.check().lines
    dialog = LoginDialog(stranger.accounts, stranger.settings.current())
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    qtbot.keyClicks(dialog.ui.username_edit, "ali")
    qtbot.keyClicks(dialog.ui.password_edit, PASSWORD)
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.actor is None
    assert "is not enrolled in the station" in dialog.ui.error_label.text()
    assert "desk enrol --root-key FILE" in dialog.ui.error_label.text()
    dialog.grab().save(str(tmp_path / "not-enrolled.png"))  # to look at
    assert desk.services.health.check().lines == events_before  # nothing was written
    engine.dispose()


def test_the_first_launch_tells_where_the_root_key_is(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: shown.append(text)
    )

    class Setup:
        established = Establishment("ABCDEF", tmp_path / "station-root-key", True)

    desk_module._tell_where_the_root_key_is(Setup())
    assert shown and str(tmp_path / "station-root-key") in shown[0]
    assert "removable media" in shown[0]
    Setup.established = Establishment("ABCDEF", None, False)
    desk_module._tell_where_the_root_key_is(Setup())
    assert len(shown) == 1  # nothing made, nothing to say
    assert QApplication.instance() is not None
