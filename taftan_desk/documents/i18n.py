"""One gate for every word a printed document shows, so translations can land later.

`tr` is the identity for now, like Qt's `tr` before a translation is loaded: call it on the
English source text (with `{placeholders}`, formatted after translation) and never on data.

Urdu will need more than a catalogue. The standard Helvetica used here is Latin only, and
reportlab shapes pure-Urdu lines (the `reportlab[shaping]` extra) but mis-orders mixed
Urdu/Latin text (entry numbers, container numbers and plates inside an Urdu sentence), and
`reportlab[shaping,bidi]` silently downgrades reportlab. An Urdu document therefore belongs on
a different path (Qt's QPdfWriter + QTextDocument with Noto Nastaliq Urdu gets mixed text
right), with the same data and the same codes.
"""

from collections.abc import Callable

_translate: Callable[[str], str] | None = None


def tr(text: str) -> str:
    """The text in the document language (English source text is the key)."""
    return text if _translate is None else _translate(text)


def install(translate: Callable[[str], str] | None) -> None:
    """Install a translation function (None restores English)."""
    global _translate
    _translate = translate
