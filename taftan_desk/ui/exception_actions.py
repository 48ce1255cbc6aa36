"""The Supervisor menu, and exceptions decided at any desk as the window shows them: an
officer asks (when no supervisor is at hand to sign), the supervisors' desks count what waits
and answer it (Supervisor › Requests waiting…, F12), and the officer's desk says the answer as
it arrives. Supervisor › Shift review… (Ctrl+Shift+R) opens the shift's review."""

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QWidget

from taftan_desk.core.channel import ChannelDecision, decision_digest
from taftan_desk.core.errors import DeskError
from taftan_desk.core.roles import GRANTS, Permission
from taftan_desk.services.approvals import ApprovedRequest, Permit, SupervisorApproval
from taftan_desk.services.changes import Changes
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.exception_requests import APPROVED, REFUSED
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.dialogs.reason_dialog import ReasonDialog
from taftan_desk.ui.dialogs.requests_dialog import RequestsDialog
from taftan_desk.ui.dialogs.supervisor_dialog import SupervisorDialog
from taftan_desk.ui.session import DeskSession

_REQUESTS = frozenset({"exception_request", "exception_decision"})


class ExceptionActions(QObject):
    message = Signal(str)
    changed = Signal(object, str)  # a crossing changed by an approved exception, the sentence

    def __init__(
        self,
        services: Services,
        session: DeskSession,
        ui,
        zone: ZoneInfo,
        window: QWidget,  # type: ignore[no-untyped-def]
    ) -> None:
        super().__init__(window)
        self._services, self._session, self._ui = services, session, ui
        self._zone, self._window = zone, window
        self._since = services.db.clock()  # answers to requests made from this window on
        self._told: set[int] = set()
        self.waiting_label = QLabel(window)
        self.waiting_label.setAccessibleName(self.tr("Requests waiting for a supervisor"))
        ui.requests_action.triggered.connect(self.answer)
        ui.shift_review_action.triggered.connect(self.review)
        self.shift_review: QWidget | None = None
        session.changed.connect(self.show_for)
        self.show_for(session.actor)

    @property
    def _decides(self) -> bool:
        return Permission.APPROVE_EXCEPTIONS in GRANTS[self._session.actor.role]

    def show_for(self, actor: Actor) -> None:
        """The Supervisor menu for supervisors and administrators (who review shifts); the
        requests and their count for supervisors only."""
        decides = Permission.APPROVE_EXCEPTIONS in GRANTS[actor.role]
        reviews = Permission.REVIEW_SHIFTS in GRANTS[actor.role]
        self._ui.supervisor_menu.menuAction().setVisible(reviews)
        self._ui.shift_review_action.setEnabled(reviews)
        self._ui.requests_action.setEnabled(decides)
        self._ui.requests_action.setVisible(decides)
        self.waiting_label.setVisible(decides)
        if self.shift_review is not None and not reviews:  # another user signed in
            self.shift_review.close()
        self.look()

    def review(self) -> None:
        """The shift review, beside the desk (not modal: the desk keeps working)."""
        if Permission.REVIEW_SHIFTS not in GRANTS[self._session.actor.role]:
            return
        from taftan_desk.ui.shift_review import ShiftReview

        if self.shift_review is None or not self.shift_review.isVisible():
            settings = self._services.settings.current()
            self.shift_review = ShiftReview(self._services, self._session, settings, self._window)
            self.shift_review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.shift_review.destroyed.connect(self._review_closed)
        self.shift_review.show()
        self.shift_review.raise_()
        self.shift_review.activateWindow()

    def _review_closed(self) -> None:
        self.shift_review = None

    def look(self, changes: Changes | None = None) -> None:
        """After other desks wrote: the waiting count (supervisors), the answers to this
        officer's requests (everyone). Read only when requests or answers were written (or
        too much to list): ordinary traffic costs the desk no query here."""
        if changes is not None and not (changes.overflow or _REQUESTS & changes.other):
            return
        try:
            if self._decides:
                count = len(self._services.exceptions.waiting())
                self.waiting_label.setText(
                    self.tr("{n} request(s) waiting (F12)").format(n=count) if count else ""
                )
            for request in self._services.exceptions.of_officer(self._session.actor, self._since):
                if request.state in (APPROVED, REFUSED) and request.id not in self._told:
                    self._told.add(request.id)
                    self.message.emit(self._answer_words(request))
        except DeskError:
            return  # the window says the database is lost; the next look catches up

    def _answer_words(self, request) -> str:  # type: ignore[no-untyped-def]
        if request.state == APPROVED:
            return self.tr(
                "Request {n} approved by {who}: “{why}”. Do it again to use the approval "
                "(valid 30 minutes)."
            ).format(n=request.id, who=request.decided_by, why=request.answer)
        return self.tr("Request {n} refused by {who}: “{why}”.").format(
            n=request.id, who=request.decided_by, why=request.answer
        )

    def approved(self, permit: Permit) -> ApprovedRequest | None:
        """An approval already given at another desk for exactly this action, unused."""
        try:
            found = self._services.exceptions.approved_for(permit)
        except DeskError:
            return None
        return found.grant if found is not None else None

    def approval(
        self, permit: Permit, intro: str, crossing_id: int | None
    ) -> "ApprovedRequest | SupervisorApproval | None":
        """A supervisor's approval of `permit`: one already given at another desk, else one
        typed here; or, with no supervisor at hand, a request sent to the others (None)."""
        found = self.approved(permit)
        if found is not None:
            self.message.emit(
                self.tr("Using the approval given at another desk (request {n}).").format(
                    n=found.request_id
                )
            )
            return found
        dialog = SupervisorDialog(self._services, intro, permit, self._window, can_ask=True)
        if dialog.exec() and dialog.approval is not None:
            return dialog.approval
        if dialog.asked:
            self.ask(permit, intro, crossing_id)
        return None

    def ask(self, permit: Permit, what: str, crossing_id: int | None) -> None:
        """Send the request to every supervisor of the station, with the officer's reason."""
        services, actor = self._services, self._session.actor

        def send(reason: str):  # type: ignore[no-untyped-def]
            return services.exceptions.request(actor, permit, what, reason, crossing_id)

        dialog = ReasonDialog(
            self.tr("Ask a supervisor — Taftan Desk"),
            self.tr("{what}\nWhy do you ask? Every supervisor's desk shows the request.").format(
                what=what
            ),
            send,
            self._window,
        )
        if dialog.exec() and dialog.result_view is not None:
            self.message.emit(
                self.tr(
                    "Request {n} sent to the supervisors: the answer shows here when it comes."
                ).format(n=dialog.result_view.id)
            )

    def reroute(self, crossing: CrossingView) -> None:
        """Crossing › Re-route the channel…: choose the channel; a supervisor approves."""
        names = {"green": self.tr("Green (release)"), "yellow": self.tr("Yellow (document check)"),
                 "red": self.tr("Red (physical examination)")}  # fmt: skip
        choices = [v for k, v in names.items() if k != crossing.channel.value]
        name, chosen = QInputDialog.getItem(
            self._window, self.tr("Re-route — Taftan Desk"),
            self.tr("Entry {entry} is {channel}. Re-route it to:").format(
                entry=crossing.entry_no, channel=crossing.channel.value
            ),
            choices, 0, False,
        )  # fmt: skip
        if not chosen:
            return
        to = next(k for k, v in names.items() if v == name)
        intro = self.tr("Re-route entry {entry} from {old} to {new}.").format(
            entry=crossing.entry_no, old=crossing.channel.value, new=to
        )
        facts = decision_digest(ChannelDecision(crossing.channel, crossing.reasons))
        permit = Permit.reroute(crossing.id, self._session.actor, to, facts)
        approval = self.approval(permit, intro, crossing.id)
        if approval is None:
            return
        try:
            view = self._services.crossings.reroute(self._session.actor, crossing.id, to, approval)
        except DeskError as exc:
            self.message.emit(str(exc))
            return
        self.changed.emit(
            view,
            self.tr("Entry {entry} re-routed to {channel}.").format(
                entry=view.entry_no, channel=to
            ),
        )

    def answer(self) -> None:
        if not self._decides:
            return
        dialog = RequestsDialog(self._services, self._session, self._zone, self._window)
        dialog.exec()
        self.look()
        if dialog.answered:
            self.message.emit(self.tr("{n} request(s) answered.").format(n=len(dialog.answered)))
