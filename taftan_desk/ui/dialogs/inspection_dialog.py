"""Record an inspection: kind, examiner, seal check, re-weigh, findings, decision, new seal."""

from PySide6.QtWidgets import QWidget

from taftan_desk.core.inspection import InspectionInput
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.forms.ui_inspection_dialog import Ui_InspectionDialog

KINDS = ("documentary", "physical", "scanner")
SEAL_CHECKS = ("not_checked", "intact", "discrepancy")
FINDINGS = ("no_discrepancy", "discrepancy", "prohibited")
DECISIONS = ("release", "hold", "refer", "refuse")


class InspectionDialog(ServiceDialog):
    FIELD_WIDGETS = {
        "kind": "kind_combo",
        "examiner": "examiner_edit",
        "seal_check": "seal_check_combo",
        "reweigh_gross_kg": "reweigh_edit",
        "findings": "findings_combo",
        "decision": "decision_combo",
        "new_seal_no": "new_seal_edit",
        "remarks": "remarks_edit",
    }

    def __init__(
        self,
        services: Services,
        actor: Actor,
        crossing: CrossingView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_InspectionDialog()
        self.ui.setupUi(self)
        self._services, self._actor, self._crossing = services, actor, crossing
        self.result_view: CrossingView | None = None
        reasons = "; ".join(r.text for r in crossing.reasons) or self.tr("no rule fired")
        self.ui.intro_label.setText(
            self.tr("Entry {entry}, container {container}: {channel} channel ({reasons}).").format(
                entry=crossing.entry_no,
                container=crossing.container_no,
                channel=crossing.channel.value,
                reasons=reasons,
            )
        )
        # Red needs a physical exam; start there so the common case is one key shorter.
        self.ui.kind_combo.setCurrentIndex(1 if crossing.channel.value == "red" else 0)
        self.ui.examiner_edit.setText(actor.display)
        self.setup_form(520)
        self.ui.kind_combo.setFocus()

    def form(self) -> InspectionInput:
        ui = self.ui
        return InspectionInput(
            kind=KINDS[ui.kind_combo.currentIndex()],
            examiner=ui.examiner_edit.text(),
            findings=FINDINGS[ui.findings_combo.currentIndex()],
            decision=DECISIONS[ui.decision_combo.currentIndex()],
            seal_check=SEAL_CHECKS[ui.seal_check_combo.currentIndex()],
            reweigh_gross_kg=ui.reweigh_edit.text(),
            new_seal_no=ui.new_seal_edit.text(),
            remarks=ui.remarks_edit.toPlainText(),
        )

    def submit(self) -> None:
        self.result_view = self._services.inspections.record(
            self._actor, self._crossing.id, self.form()
        )
