"""What every form dialog of the desk shares: OK calls the service, a problem shows under the
form with focus on the field at fault, and the dialog stays open with what was typed."""

from PySide6.QtWidgets import QDialog, QWidget

from taftan_desk.core.errors import DeskError, ValidationError

ERROR_STYLE = "color: #b3261e;"


class ServiceDialog(QDialog):
    #: input field name (as services report it) -> attribute of self.ui holding its widget
    FIELD_WIDGETS: dict[str, str] = {}

    def setup_form(self, min_width: int) -> None:
        """Call after self.ui.setupUi(self)."""
        self.ui.error_label.setStyleSheet(ERROR_STYLE)  # type: ignore[attr-defined]
        self.ui.error_label.hide()  # type: ignore[attr-defined]
        self.ui.button_box.accepted.connect(self._submit)  # type: ignore[attr-defined]
        self.ui.button_box.rejected.connect(self.reject)  # type: ignore[attr-defined]
        self.setMinimumWidth(min_width)
        self.adjustSize()  # the form's own height, not the Designer canvas's

    def submit(self) -> None:
        """Do the work through the services; raise ValidationError or DeskError to refuse."""
        raise NotImplementedError

    def _submit(self) -> None:
        try:
            self.submit()
        except ValidationError as exc:
            field = exc.problems[0].field if exc.problems else ""
            text = "\n".join(p.message for p in exc.problems)  # one mistake a line
            return self.show_problem(text, self._widget(field))
        except DeskError as exc:
            return self.show_problem(str(exc), None)
        self.accept()

    def show_problem(self, text: str, field: QWidget | None) -> None:
        self.ui.error_label.setText(text)  # type: ignore[attr-defined]
        self.ui.error_label.show()  # type: ignore[attr-defined]
        self.adjustSize()  # a long message wraps onto more lines: grow to show them all
        if field is not None:
            field.setFocus()

    def _widget(self, field: str) -> QWidget | None:
        name = self.FIELD_WIDGETS.get(field)
        return getattr(self.ui, name) if name else None  # type: ignore[attr-defined]
