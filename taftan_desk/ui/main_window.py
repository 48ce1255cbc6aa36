"""The desk's main window: for now a live list of today's crossings at the station."""

import logging
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from taftan_desk.core.errors import DeskError
from taftan_desk.core.lifecycle import Action
from taftan_desk.core.shifts import shift_of
from taftan_desk.services.approvals import Permit
from taftan_desk.services.changes import Changes
from taftan_desk.services.container import Services
from taftan_desk.services.crossings import RegistrationResult
from taftan_desk.services.database import Actor
from taftan_desk.services.queries import day_bounds, queue_row_of
from taftan_desk.services.views import CrossingView
from taftan_desk.ui import pre_arrivals, scan_routes, window_layout
from taftan_desk.ui.account_actions import AccountActions
from taftan_desk.ui.change_watch import ChangeWatcher
from taftan_desk.ui.correction_actions import CorrectionActions
from taftan_desk.ui.desk_lock import DeskLock
from taftan_desk.ui.dialogs.about_dialog import AboutDialog
from taftan_desk.ui.dialogs.inspection_dialog import InspectionDialog
from taftan_desk.ui.dialogs.reason_dialog import ReasonDialog
from taftan_desk.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from taftan_desk.ui.dialogs.weigh_dialog import WeighDialog
from taftan_desk.ui.exception_actions import ExceptionActions
from taftan_desk.ui.forms.ui_main_window import Ui_MainWindow
from taftan_desk.ui.models.queue_table_model import (
    COL_TIME,
    QueueTableModel,
)
from taftan_desk.ui.print_actions import PrintActions
from taftan_desk.ui.scanner import ScanFilter, without_keyboard_search
from taftan_desk.ui.session import DeskSession
from taftan_desk.ui.weighbridge_desk import WeighbridgeDesk
from taftan_desk.ui.widgets.detail_panel import DetailPanel
from taftan_desk.ui.widgets.registration_panel import RegistrationPanel

log = logging.getLogger(__name__)

DAY_CHECK_MS = 30_000  # how soon after midnight the queue turns to the new day


class MainWindow(QMainWindow):
    def __init__(
        self, services: Services, actor: Actor | DeskSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._services = services
        self.session = actor if isinstance(actor, DeskSession) else DeskSession(actor, self)
        self._settings = services.settings.current()
        self._who_label = QLabel(self)
        self._who_label.setAccessibleName(self.tr("Signed-in user and shift"))
        self.ui.status_bar.addPermanentWidget(self._who_label)
        self.registration = RegistrationPanel(services, self.session, self)
        self.ui.registration_host_layout.addWidget(self.registration)
        self.registration.saved.connect(self._registered)
        self.model = QueueTableModel(self._settings.zone, self, self._settings.cargo_limit_kg)
        self.ui.queue_view.setModel(self.model)
        # A reload or a new order clears the view's highlight: put it back on the shown crossing.
        self.model.modelReset.connect(self._reselect)
        self.model.load_failed.connect(self._database_lost)
        header = self.ui.queue_view.horizontalHeader()
        header.setSortIndicator(COL_TIME, Qt.SortOrder.AscendingOrder)
        self.ui.queue_view.setWordWrap(False)  # a narrow column elides; rows keep one height
        self.ui.queue_view.setSortingEnabled(True)  # each click sorts in SQL (the model's sort)
        self._actions = [
            self.ui.weigh_action,
            self.ui.inspect_action,
            self.ui.release_action,
            self.ui.hold_action,
            self.ui.refuse_action,
        ]
        self.detail = DetailPanel(
            self._settings.zone, self._actions, self, self._settings.default_max_gross_kg
        )
        self.ui.detail_host_layout.addWidget(self.detail)
        self.current: CrossingView | None = None
        self._selecting: int | None = None
        self._seen = 0
        # The pane follows the highlighted row (the selection), never the view's cursor.
        self.ui.queue_view.selectionModel().selectionChanged.connect(self._selection_changed)
        # A scan anywhere in the window finds its crossing (slip barcode) or container.
        self.scan_filter = ScanFilter(
            self, keeps_enter=lambda scan: scan_routes.form_takes(self, scan)
        )
        without_keyboard_search(self.ui.queue_view)  # a scan must not jump between rows
        self.scan_filter.scanned.connect(lambda scan: scan_routes.route(self, scan))
        QApplication.instance().installEventFilter(self.scan_filter)
        self.ui.weigh_action.triggered.connect(self._weigh)
        self.ui.inspect_action.triggered.connect(self._inspect)
        self.ui.release_action.triggered.connect(self._release)
        self.ui.hold_action.triggered.connect(self._hold)
        self.ui.refuse_action.triggered.connect(self._refuse)
        self.exceptions = ExceptionActions(
            services, self.session, self.ui, self._settings.zone, self
        )
        self.exceptions.message.connect(self._say)
        self.exceptions.changed.connect(self._after_change)
        reroute = self.ui.reroute_action
        reroute.triggered.connect(lambda: self._with_current(self.exceptions.reroute))
        self.ui.status_bar.addPermanentWidget(self.exceptions.waiting_label)
        self.printing = PrintActions(
            services, self.session, self._settings.zone, self, self.exceptions.approval
        )
        self.printing.message.connect(self._say)
        self.printing.changed.connect(self._show_current)
        self.ui.print_action.triggered.connect(
            lambda: self._with_current(self.printing.print_dialog)
        )
        self.ui.void_action.triggered.connect(lambda: self._with_current(self.printing.void))
        self.corrections = CorrectionActions(services, self.session, self, self.exceptions.approval)
        self.corrections.message.connect(self._say)
        self.corrections.corrected.connect(self._after_change)
        self.ui.correct_action.triggered.connect(
            lambda: self._with_current(self.corrections.correct)
        )
        self.ui.print_original_action.triggered.connect(
            lambda: self._with_current(self.corrections.print_as_it_was)
        )
        self.account_actions = AccountActions(services, self.session, self.ui, self)
        self.account_actions.message.connect(self._say)
        # Sized once from the first rows, then left to the officer: ResizeToContents would
        # measure every row on every refresh (half a second at a few thousand rows).
        self._columns_sized = False
        self._total = 0
        # Shortcuts must work with the menus closed, whatever the platform's menu bar does.
        self.addActions(
            [
                self.ui.refresh_action,
                self.ui.quit_action,
                self.ui.weigh_action,
                self.ui.inspect_action,
                self.ui.release_action,
                self.ui.hold_action,
                self.ui.refuse_action,
                self.ui.print_action,
                self.ui.correct_action,
                self.ui.shortcuts_action,
                self.ui.requests_action,
                self.ui.shift_review_action,
            ]
        )
        self.ui.shortcuts_action.triggered.connect(self._show_shortcuts)
        self.ui.about_action.triggered.connect(self._show_about)
        self.ui.refresh_action.triggered.connect(self.refresh)
        self.ui.quit_action.triggered.connect(self._quit)
        self.setWindowTitle(
            self.tr("Taftan Desk — {station}").format(station=self._settings.station_name)
        )
        self._sync_label = QLabel(self)
        self._sync_label.setAccessibleName(self.tr("When the queue was last brought up to date"))
        self.ui.status_bar.addPermanentWidget(self._sync_label)
        # Other desks' changes arrive through the change feed; the queue is read whole only
        # on F5, at midnight and after the database was unreachable.
        self.watcher = ChangeWatcher(services.changes, parent=self)
        self.watcher.changed.connect(self._changed_elsewhere)
        self.watcher.changed.connect(self.exceptions.look)
        self.watcher.lost.connect(self._database_lost)
        self.watcher.back.connect(self.refresh)
        self._day = self.now().date()
        self._day_timer = QTimer(self)
        self._day_timer.timeout.connect(self._new_day)
        self._day_timer.start(DAY_CHECK_MS)
        self.session.changed.connect(self.show_who)
        self.queue_tabs, self.pre_arrivals = pre_arrivals.attach(self)
        self.weighbridge = WeighbridgeDesk(self)
        self.desk_lock = DeskLock(self)
        self.lock_panel, self.idle = self.desk_lock.panel, self.desk_lock.idle
        self.refresh()
        self.watcher.start(self._seen)
        self.registration.ui.container_edit.setFocus()  # the scan field, ready at once

    @property
    def actor(self) -> Actor:
        """Whoever is signed in now: every action reads it when it acts."""
        return self.session.actor

    @property
    def services(self) -> Services:
        return self._services

    def forget_the_desk(self) -> None:
        """Signing out, or another user signing in: no form, no crossing shown."""
        self.registration.clear()
        self.current = None
        self.ui.queue_view.selectionModel().clearSelection()
        self.detail.show_nothing()
        for action in self._actions:
            action.setEnabled(False)

    def show_current_actions(self) -> None:
        """The actions the shown crossing allows now; with none shown, none."""
        if self.current is not None:
            self.show_crossing(self.current.id)
            return
        for action in (*self._actions, *self._record_actions()):
            action.setEnabled(False)

    def refresh(self) -> None:
        """Read the queue afresh (F5, a new day, the database back): the crossing the officer
        was on stays selected and shown."""
        today, zone = self.now().date(), self._settings.zone
        self._day = today
        queries = self._services.queries
        try:
            seen = self._services.changes.head()  # before the reading: nothing falls between
            self.model.load(
                lambda after, limit, sort: queries.desk_queue(
                    today, zone, after=after, limit=limit, sort=sort
                )
            )
            counts = queries.desk_queue_counts(today, zone)
        except DeskError as exc:
            self._database_lost(str(exc))
            return
        self._seen = seen
        self.watcher.seen(seen)
        if not self._columns_sized:
            window_layout.size_columns(self.ui.queue_view, self.model)
            self._columns_sized = True
            window_layout.restore(self)  # the officer's own widths win over the defaults
        carried = counts.carried
        title = self.tr("Crossings on {day} ({zone})").format(
            day=today.strftime("%d %b %Y"), zone=self._settings.timezone
        )
        if carried:
            title += self.tr(", with {n} still open from earlier days").format(n=carried)
        self.ui.title_label.setText(title)
        self._show_count(counts.total)
        self.show_who()
        self._show_synced()

    def _show_count(self, total: int) -> None:
        self._total = total
        self.ui.count_label.setText(self.tr("{n} crossing(s)").format(n=total))

    def _show_synced(self) -> None:
        """A permanent label, so outcome messages in the status bar stay until replaced by
        the officer's next action."""
        self._sync_label.setStyleSheet("")
        self._sync_label.setText(
            self.tr("Station {code} · up to date at {time}").format(
                code=self._settings.station_code, time=self.now().strftime("%H:%M:%S")
            )
        )

    def _database_lost(self, reason: str) -> None:
        self._sync_label.setStyleSheet("color: #b3261e;")
        self._sync_label.setText(
            self.tr("Database unreachable: showing what was read before. {reason}").format(
                reason=reason
            )
        )

    def _new_day(self) -> None:
        if self.now().date() != self._day:
            self.refresh()

    def _changed_elsewhere(self, changes: Changes) -> None:
        """Bring just the crossings written since the last look up to date (another desk's
        work, or this desk's own), and the shown one with its actions."""
        if changes.overflow:
            self.refresh()
            return
        try:
            if changes.crossings:
                rows = self._services.queries.queue_rows(changes.crossings)
                start, _ = day_bounds(self._day, self._settings.zone)
                for row in self.model.replace_rows(rows):
                    if row.registered_at >= start or not row.status.is_closed:
                        self.model.insert_row(row)
                counts = self._services.queries.desk_queue_counts(self._day, self._settings.zone)
                self._show_count(counts.total)
        except DeskError as exc:
            self._database_lost(str(exc))
            return
        self._seen = changes.last
        if self.current is not None and self.current.id in changes.crossings:
            self.show_crossing(self.current.id)
        self._show_synced()

    # -- the selected crossing and its actions ----------------------------------------------
    def _reselect(self) -> None:
        if self.current is not None:
            self.select(self.current.id)

    def _selection_changed(self, *_args: object) -> None:
        rows = self.ui.queue_view.selectionModel().selectedRows()
        if rows:
            crossing_id = self.model.row_at(rows[0].row()).id
            if self._selecting != crossing_id:
                self.show_crossing(crossing_id)

    def show_crossing(self, crossing_id: int) -> None:
        try:
            detail = self._services.crossings.detail(crossing_id)
        except DeskError as exc:
            self.ui.status_bar.showMessage(str(exc))
            return
        view = self.current = detail.crossing
        self.detail.show_crossing(view, detail.blockers, detail.history)
        allowed = {
            Action.WEIGH: self.ui.weigh_action,
            Action.INSPECT: self.ui.inspect_action,
            Action.RELEASE: self.ui.release_action,
            Action.HOLD: self.ui.hold_action,
            Action.REFUSE: self.ui.refuse_action,
        }
        for action, qaction in allowed.items():
            qaction.setEnabled(action in view.actions)
        self.ui.print_action.setEnabled(True)
        self.ui.void_action.setEnabled(True)
        self.ui.correct_action.setEnabled(True)
        self.ui.reroute_action.setEnabled(not view.status.is_closed)
        self.ui.print_original_action.setEnabled(view.revision > 0)

    def _record_actions(self) -> tuple[QAction, ...]:
        ui = self.ui
        return (
            ui.print_action,
            ui.void_action,
            ui.correct_action,
            ui.print_original_action,
            ui.reroute_action,
        )

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """A disabled action's key reaches here unclaimed: say why it does nothing, where the
        officer looks, instead of nothing at all."""
        if self.session.locked:
            super().keyPressEvent(event)
            return
        pressed = QKeySequence(event.keyCombination())
        for action in (*self._actions, self.ui.print_action, self.ui.correct_action):
            if not action.isEnabled() and any(
                s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for s in action.shortcuts()
            ):
                self.ui.status_bar.showMessage(self.why_not(action))
                event.accept()
                return
        super().keyPressEvent(event)

    def why_not(self, action: QAction) -> str:
        what = action.text().replace("&", "").rstrip("…")
        if self.current is None:
            return self.tr(
                "{action}: no crossing is selected. Click one in the queue, or scan its slip "
                "or container."
            ).format(action=what)
        return self.tr("{action} is not possible: entry {entry} is {status}.").format(
            action=what, entry=self.current.entry_no, status=self.current.status.label.lower()
        )

    def _after_change(self, view: CrossingView | None, message: str) -> None:
        if view is None:
            return
        self.model.replace_rows([queue_row_of(view)])
        self.select(view.id)
        self.ui.status_bar.showMessage(
            message.format(entry=view.entry_no, status=view.status.label.lower())
        )

    def select(self, crossing_id: int) -> None:
        """Show this crossing and highlight its row; a crossing not in the queue (an earlier
        day's, found by a scan) is shown with no row highlighted."""
        view = self.ui.queue_view
        selection = view.selectionModel()
        row = self.model.row_of(crossing_id)
        self._selecting = crossing_id  # one reading of the crossing, below
        try:
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                view.scrollTo(index)
        finally:
            self._selecting = None
        self.show_crossing(crossing_id)

    def _weigh(self) -> None:
        if self.current is not None:
            self.registration.weighing.stop_waiting()  # the dialog's weight is not the form's
            dialog = WeighDialog(
                self._services,
                self.actor,
                self.current,
                self,
                scale=self.weighbridge.scale() if self.weighbridge.watch else None,
                take_key=self.weighbridge.take_key(),
            )
            if dialog.exec():
                self._after_change(dialog.result_view, self.tr("Entry {entry} weighed."))

    def _inspect(self) -> None:
        if self.current is not None:
            dialog = InspectionDialog(self._services, self.actor, self.current, self)
            if dialog.exec():
                self._after_change(
                    dialog.result_view, self.tr("Inspection recorded: entry {entry} is {status}.")
                )

    def _release(self) -> None:
        crossing = self.current
        if crossing is None:
            return
        blockers = self._services.crossings.blockers(crossing.id)
        hard = [b for b in blockers if not b.overridable]
        if hard:  # the detail pane lists them; say the first where the officer looks
            self.ui.status_bar.showMessage(hard[0].text)
            return
        approval = None
        if blockers:
            intro = self.tr("Releasing entry {entry} overrides:").format(
                entry=crossing.entry_no
            ) + "".join(f"\n• {b.text}" for b in blockers)
            permit = Permit.release(crossing.id, self.actor, [b.code for b in blockers])
            approval = self.exceptions.approval(permit, intro, crossing.id)
            if approval is None:
                return
        try:
            view = self._services.crossings.release(self.actor, crossing.id, approval)
        except DeskError as exc:  # e.g. released or held at another desk meanwhile
            self._show_current()
            self.ui.status_bar.showMessage(str(exc))
            return
        self._after_change(view, self.tr("Entry {entry} released."))
        if view is not None:
            self.printing.released(view)

    def _with_current(self, act) -> None:  # type: ignore[no-untyped-def]
        if self.current is not None:
            act(self.current)

    def _show_current(self) -> None:
        if self.current is not None:
            self.show_crossing(self.current.id)

    def _hold(self) -> None:
        self._with_reason(
            self.tr("Hold — Taftan Desk"),
            self.tr("Why is entry {entry} held?"),
            self._services.crossings.hold,
            self.tr("Entry {entry} is held."),
        )

    def _refuse(self) -> None:
        self._with_reason(
            self.tr("Refuse entry — Taftan Desk"),
            self.tr("Why is entry {entry} refused? This closes the record."),
            self._services.crossings.refuse,
            self.tr("Entry {entry} refused."),
        )

    def _with_reason(self, title: str, intro: str, act, done: str) -> None:  # type: ignore[no-untyped-def]
        crossing = self.current
        if crossing is None:
            return
        dialog = ReasonDialog(
            title,
            intro.format(entry=crossing.entry_no),
            lambda reason: act(self.actor, crossing.id, reason),
            self,
        )
        if dialog.exec():
            self._after_change(dialog.result_view, done)

    def _registered(self, result: RegistrationResult) -> None:
        """The new crossing joins the queue at once, without reloading the day."""
        crossing = result.crossing
        self.model.insert_row(queue_row_of(crossing))  # or with a later page, when scrolled to
        self._show_count(self._total + 1)
        self.select(crossing.id)
        self.ui.status_bar.showMessage(
            self.tr("Registered entry {entry}: {container}, {channel} channel").format(
                entry=crossing.entry_no,
                container=crossing.container_no,
                channel=crossing.channel.value,
            )
        )

    def _quit(self) -> None:
        if self._may_leave():
            self.close()

    def _may_leave(self) -> bool:
        """With a half-typed registration, ask first; the safe answer (Enter, Esc) keeps the
        desk open with the form as it is."""
        if not self.registration.has_input():
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Leave Taftan Desk?"),
            self.tr("A registration is half typed and not saved. Close the desk and lose it?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        leave = box.addButton(self.tr("Close and lose it"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Stay"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is leave

    def _show_shortcuts(self) -> None:
        keyed = [a for a in self.findChildren(QAction) if not a.shortcut().isEmpty()]
        ShortcutsDialog(keyed, self).exec()

    def _show_about(self) -> None:
        AboutDialog(self._services, parent=self).exec()

    def _say(self, message: str) -> None:
        """An outcome for the status bar; a locked desk shows none (they name crossings)."""
        if not self.session.locked:
            self.ui.status_bar.showMessage(message)

    def show_who(self, *_changed: object) -> None:
        if self.session.locked:
            self._who_label.setText(self.tr("Locked"))
            return
        shift = shift_of(self.now(), self._settings.shift_times(), self._settings.zone)
        self._who_label.setText(
            self.tr("{name} ({role}) · shift {number} of {day}, {start}–{end}").format(
                name=self.actor.display,
                role=self.actor.role.value,
                number=shift.number,
                day=shift.day.strftime("%d %b"),
                start=f"{shift.start:%H:%M}",
                end=f"{shift.end:%H:%M}",
            )
        )

    def now(self) -> datetime:
        """Station time from the services' clock (injected in tests)."""
        return self._services.db.clock().astimezone(self._settings.zone)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Asked when the officer closes the window (the title bar's button); Ctrl+Q asks in
        # _quit. A close the program makes itself (shutting down) does not ask.
        if event.spontaneous() and not self._may_leave():
            event.ignore()
            return
        QApplication.instance().removeEventFilter(self.scan_filter)
        self.idle.stop()
        self.watcher.stop()
        self.weighbridge.stop()
        window_layout.save(self)
        super().closeEvent(event)
