"""The shift supervisor's review: a date and a shift (or the whole day), every crossing of it
in a table that sorts and filters in SQL a page at a time, the totals and charts, the whole
record of any crossing, the daily report as PDF or CSV, and the shift's sign-off."""

import io
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QVBoxLayout, QWidget

from taftan_desk.core.errors import DeskError
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.roles import GRANTS, Permission
from taftan_desk.core.shifts import shift_of
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.paths import write_atomically
from taftan_desk.services.container import Services
from taftan_desk.services.crossing_list import crossing_list
from taftan_desk.services.report_views import DailyReport
from taftan_desk.ui.dialogs.base import ERROR_STYLE
from taftan_desk.ui.forms.ui_shift_review import Ui_ShiftReview
from taftan_desk.ui.models.crossing_list_model import crossing_list_model
from taftan_desk.ui.session import DeskSession
from taftan_desk.ui.widgets.charts import (
    BarChart,
    HorizontalBarChart,
    crossings_per_hour,
    tonnage_per_category,
)
from taftan_desk.ui.widgets.detail_panel import DetailPanel

SEARCH_MS = 300  # the list follows the search box once the supervisor pauses
CATEGORIES = ("oil", "gas", "steel", "industrial", "textiles", "other")


class ShiftReview(QDialog):
    def __init__(
        self,
        services: Services,
        session: DeskSession,
        settings: StationSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ShiftReview()
        self.ui.setupUi(self)
        self._services, self._session, self._settings = services, session, settings
        self.report: DailyReport | None = None
        self.ui.error_label.setStyleSheet(ERROR_STYLE)
        self.ui.error_label.hide()
        self._fill_choices()
        self.ui.date_edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        now = shift_of(services.db.clock(), settings.shift_times(), settings.zone)
        self.ui.date_edit.setDate(QDate(now.day.year, now.day.month, now.day.day))
        self.ui.shift_combo.setCurrentIndex(now.number)
        self.model = crossing_list_model(
            crossing_list(services.db), settings.zone, self._period_request(), self.ui.table_view
        )
        view = self.ui.table_view
        view.setModel(self.model)
        column, order = self.model.sort_column()
        view.horizontalHeader().setSortIndicator(column, order)
        view.setSortingEnabled(True)  # a click sorts in SQL
        view.doubleClicked.connect(self._open_record)
        self.model.load_failed.connect(self._problem)
        self.model.modelReset.connect(self._show_count)
        self.hours = BarChart(parent=self)
        self.tonnage = HorizontalBarChart(parent=self)
        self.ui.charts_layout.addWidget(self.hours)
        self.ui.charts_layout.addWidget(self.tonnage)
        self._search = QTimer(self, singleShot=True, interval=SEARCH_MS)
        self._search.timeout.connect(self._searched)
        self._connect()
        self.ui.signoff_button.setVisible(Permission.SIGN_OFF_SHIFTS in GRANTS[session.actor.role])
        self.ui.splitter.setSizes([700, 300])
        self._show_period()

    # -- choices ---------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        ui.shift_combo.addItem(self.tr("Whole day"), None)
        starts = self._settings.shift_times()
        for number, start in enumerate(starts, 1):
            end = starts[number % len(starts)]
            ui.shift_combo.addItem(
                self.tr("Shift {n} ({start}-{end})").format(
                    n=number, start=f"{start:%H:%M}", end=f"{end:%H:%M}"
                ),
                number,
            )
        tr = self.tr
        choices: list[tuple[Any, str, list[tuple[str, str]]]] = [
            (ui.direction_combo, tr("Both directions"), [("in", tr("In")), ("out", tr("Out"))]),
            (ui.mode_combo, tr("Road and rail"), [("road", tr("Road")), ("rail", tr("Rail"))]),
            (ui.cargo_combo, tr("All cargo"), [(c, tr(c.capitalize())) for c in CATEGORIES]),
            (
                ui.channel_combo,
                tr("Every channel"),
                [("green", tr("Green")), ("yellow", tr("Yellow")), ("red", tr("Red"))],
            ),
            (ui.status_combo, tr("Every status"), [(s.value, tr(s.label)) for s in Status]),
            (
                ui.papers_combo,
                tr("Printed or not"),
                [
                    ("printed", tr("Printed")),
                    ("reprinted", tr("Reprinted")),
                    ("voided", tr("A copy voided")),
                    ("none", tr("Nothing printed")),
                ],
            ),
        ]
        for combo, everything, items in choices:
            combo.addItem(everything, None)
            for value, text in items:
                combo.addItem(text, value)
        ui.officer_combo.addItem(self.tr("Every officer"), None)
        try:
            for user in self._services.accounts.list():
                ui.officer_combo.addItem(user.full_name or user.username, user.id)
        except DeskError as exc:
            self._problem(str(exc))

    def _connect(self) -> None:
        ui = self.ui
        ui.date_edit.dateChanged.connect(self._show_period)
        ui.shift_combo.currentIndexChanged.connect(self._show_period)
        filters = {
            ui.direction_combo: "direction",
            ui.mode_combo: "mode",
            ui.cargo_combo: "cargo",
            ui.channel_combo: "channel",
            ui.status_combo: "status",
            ui.officer_combo: "officer",
            ui.papers_combo: "papers",
        }
        for combo, name in filters.items():
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, n=name: self.model.set_filter(n, c.currentData())
            )
        for check, name in ((ui.open_check, "open"), (ui.held_check, "held")):
            check.toggled.connect(lambda on, n=name: self.model.set_filter(n, True if on else None))
        ui.over_check.toggled.connect(
            lambda on: self.model.set_filter(
                "over_kg", self._settings.cargo_limit_kg if on else None
            )
        )
        ui.differs_check.toggled.connect(
            lambda on: self.model.set_filter(
                "differs_kg", self._settings.r3_min_tolerance_kg if on else None
            )
        )
        ui.search_edit.textChanged.connect(self._search.start)
        ui.open_button.clicked.connect(self._open_record)
        ui.pdf_button.clicked.connect(self._save_pdf)
        ui.csv_button.clicked.connect(self._save_csv)
        ui.signoff_button.clicked.connect(self._sign_off)
        ui.close_button.clicked.connect(self.accept)
        opening = QShortcut(QKeySequence(Qt.Key.Key_Return), ui.table_view)
        opening.setContext(Qt.ShortcutContext.WidgetShortcut)
        opening.activated.connect(self._open_record)

    # -- the period ------------------------------------------------------------------------
    @property
    def day(self) -> date:
        return self.ui.date_edit.date().toPython()  # type: ignore[return-value]

    @property
    def shift_no(self) -> int | None:
        return self.ui.shift_combo.currentData()

    def _period_request(self):  # type: ignore[no-untyped-def]
        from taftan_desk.services.crossing_list import CROSSING_LIST

        return CROSSING_LIST.request(period=self._period())

    def _period(self):  # type: ignore[no-untyped-def]
        return self._services.reports.period(self.day, self.shift_no)

    def _show_period(self) -> None:
        """The chosen day or shift: its crossings, totals, charts and sign-off."""
        self.ui.error_label.hide()
        try:
            self.model.set_filter("period", self._period())
            self.report = self._services.reports.daily(self._session.actor, self.day, self.shift_no)
        except DeskError as exc:
            return self._problem(str(exc))
        self._show_totals(self.report)
        self._show_signoff()
        return None

    def _show_totals(self, report: DailyReport) -> None:
        t = report.totals
        minutes = (
            self.tr("{m:.0f} min median, {p:.0f} min at the 90th percentile").format(
                m=t.release_minutes_median, p=t.release_minutes_p90
            )
            if t.release_minutes_median is not None
            else self.tr("none released")
        )
        lines = [
            f"<b>{report.period.label}</b>",
            self.tr("{n} crossings: {r} released, {f} refused, {o} still open").format(
                n=t.crossings, r=t.released, f=t.refused, o=t.still_open
            ),
            self.tr("{h} held at some time · {w} over the limit · {v} overrides").format(
                h=t.held, w=t.overweight, v=t.overrides
            ),
            self.tr("{r} reprints · {v} voids · {a} amendments").format(
                r=t.reprints, v=t.voids, a=t.amendments
            ),
            self.tr("Registration to release: {minutes}").format(minutes=minutes),
            self.tr("In: {inbound} · Out: {outbound}").format(
                inbound=self._by_cargo(t.by_direction_category, "in"),
                outbound=self._by_cargo(t.by_direction_category, "out"),
            ),
            self.tr("By officer: {list}").format(
                list=", ".join(f"{name or '?'} {n}" for name, n in t.per_officer.items())
                or self.tr("none")
            ),
        ]
        self.ui.totals_label.setText("<br>".join(lines))
        first = int(t.per_hour[0][0]) if t.per_hour else 0
        self.hours.set_data(crossings_per_hour([n for _, n in t.per_hour], first))
        self.tonnage.set_data(
            tonnage_per_category([(c, t.net_kg_by_category.get(c, 0)) for c in CATEGORIES])
        )

    def _by_cargo(self, counts: dict[tuple[str, str], int], direction: str) -> str:
        parts = [
            f"{self.tr(c.capitalize())} {counts[(direction, c)]}"
            for c in CATEGORIES
            if counts.get((direction, c))
        ]
        return ", ".join(parts) or self.tr("none")

    def _show_signoff(self) -> None:
        if self.shift_no is None:
            self.ui.signoff_label.setText(self.tr("A whole day is not signed off: choose a shift."))
            self.ui.signoff_button.setEnabled(False)
            return
        try:
            state = self._services.signoffs.check(self.day, self.shift_no)
        except DeskError as exc:
            return self._problem(str(exc))
        if state.signed is not None:
            text = state.signed.words
        elif not state.ended:
            text = self.tr("Not signed off: the shift runs until {end}.").format(
                end=f"{state.period.end:%H:%M}"
            )
        else:
            text = self.tr("Not signed off yet; {n} crossing(s) or request(s) still open.").format(
                n=len(state.open_items)
            )
        self.ui.signoff_label.setText(text)
        self.ui.signoff_button.setEnabled(state.signed is None and state.ended)
        return None

    def _show_count(self) -> None:
        self.ui.count_label.setText(self.tr("{n} shown").format(n=self.model.rowCount()))

    def _searched(self) -> None:
        text = self.ui.search_edit.text().strip()
        self.model.set_filter("text", text or None)

    # -- actions ---------------------------------------------------------------------------
    def _open_record(self, index: QModelIndex | None = None) -> None:
        rows = self.ui.table_view.selectionModel().selectedRows()
        row = (index if isinstance(index, QModelIndex) and index.isValid() else None) or (
            rows[0] if rows else None
        )
        line = self.model.row_at(row.row()) if row is not None else None
        if line is None:
            return self._problem(self.tr("Choose a crossing in the list first."))
        try:
            detail = self._services.crossings.detail(line.id)
        except DeskError as exc:
            return self._problem(str(exc))
        dialog = QDialog(self)
        dialog.setWindowTitle(
            self.tr("Entry {entry} — Taftan Desk").format(entry=detail.crossing.entry_no)
        )
        panel = DetailPanel(self._settings.zone, [], dialog, self._settings.default_max_gross_kg)
        panel.show_crossing(detail.crossing, detail.blockers, detail.history)
        QVBoxLayout(dialog).addWidget(panel)
        dialog.resize(640, 640)
        self.record_dialog = dialog
        dialog.open()
        return None

    def _file_name(self, suffix: str) -> str:
        shift = f"-shift{self.shift_no}" if self.shift_no else ""
        return f"daily-{self._settings.station_code}-{self.day.isoformat()}{shift}.{suffix}"

    def _save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the daily report"), self._file_name("pdf"), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        from taftan_desk.documents.daily_report import render_daily

        try:
            report = self._services.reports.daily(self._session.actor, self.day, self.shift_no)
            buffer = io.BytesIO()
            render_daily(report, buffer)
            write_atomically(path, buffer.getvalue())
        except (DeskError, OSError) as exc:
            return self._problem(self.tr("The report was not saved: {why}").format(why=exc))
        self._said(self.tr("Daily report saved to {path}").format(path=path))
        return None

    def _save_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the crossings as CSV"),
            self._file_name("csv"),
            self.tr("CSV (*.csv)"),
        )
        if path:
            self.save_csv(Path(path))

    def save_csv(self, path: Path) -> None:
        try:
            text = self._services.reports.csv_text(self.day, self.shift_no)
            write_atomically(path, text.encode("utf-8-sig"))
        except (DeskError, OSError) as exc:
            return self._problem(self.tr("The CSV was not saved: {why}").format(why=exc))
        self._said(self.tr("Crossings saved to {path}").format(path=path))
        return None

    def _sign_off(self) -> None:
        if self.shift_no is None:
            return
        try:
            state = self._services.signoffs.check(self.day, self.shift_no)
        except DeskError as exc:
            return self._problem(str(exc))
        accept_open = False
        if state.open_items:
            answer = QMessageBox.question(
                self,
                self.tr("Crossings still open — Taftan Desk"),
                self.tr(
                    "{n} crossing(s) or request(s) of this shift are still open:\n{list}\n\n"
                    "Sign off anyway? They carry over to the next shift and are named in the "
                    "sign-off."
                ).format(n=len(state.open_items), list="\n".join(state.open_items[:20])),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            accept_open = True
        folder = None
        if not self._settings.anchor_folder:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Where to write the anchor (a USB stick or a share)")
            )
            if not chosen:
                return None
            folder = Path(chosen)
        return self.sign_off(accept_open=accept_open, folder=folder)

    def sign_off(self, *, accept_open: bool = False, folder: Path | None = None) -> None:
        try:
            done = self._services.signoffs.sign_off(
                self._session.actor, self.day, self.shift_no or 0,
                accept_open=accept_open, folder=folder,
            )  # fmt: skip
        except DeskError as exc:
            return self._problem(str(exc))
        self._show_period()
        self._said(self.tr("Signed off; the anchor is in {path}").format(path=done.anchor_path))
        return None

    def _said(self, text: str) -> None:
        self.ui.error_label.setStyleSheet("")
        self.ui.error_label.setText(text)
        self.ui.error_label.show()

    def _problem(self, text: str) -> None:
        self.ui.error_label.setStyleSheet(ERROR_STYLE)
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
