"""What the main window remembers between shifts (QSettings: per user, per machine), and
the queue's column widths on a first start."""

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QMainWindow, QStyle, QTableView

from taftan_desk.ui.models.queue_table_model import (
    COLUMN_SAMPLES,
    ICON_COLUMNS,
    QueueTableModel,
)

_GROUP = "main_window"


def size_columns(view: QTableView, model: QueueTableModel) -> None:
    """Widths from typical contents, measured once: asking the model for every row's size
    hint costs a tenth of a second at a thousand rows."""
    metrics = view.fontMetrics()
    header_metrics = view.horizontalHeader().fontMetrics()
    icon = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 6
    for column, sample in COLUMN_SAMPLES.items():
        header = str(model.headerData(column, Qt.Orientation.Horizontal))
        text = metrics.horizontalAdvance(sample) + (icon if column in ICON_COLUMNS else 0)
        width = max(text, header_metrics.horizontalAdvance(header) + 8)
        view.setColumnWidth(column, width + 10)


def _parts(window: QMainWindow) -> dict[str, tuple]:  # type: ignore[type-arg]
    ui = window.ui  # type: ignore[attr-defined]
    header = ui.queue_view.horizontalHeader()
    splitter = ui.queue_splitter
    return {
        "geometry": (window.saveGeometry, window.restoreGeometry),
        # v2: the columns were reordered; an older saved state would misplace widths.
        "queue_header_v2": (header.saveState, header.restoreState),
        "queue_splitter": (splitter.saveState, splitter.restoreState),
    }


def restore(window: QMainWindow) -> None:
    settings = QSettings()
    restored = set()
    for key, (_, put_back) in _parts(window).items():
        value = settings.value(f"{_GROUP}/{key}")
        if isinstance(value, QByteArray) and put_back(value) is not False:
            restored.add(key)
    if "geometry" not in restored:
        fit_the_screen(window)
    # A saved header state carries resize modes too; sizing to contents would measure every
    # row on every change, so the columns stay as the officer left them.
    window.ui.queue_view.horizontalHeader().setSectionResizeMode(  # type: ignore[attr-defined]
        QHeaderView.ResizeMode.Interactive
    )


def fit_the_screen(window: QMainWindow) -> None:
    """First start on this desk: the window takes the screen it is on (up to a roomy
    1400×900), never more, so nothing is cut off on a 1024×768 desk screen."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    window.resize(min(room.width(), 1400), min(room.height(), 900))
    window.move(room.topLeft())


def save(window: QMainWindow) -> None:
    settings = QSettings()
    for key, (take, _) in _parts(window).items():
        settings.setValue(f"{_GROUP}/{key}", take())
