"""A train's reconciliation on screen: manifested against arrived, with its shortages,
excesses and differences, saved as the A4 report (PDF) or as CSV."""

import io
from pathlib import Path

from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from taftan_desk.core.errors import DeskError
from taftan_desk.paths import write_atomically
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.reconciliation import to_csv
from taftan_desk.services.reconciliation_views import (
    ARRIVED,
    EXCESS,
    SHORTAGE,
    WITHDRAWN,
    ContainerLine,
    TrainReconciliation,
)
from taftan_desk.ui.forms.ui_train_report_dialog import Ui_TrainReportDialog

_MARKED = {SHORTAGE: "#fde7e9", EXCESS: "#fff4ce"}  # light red, light amber


class TrainReportDialog(QDialog):
    def __init__(
        self, services: Services, actor: Actor, train: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_TrainReportDialog()
        self.ui.setupUi(self)
        self._services, self._actor, self.train = services, actor, train
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("State"),
                self.tr("Wagon"),
                self.tr("Container"),
                self.tr("Entry"),
                self.tr("Net kg"),
                self.tr("Differences"),
            ]
        )
        self.ui.lines_view.setModel(self.model)
        self.ui.pdf_button.clicked.connect(self._save_pdf)
        self.ui.csv_button.clicked.connect(self._save_csv)
        self.ui.button_box.rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Train {train} — Taftan Desk").format(train=train))
        self.report: TrainReconciliation | None = None
        self.refresh()
        self.ui.lines_view.setFocus()

    def refresh(self) -> None:
        try:
            report = self._services.reconciliation.train(self.train, self._actor)
        except DeskError as exc:
            self.ui.summary_label.setText(str(exc))
            for button in (self.ui.pdf_button, self.ui.csv_button):
                button.setEnabled(False)
            return
        self.report = report
        self.ui.summary_label.setText(
            self.tr(
                "<b>Train {train}</b>: manifested {manifested}, arrived {arrived}, "
                "shortages {short}, excesses {excess}, with differences {differ}, "
                "not weighed yet {unweighed}."
            ).format(
                train=report.train_no,
                manifested=report.manifested,
                arrived=len(report.arrived),
                short=len(report.shortages),
                excess=len(report.excesses),
                differ=len(report.with_differences),
                unweighed=len(report.awaiting_weighing),
            )
        )
        self.model.removeRows(0, self.model.rowCount())
        for line in report.lines:
            self.model.appendRow(self._items(line))
        self.ui.lines_view.resizeColumnsToContents()

    def _items(self, line: ContainerLine) -> list[QStandardItem]:
        net = "" if line.net_kg is None else f"{line.net_kg:,}"
        states = {
            ARRIVED: self.tr("arrived"),
            SHORTAGE: self.tr("shortage"),
            EXCESS: self.tr("excess"),
            WITHDRAWN: self.tr("withdrawn"),
        }
        cells = [
            states.get(line.state, line.state),
            line.wagon_no,
            line.container_no,
            line.entry_no or "",
            net,
            "; ".join(d.words(self.tr) for d in line.differences),
        ]
        items = [QStandardItem(text) for text in cells]
        items[5].setToolTip(cells[5])
        colour = _MARKED.get(line.state) or ("#fde7e9" if line.differences else None)
        if colour:
            for item in items:
                item.setBackground(QBrush(QColor(colour)))
        return items

    def _file_name(self, suffix: str) -> str:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in self.train)
        return f"train-{safe}.{suffix}"

    def _save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the train report"), self._file_name("pdf"), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        from taftan_desk.documents.train_report import render_train

        if self.report is None:
            return
        try:
            buffer = io.BytesIO()
            render_train(self.report, buffer)
            write_atomically(path, buffer.getvalue())
        except (DeskError, OSError) as exc:
            self.ui.status_label.setText(self.tr("The report was not saved: {why}").format(why=exc))
            return
        self.ui.status_label.setText(self.tr("Train report saved to {path}").format(path=path))

    def _save_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the train as CSV"), self._file_name("csv"), self.tr("CSV (*.csv)")
        )
        if path:
            self.save_csv(Path(path))

    def save_csv(self, path: Path) -> None:
        if self.report is None:
            return
        try:
            write_atomically(path, to_csv(self.report).encode("utf-8-sig"))
        except OSError as exc:
            self.ui.status_label.setText(self.tr("The CSV was not saved: {why}").format(why=exc))
            return
        self.ui.status_label.setText(self.tr("Train CSV saved to {path}").format(path=path))
