"""The desk's main window: for now a live list of today's crossings at the station."""

import logging
from datetime import datetime

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QWidget,
)

from taftan_desk.core import containers
from taftan_desk.core.errors import DeskError
from taftan_desk.core.lifecycle import Action
from taftan_desk.core.shifts import shift_of
from taftan_desk.services import entry_numbers
from taftan_desk.services.approvals import Permit
from taftan_desk.services.container import Services
from taftan_desk.services.crossings import RegistrationResult
from taftan_desk.services.database import Actor
from taftan_desk.services.queries import queue_row_of
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.account_actions import AccountActions
from taftan_desk.ui.dialogs.inspection_dialog import InspectionDialog
from taftan_desk.ui.dialogs.reason_dialog import ReasonDialog
from taftan_desk.ui.dialogs.supervisor_dialog import SupervisorDialog
from taftan_desk.ui.dialogs.weigh_dialog import WeighDialog
from taftan_desk.ui.forms.ui_main_window import Ui_MainWindow
from taftan_desk.ui.models.queue_table_model import COLUMN_SAMPLES, QueueTableModel
from taftan_desk.ui.print_actions import PrintActions
from taftan_desk.ui.scanner import Scan, ScanFilter, without_keyboard_search
from taftan_desk.ui.widgets.detail_panel import DetailPanel
from taftan_desk.ui.widgets.registration_panel import RegistrationPanel

log = logging.getLogger(__name__)

REFRESH_MS = 30_000


class MainWindow(QMainWindow):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._services = services
        self.actor = actor
        self._settings = services.settings.current()
        self._who_label = QLabel(self)
        self._who_label.setAccessibleName(self.tr("Signed-in user and shift"))
        self.ui.status_bar.addPermanentWidget(self._who_label)
        self.registration = RegistrationPanel(services, actor, self)
        self.ui.registration_host_layout.addWidget(self.registration)
        self.registration.saved.connect(self._registered)
        self.model = QueueTableModel(self._settings.zone, self)
        self.ui.queue_view.setModel(self.model)
        self._actions = [
            self.ui.weigh_action,
            self.ui.inspect_action,
            self.ui.release_action,
            self.ui.hold_action,
            self.ui.refuse_action,
        ]
        self.detail = DetailPanel(self._settings.zone, self._actions, self)
        self.ui.detail_host_layout.addWidget(self.detail)
        self.current: CrossingView | None = None
        self.ui.queue_view.selectionModel().currentRowChanged.connect(self._row_changed)
        # A scan anywhere in the window finds its crossing (slip barcode) or container.
        self.scan_filter = ScanFilter(self, keeps_enter=self._form_takes)
        without_keyboard_search(self.ui.queue_view)  # a scan must not jump between rows
        self.scan_filter.scanned.connect(self._scanned)
        QApplication.instance().installEventFilter(self.scan_filter)
        self.ui.weigh_action.triggered.connect(self._weigh)
        self.ui.inspect_action.triggered.connect(self._inspect)
        self.ui.release_action.triggered.connect(self._release)
        self.ui.hold_action.triggered.connect(self._hold)
        self.ui.refuse_action.triggered.connect(self._refuse)
        self.printing = PrintActions(services, actor, self._settings.zone, self)
        self.printing.message.connect(self.ui.status_bar.showMessage)
        self.printing.changed.connect(self._show_current)
        self.ui.print_action.triggered.connect(
            lambda: self._with_current(self.printing.print_dialog)
        )
        self.ui.void_action.triggered.connect(lambda: self._with_current(self.printing.void))
        self.account_actions = AccountActions(services, actor, self.ui, self)
        self.account_actions.message.connect(self.ui.status_bar.showMessage)
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
            ]
        )
        self.ui.refresh_action.triggered.connect(self.refresh)
        self.ui.quit_action.triggered.connect(self.close)
        self.setWindowTitle(
            self.tr("Taftan Desk — {station}").format(station=self._settings.station_name)
        )
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self.refresh()
        self.registration.ui.container_edit.setFocus()  # the scan field, ready at once

    def refresh(self) -> None:
        today, zone = self._now().date(), self._settings.zone
        queries = self._services.queries
        try:
            self.model.load(
                lambda after, limit: queries.desk_queue(today, zone, after=after, limit=limit)
            )
            counts = queries.desk_queue_counts(today, zone)
        except DeskError as exc:
            self.ui.status_bar.showMessage(str(exc))
            return
        if not self._columns_sized:
            self._size_columns()
            self._restore_layout()  # the officer's own widths win over the defaults
        carried = counts.carried
        title = self.tr("Crossings on {day} ({zone})").format(
            day=today.strftime("%d %b %Y"), zone=self._settings.timezone
        )
        if carried:
            title += self.tr(", with {n} still open from earlier days").format(n=carried)
        self.ui.title_label.setText(title)
        self._total = counts.total
        self.ui.count_label.setText(self.tr("{n} crossing(s)").format(n=counts.total))
        self._show_who()
        self.ui.status_bar.showMessage(
            self.tr("Station {code} · updated {time}").format(
                code=self._settings.station_code,
                time=self._now().strftime("%H:%M:%S"),
            )
        )

    # -- the selected crossing and its actions ----------------------------------------------
    def _row_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if current.isValid():
            self.show_crossing(self.model.row_at(current.row()).id)

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

    def _after_change(self, view: CrossingView | None, message: str) -> None:
        if view is None:
            return
        self.refresh()
        self._select(view.id)
        self.ui.status_bar.showMessage(
            message.format(entry=view.entry_no, status=view.status.label.lower())
        )

    def _select(self, crossing_id: int) -> None:
        row = self.model.row_of(crossing_id)
        current = self.ui.queue_view.currentIndex()
        if row is not None and not (current.isValid() and current.row() == row):
            self.ui.queue_view.selectRow(row)  # shows it, through currentRowChanged
        else:
            self.show_crossing(crossing_id)

    def _form_takes(self, scan: Scan) -> bool:
        """The registration form takes a scan into its container field (and its Enter),
        unless the barcode is a slip's entry number."""
        return scan.widget is self.registration.ui.container_edit and not (
            entry_numbers.is_entry_no(scan.text)
        )

    def _scanned(self, scan: Scan) -> None:
        text = scan.text
        if scan.widget.window() is not self:
            return  # a dialog's field keeps the scan as typed; nothing behind it changes
        if self._form_takes(scan):
            return
        try:
            if entry_numbers.is_entry_no(text):
                found = self._services.queries.by_entry_no(text)
                scan.take_back()  # the field loses the scan, never what was typed before it
                self._select(found.id)
                return
            if containers.is_valid(text):
                history = self._services.queries.container_history(text)
                if not history:
                    self.ui.status_bar.showMessage(
                        self.tr("Container {number} has not crossed here.").format(number=text)
                    )
                    return
                scan.take_back()
                self._select(history[0].id)
                self.ui.status_bar.showMessage(
                    self.tr("Container {number}: {n} crossing(s) here; showing the latest.").format(
                        number=text, n=len(history)
                    )
                )
                return
        except DeskError as exc:
            self.ui.status_bar.showMessage(str(exc))
            return
        self.ui.status_bar.showMessage(
            self.tr("Scanned '{text}' is neither an entry number nor a container number.").format(
                text=text
            )
        )

    def _weigh(self) -> None:
        if self.current is not None:
            dialog = WeighDialog(self._services, self.actor, self.current, self)
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
            intro = self.tr("Releasing this crossing overrides:") + "".join(
                f"\n• {b.text}" for b in blockers
            )
            dialog = SupervisorDialog(
                self._services,
                intro,
                Permit.release(crossing.id, self.actor, [b.code for b in blockers]),
                self,
            )
            if not dialog.exec():
                return
            approval = dialog.approval
        try:
            view = self._services.crossings.release(self.actor, crossing.id, approval)
        except DeskError as exc:
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
        """The new crossing joins the queue at once, without reloading the day (the timer
        and F5 reload it)."""
        crossing = result.crossing
        self.model.append_row(queue_row_of(crossing))
        self._total += 1
        self.ui.count_label.setText(self.tr("{n} crossing(s)").format(n=self._total))
        self._select(crossing.id)
        self.ui.status_bar.showMessage(
            self.tr("Registered entry {entry}: {container}, {channel} channel").format(
                entry=crossing.entry_no,
                container=crossing.container_no,
                channel=crossing.channel.value,
            )
        )

    def _size_columns(self) -> None:
        """Widths from typical contents, measured once: asking the model for every row's
        size hint costs a tenth of a second at a thousand rows."""
        metrics = self.ui.queue_view.fontMetrics()
        header_metrics = self.ui.queue_view.horizontalHeader().fontMetrics()
        for column, sample in enumerate(COLUMN_SAMPLES):
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.horizontalAdvance(sample), header_metrics.horizontalAdvance(header) + 8
            )
            self.ui.queue_view.setColumnWidth(column, width + 14)
        self._columns_sized = True

    def _show_who(self) -> None:
        shift = shift_of(self._now(), self._settings.shift_times(), self._settings.zone)
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

    def _now(self) -> datetime:
        """Station time from the services' clock (injected in tests)."""
        return self._services.db.clock().astimezone(self._settings.zone)

    def _layout_parts(self) -> dict[str, tuple]:  # type: ignore[type-arg]
        """What the desk remembers between shifts (QSettings: per user, per machine)."""
        header = self.ui.queue_view.horizontalHeader()
        splitter = self.ui.queue_splitter
        return {
            "geometry": (self.saveGeometry, self.restoreGeometry),
            "queue_header": (header.saveState, header.restoreState),
            "queue_splitter": (splitter.saveState, splitter.restoreState),
        }

    def _restore_layout(self) -> None:
        settings = QSettings()
        for key, (_, restore) in self._layout_parts().items():
            value = settings.value(f"main_window/{key}")
            if isinstance(value, QByteArray):
                restore(value)
        # A saved header state carries resize modes too; sizing to contents would measure
        # every row on every change, so the columns stay as the officer left them.
        self.ui.queue_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )

    def save_layout(self) -> None:
        settings = QSettings()
        for key, (save, _) in self._layout_parts().items():
            settings.setValue(f"main_window/{key}", save())

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        QApplication.instance().removeEventFilter(self.scan_filter)
        self.save_layout()
        super().closeEvent(event)
