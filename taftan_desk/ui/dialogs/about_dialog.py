"""Help › About: what an administrator asks for on the telephone — the version, the station,
which database this desk writes to, where its files are, and the libraries it is built on
with their licences."""

import contextlib
import platform
import re
from html import escape
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QWidget

from taftan_desk import __version__
from taftan_desk.paths import AppPaths
from taftan_desk.services.container import Services
from taftan_desk.ui.forms.ui_about_dialog import Ui_AboutDialog

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


def libraries() -> list[tuple[str, str, str]]:
    """(name, version, licence) of the desk's own dependencies, from their installed metadata."""
    try:
        wanted = metadata.requires("taftan-desk") or []
    except metadata.PackageNotFoundError:  # a frozen build without the desk's metadata
        return []
    found = []
    for requirement in wanted:
        if "extra ==" in requirement:
            continue  # tests and the PostgreSQL driver's extras are listed when installed
        match = _NAME.match(requirement)
        if match:
            found.append(_describe(match.group(0)))
    with contextlib.suppress(metadata.PackageNotFoundError):  # the server driver, if here
        found.append(_describe("psycopg"))
    return sorted(found, key=lambda item: item[0].lower())


def _describe(name: str) -> tuple[str, str, str]:
    meta = metadata.metadata(name)
    licence = meta.get("License-Expression") or ""
    if not licence or len(licence) > 60:  # some packages paste the whole licence text
        classifiers = [
            c.rsplit("::", 1)[-1].strip()
            for c in meta.get_all("Classifier") or []
            if c.startswith("License ::")
        ]
        licence = ", ".join(classifiers) or (meta.get("License") or "")[:60]
    return meta.get("Name", name), meta.get("Version", "?"), licence or "?"


class AboutDialog(QDialog):
    def __init__(
        self, services: Services, paths: AppPaths | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        paths = paths or AppPaths.for_user()
        settings = services.settings.current()
        url = services.db.engine.url.render_as_string(hide_password=True)
        self.ui.about_label.setText(
            self.tr(
                "<b>Taftan Desk {version}</b><br>"
                "Station: {station} ({code}), time zone {zone}<br>"
                "Database: {url}<br>"
                "Data folder: {data}<br>"
                "Log folder: {logs}<br>"
                "Python {python}, Qt for Python {pyside}"
            ).format(
                version=__version__,
                station=escape(settings.station_name),
                code=escape(settings.station_code),
                zone=escape(settings.timezone),
                url=escape(url),
                data=escape(str(paths.data_dir)),
                logs=escape(str(paths.log_dir)),
                python=platform.python_version(),
                pyside=pyside_version,
            )
        )
        self.ui.licences_text.setPlainText(
            "\n".join(f"{name} {version} — {licence}" for name, version, licence in libraries())
            or self.tr("The list of libraries is not available in this build.")
        )
        self.ui.button_box.rejected.connect(self.reject)
