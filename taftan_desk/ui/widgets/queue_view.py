"""The queue's table view: the highlighted row is the crossing the desk acts on.

QTableView's keyboard search would put the desk on a truck the officer did not choose:
letters typed in the view (or a scanner's characters) jump to the first row whose text
starts with them. It is switched off here; rows are chosen by click, arrow keys or a scan.
(The detail pane follows the selection, not the view's cursor, so the cursor a view sets
for itself when it gains focus chooses nothing either.)
"""

from PySide6.QtWidgets import QTableView


class QueueView(QTableView):
    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        """Typing in the queue never moves the selection."""
