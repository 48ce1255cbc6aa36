"""The pre-arrivals list beside the queue: containers manifests announce that have not
arrived yet (expected today, all, or one train), and importing a manifest with its progress.

Enter or a double click on a row fills the registration form from the manifest, as scanning
the container does. Reading and importing run off the GUI thread; a locked desk hides the
list.
"""

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
    QWidget,
)

from taftan_desk.core.errors import DeskError, ValidationError
from taftan_desk.core.manifests import ManifestUnreadable
from taftan_desk.services.changes import Changes
from taftan_desk.services.manifest_import import ImportResult, too_big
from taftan_desk.services.manifests import ExpectedView
from taftan_desk.ui import background
from taftan_desk.ui.forms.ui_pre_arrivals import Ui_PreArrivals

if TYPE_CHECKING:
    from taftan_desk.ui.main_window import MainWindow

STALE_S = 30.0  # hidden, the list is read again at most this often
SHOWN = 500  # rows listed; the status line says how many more are expected
SHOWN_PROBLEMS = 30  # problems in the refusal's text; all of them in its details
TODAY, ALL = "today", "all"


class _Progress(QObject):
    """Carries an import's progress from the worker thread to the GUI thread."""

    moved = Signal(int, int)


class PreArrivals(QWidget):
    chosen = Signal(object)  # ExpectedView: fill the registration form from it
    message = Signal(str)
    imported = Signal()
    counted = Signal(int)  # containers still expected in the list
    import_progress = Signal(int, int)  # rows checked, rows in the file (about)

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.ui = Ui_PreArrivals()
        self.ui.setupUi(self)
        self._window = window
        self._services = window.services
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Container"),
                self.tr("Train / truck"),
                self.tr("Cargo"),
                self.tr("Declared kg"),
                self.tr("Seals"),
                self.tr("Expected"),
            ]
        )
        self.rows: list[ExpectedView] = []
        view = self.ui.expected_view
        view.setModel(self.model)
        view.activated.connect(self._activated)  # Enter, or a double click
        self.ui.choice_combo.addItem(self.tr("Expected today"), TODAY)
        self.ui.choice_combo.addItem(self.tr("All expected"), ALL)
        self.ui.choice_combo.currentIndexChanged.connect(self.reload)
        self.ui.import_button.clicked.connect(self.import_manifest)
        self.ui.report_button.clicked.connect(self._train_report)
        self._reading = False
        self._again = False
        self._stale = False
        self._read_at = 0.0

    # -- the list -------------------------------------------------------------------------
    def changed_elsewhere(self, changes: Changes, shown: bool) -> None:
        """Another desk's change: only a crossing or a manifest written can change the list.
        Hidden behind the queue, the list (and its count on the tab) is read again at most
        every STALE_S; every desk's every change would otherwise read it, a busy station's
        second after second."""
        if not (changes.overflow or changes.crossings or "manifest" in changes.other):
            return
        if shown or time.monotonic() - self._read_at >= STALE_S:
            self.reload()
        else:
            self._stale = True

    def shown(self) -> None:
        """The tab came to the front: what it lists is read again if it may be stale."""
        if self._stale:
            self.reload()

    def choice(self) -> str:
        return str(self.ui.choice_combo.currentData() or TODAY)

    def reload(self) -> None:
        """Read the list again (after an import, an arrival, another desk's change)."""
        if self._reading:
            self._again = True
            return
        self._reading = True
        self._stale, self._read_at = False, time.monotonic()
        choice, today = self.choice(), self._window.now().date()
        manifests = self._services.manifests

        def read() -> tuple[list[tuple[str, int, int]], list[ExpectedView]]:
            trains = manifests.trains()
            if choice == TODAY:
                rows = manifests.expected(state="expected", day=today, limit=SHOWN + 1)
            elif choice == ALL:
                rows = manifests.expected(state="expected", limit=SHOWN + 1)
            else:
                rows = manifests.expected(train=choice, limit=SHOWN + 1)
            return trains, rows

        background.submit(read, self._show, self._read_failed, context=self)

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        if not isinstance(exc, DeskError):
            raise exc
        self.ui.status_label.setText(str(exc))

    def _show(self, found: tuple[list[tuple[str, int, int]], list[ExpectedView]]) -> None:
        self._reading = False
        trains, rows = found
        self._show_trains(trains)
        self.rows = rows[:SHOWN]
        self.model.removeRows(0, self.model.rowCount())
        for row in self.rows:
            self.model.appendRow(self._items(row))
        view = self.ui.expected_view
        view.resizeColumnsToContents()
        if self.rows and not view.currentIndex().isValid():  # the first still expected
            first = next((i for i, r in enumerate(self.rows) if r.state == "expected"), 0)
            view.selectRow(first)
        pending = sum(1 for r in self.rows if r.state == "expected")
        self.counted.emit(pending)
        more = self.tr(" (the first {n} shown)").format(n=SHOWN) if len(rows) > SHOWN else ""
        self.ui.status_label.setText(
            self.tr("{n} container(s) still expected{more}.").format(n=pending, more=more)
            if self.rows
            else self.tr("Nothing expected: import a manifest (Ctrl+I).")
        )
        self.ui.report_button.setEnabled(self.choice() not in (TODAY, ALL))
        if self._again:
            self._again = False
            self.reload()

    def _show_trains(self, trains: list[tuple[str, int, int]]) -> None:
        combo = self.ui.choice_combo
        chosen = self.choice()
        combo.blockSignals(True)
        while combo.count() > 2:
            combo.removeItem(2)
        for train, count, arrived in trains:
            combo.addItem(
                self.tr("Train {train}: {arrived} of {n} arrived").format(
                    train=train, arrived=arrived, n=count
                ),
                train,
            )
        index = combo.findData(chosen)
        if index < 0 and chosen not in (TODAY, ALL):
            combo.addItem(self.tr("Train {train}").format(train=chosen), chosen)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _items(self, row: ExpectedView) -> list[QStandardItem]:
        vehicle = (
            f"{row.train_no} / {row.wagon_no}" if row.mode == "rail" else (row.truck_plate or "")
        )
        cells = [
            row.container_no,
            vehicle,
            row.cargo_category,
            f"{row.declared_net_kg:,}",
            ", ".join(row.seals),
            row.expected_on.isoformat() if row.expected_on else "",
        ]
        items = [QStandardItem(text) for text in cells]
        items[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row.state != "expected":  # a train's list shows what has arrived too, greyed
            for item in items:
                item.setEnabled(False)
            items[0].setToolTip(self._state_words(row))
        return items

    def _state_words(self, row: ExpectedView) -> str:
        if row.state == "arrived":
            return self.tr("{number} has arrived: entry {entry}.").format(
                number=row.container_no, entry=row.entry_no
            )
        return self.tr("{number} is no longer expected: its manifest was withdrawn.").format(
            number=row.container_no
        )

    def _activated(self, index) -> None:  # type: ignore[no-untyped-def]
        if 0 <= index.row() < len(self.rows):
            row = self.rows[index.row()]
            if row.state == "expected":
                self.chosen.emit(row)
            else:
                self.message.emit(self._state_words(row))

    # -- import ---------------------------------------------------------------------------
    def import_manifest(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import a manifest"),
            "",
            self.tr("Manifests (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> background.Task:
        """Imports the file off the GUI thread with its progress shown; says the outcome."""
        actor = self._window.actor
        manifests = self._services.manifests
        progress = QProgressDialog(
            self.tr("Checking {name}…").format(name=path.name), "", 0, 100, self._window
        )
        progress.setWindowTitle(self.tr("Import a manifest"))
        progress.setCancelButton(None)  # type: ignore[arg-type]  # whole or nothing: it ends
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setValue(0)
        self.progress = progress
        relay = _Progress(progress)
        relay.moved.connect(self.import_progress)
        relay.moved.connect(lambda done, total: progress.setValue(min(99, done * 100 // total)))

        def work() -> ImportResult:
            too_big(path.stat().st_size)
            data = path.read_bytes()
            return manifests.load(
                actor, path.name, data, progress=lambda done, total: relay.moved.emit(done, total)
            )

        def done(result: ImportResult) -> None:
            progress.close()
            self._imported(path, result)

        def failed(exc: BaseException) -> None:
            progress.close()
            self._refused(path, exc)

        return background.submit(work, done, failed, context=self)

    def _imported(self, path: Path, result: ImportResult) -> None:
        if result.ok:
            shown, more = result.trains_shown()
            trains = ", ".join(shown) + (self.tr(" and {n} more").format(n=more) if more else "")
            self.message.emit(
                self.tr("Imported {name}: {n} expected container(s){trains}.").format(
                    name=path.name,
                    n=result.rows,
                    trains=self.tr(" (train {t})").format(t=trains) if trains else "",
                )
            )
            if len(result.trains) == 1:
                self._choose(result.trains[0])
            self.reload()
            self.imported.emit()
            return
        shown = "\n".join(p.words() for p in result.problems[:SHOWN_PROBLEMS])
        more = len(result.problems) - SHOWN_PROBLEMS
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Manifest refused"),
            self.tr(
                "{name} was not imported: {n} row problem(s). Nothing of it was saved; correct "
                "these rows in the file and import it again."
            ).format(name=path.name, n=len(result.problems)),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's cells are never read as HTML
        box.setInformativeText(
            shown + ("\n" + self.tr("… and {n} more.").format(n=more) if more > 0 else "")
        )
        box.setDetailedText("\n".join(p.words() for p in result.problems))
        box.open()

    def _refused(self, path: Path, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            text = self.tr("{name} cannot be read: {why}.").format(
                name=path.name, why=exc.strerror or exc
            )
        elif isinstance(exc, ManifestUnreadable | ValidationError | DeskError):
            text = f"{path.name}: {exc}"
        else:
            raise exc
        QMessageBox.warning(self._window, self.tr("Manifest refused"), text)

    def _choose(self, train: str) -> None:
        combo = self.ui.choice_combo
        if combo.findData(train) < 0:
            combo.addItem(self.tr("Train {train}").format(train=train), train)
        combo.setCurrentIndex(combo.findData(train))

    def _train_report(self) -> None:
        train = self.choice()
        if train in (TODAY, ALL):
            return
        from taftan_desk.ui.dialogs.train_report_dialog import TrainReportDialog

        self.report_dialog = TrainReportDialog(
            self._services, self._window.actor, train, self._window
        )
        self.report_dialog.open()


def attach(window: "MainWindow") -> tuple[QTabWidget, PreArrivals]:
    """The list as a tab beside the queue (the window keeps its 1024-pixel layout), with its
    menu (Manifests) and shortcuts: F4 switches between the queue and the list, Ctrl+I
    imports a manifest."""
    panel = PreArrivals(window)
    splitter, queue = window.ui.queue_splitter, window.ui.queue_view
    tabs = QTabWidget(window)
    tabs.setObjectName("queue_tabs")
    tabs.setDocumentMode(True)
    splitter.insertWidget(splitter.indexOf(queue), tabs)
    tabs.addTab(queue, window.tr("&Queue"))
    tabs.addTab(panel, window.tr("E&xpected"))
    menu = window.menuBar().addMenu(window.tr("&Manifests"))
    switch = QAction(window.tr("&Expected arrivals / queue"), window)
    switch.setShortcut(QKeySequence(Qt.Key.Key_F4))
    switch.triggered.connect(lambda: _switch(tabs, panel))
    load = QAction(window.tr("&Import manifest…"), window)
    load.setShortcut(QKeySequence("Ctrl+I"))
    load.triggered.connect(panel.import_manifest)
    menu.addActions([switch, load])
    window.addActions([switch, load])
    panel.chosen.connect(window.registration.take_expected)
    panel.chosen.connect(lambda _view: tabs.setCurrentIndex(0))
    panel.message.connect(window.ui.status_bar.showMessage)
    panel.counted.connect(
        lambda n: tabs.setTabText(
            1, window.tr("E&xpected ({n})").format(n=n) if n else window.tr("E&xpected")
        )
    )
    window.registration.saved.connect(lambda _result: panel.reload())
    window.watcher.changed.connect(
        lambda changes: panel.changed_elsewhere(changes, tabs.currentWidget() is panel)
    )
    tabs.currentChanged.connect(
        lambda _index: panel.shown() if tabs.currentWidget() is panel else None
    )
    panel.reload()
    return tabs, panel


def _switch(tabs: QTabWidget, panel: PreArrivals) -> None:
    if tabs.currentIndex() == 0:
        tabs.setCurrentIndex(1)
        panel.ui.expected_view.setFocus()
    else:
        tabs.setCurrentIndex(0)
        tabs.widget(0).setFocus()
