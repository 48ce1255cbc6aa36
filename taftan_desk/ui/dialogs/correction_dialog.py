"""Correct a crossing's registration: the registration form filled as it stands, a reason,
and what will change shown as the officer types. A released or refused crossing is amended
only with a supervisor's approval of exactly those changes."""

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QWidget

from taftan_desk.core import corrections
from taftan_desk.core import text as free_text
from taftan_desk.core.errors import DeskError, ValidationError
from taftan_desk.services.approvals import Permit
from taftan_desk.services.container import Services
from taftan_desk.services.corrections import Corrected, Proposal
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.dialogs.supervisor_dialog import SupervisorDialog
from taftan_desk.ui.forms.ui_correction_dialog import Ui_CorrectionDialog
from taftan_desk.ui.session import DeskSession
from taftan_desk.ui.widgets.registration_panel import RegistrationPanel

PREVIEW_MS = 250  # what will change is worked out once the officer pauses


class CorrectionDialog(ServiceDialog):
    FIELD_WIDGETS = {corrections.REASON_FIELD: "reason_edit"}

    def __init__(
        self,
        services: Services,
        session: DeskSession,
        crossing: CrossingView,
        parent: QWidget | None = None,
        approval: Callable[[Permit, str, int | None], object] | None = None,
    ) -> None:
        """`approval`: how the supervisor's approval of an amendment is had (typed here, or
        given at another desk: ExceptionActions.approval); by default typed here."""
        super().__init__(parent)
        self._approval = approval
        self.ui = Ui_CorrectionDialog()
        self.ui.setupUi(self)
        self._services, self._session, self._crossing = services, session, crossing
        self.corrected: Corrected | None = None
        self.form = RegistrationPanel(services, session, self, correcting=True)
        self.ui.form_host_layout.addWidget(self.form)
        self.form.fill(crossing)
        self.form.submitted.connect(self._submit)
        self.ui.reason_edit.returnPressed.connect(self._submit)
        closed = crossing.status.is_closed
        self.ui.intro_label.setText(
            self.tr(
                "Entry {entry} is {status} and closed: a correction is an amendment that a "
                "supervisor approves. The record as it was is kept and stays printable."
            ).format(entry=crossing.entry_no, status=crossing.status.label.lower())
            if closed
            else self.tr(
                "Correct what was registered for entry {entry}. The channel is decided again "
                "from the corrected facts (never lowered by itself); weights are weighed "
                "again with Weigh (F6)."
            ).format(entry=crossing.entry_no)
        )
        # Enter saves once, through the field's own returnPressed: no default button as well.
        for button in self.ui.button_box.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        save = self.ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Ask a supervisor…") if closed else self.tr("Save correction"))
        self._preview = QTimer(self, singleShot=True, interval=PREVIEW_MS)
        self._preview.timeout.connect(self._show_changes)
        for edit in self.form.findChildren(QLineEdit):
            edit.textChanged.connect(self._preview.start)
        for combo in self.form.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._preview.start)
        self.setup_form(560)
        self.ui.changes_label.setText(self.tr("Nothing changed yet."))
        self.form.ui.container_edit.setFocus()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Enter saves once, through the field it was pressed in (its returnPressed); the
        dialog's own default-button handling would save a second time."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _show_changes(self) -> None:
        try:
            proposal = self._propose()
        except ValidationError:
            return  # shown under its field when the officer saves
        except DeskError as exc:
            self.ui.changes_label.setText(str(exc))
            return
        self.ui.changes_label.setText(self._changes_text(proposal))

    def _propose(self) -> Proposal:
        return self._services.corrections.propose(self._crossing.id, self.form.form())

    def _changes_text(self, proposal: Proposal) -> str:
        lines = [self.tr("Will change:")] + [f"• {c.words()}" for c in proposal.changes]
        lines += [f"⚠ {w}" for w in proposal.warnings]
        return "\n".join(lines)

    def _submit(self) -> None:
        """Check the form and the reason, have a supervisor approve a closed crossing's
        amendment, then save; whatever is refused is said where it was typed."""
        self.ui.error_label.hide()
        try:
            reason = free_text.clean_reason(
                self.ui.reason_edit.text(),
                corrections.REASON_FIELD,
                self.tr("Write why the registration is corrected (at least a few words)."),
            )
            proposal = self._propose()
        except ValidationError as exc:
            return self._refused(exc)
        except DeskError as exc:
            return self.show_problem(str(exc), None)
        self.ui.changes_label.setText(self._changes_text(proposal))
        approval = None
        if proposal.needs_approval:
            intro = self.tr("Amend closed entry {entry} ({reason}):").format(
                entry=self._crossing.entry_no, reason=reason
            ) + "".join(f"\n• {c.words()}" for c in proposal.changes)
            permit = Permit.amend(self._crossing.id, self._session.actor, proposal.digest)
            if self._approval is not None:
                approval = self._approval(permit, intro, self._crossing.id)
                if approval is None:  # refused here, or asked at another desk: stay open
                    return self.show_problem(
                        self.tr(
                            "Not saved: a supervisor's approval is needed. Once it is given "
                            "at another desk, save again with the same changes."
                        ),
                        None,
                    )
            else:
                dialog = SupervisorDialog(self._services, intro, permit, self)
                if not dialog.exec() or dialog.approval is None:
                    return None
                approval = dialog.approval
        try:
            self.corrected = self._services.corrections.correct(
                self._session.actor, self._crossing.id, self.form.form(), reason, approval
            )
        except ValidationError as exc:
            return self._refused(exc)
        except DeskError as exc:  # e.g. changed at another desk meanwhile: nothing saved
            return self.show_problem(str(exc), None)
        self.accept()
        return None

    def _refused(self, exc: ValidationError) -> None:
        fields = {p.field for p in exc.problems}
        if fields & {corrections.REASON_FIELD, "correction"}:
            text = "\n".join(p.message for p in exc.problems)
            widget = self.ui.reason_edit if corrections.REASON_FIELD in fields else None
            return self.show_problem(text, widget)
        self.form.show_problems(exc)  # each under its own field, focus on the first
        self.show_problem(self.tr("Correct the fields marked in red."), None)
        return None
