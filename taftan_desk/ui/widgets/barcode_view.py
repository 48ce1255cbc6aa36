"""The entry number's Code 128 on screen, as the slips carry it.

python-barcode draws it as SVG (crisp at any zoom, no image scaling); the printed documents
use reportlab's own vector barcode instead, inside the PDF. An officer can hold a scanner to
the screen to check the scanner, and sees at a glance the code the slip will carry.
"""

import io
import re

from barcode import Code128
from barcode.writer import SVGWriter
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QWidget

# Module and quiet zone in mm as on the 80 mm slip (3 dots at 203 dpi; 10 modules).
_OPTIONS = {
    "module_width": 0.375,
    "module_height": 9.0,
    "quiet_zone": 3.75,
    "write_text": False,
    "background": "white",
    "foreground": "black",
}


_MM = re.compile(rb'="([0-9.]+)mm"')
_SIZE = re.compile(rb'<svg([^>]*) width="([0-9.]+)" height="([0-9.]+)"')


def code128_svg(text: str) -> bytes:
    """python-barcode writes every length in mm and no viewBox, which Qt's SVG renderer
    draws as a few blots; plain numbers in a mm-sized viewBox draw every bar."""
    out = io.BytesIO()
    Code128(text, writer=SVGWriter()).write(out, options=_OPTIONS)
    svg = _MM.sub(rb'="\1"', out.getvalue())
    return _SIZE.sub(rb'<svg\1 width="\2mm" height="\3mm" viewBox="0 0 \2 \3"', svg, count=1)


class BarcodeView(QSvgWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setFixedHeight(56)
        self.setAccessibleName(self.tr("Entry number barcode"))
        self.setToolTip(self.tr("The barcode this crossing's slips carry"))
        self.text = ""

    def show_code(self, text: str) -> None:
        self.text = text
        self.load(QByteArray(code128_svg(text)))
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        size = self.renderer().viewBoxF().size()  # as wide as the code, quiet zones included
        self.setFixedWidth(round(self.height() * size.width() / size.height()))
        self.show()

    def clear(self) -> None:
        self.text = ""
        self.hide()
