"""The registration form: keyboard-first, validated as the officer types.

Enter in the container field moves on (a scanner ends every scan with Enter) once the number
is right: a wrong one keeps focus there with what is wrong and the likely intended number,
which F2 takes from anywhere in the form. Enter in any later field saves; Esc clears.
Problems show under their own field after a save attempt; warnings never block.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from taftan_desk.core import cargo, containers, corrections, registration, weights
from taftan_desk.core.errors import DeskError, ValidationError
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.services.container import Services
from taftan_desk.services.crossings import RegistrationResult
from taftan_desk.services.manifests import ExpectedView
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.forms.ui_registration_panel import Ui_RegistrationPanel
from taftan_desk.ui.scanner import Scan
from taftan_desk.ui.session import DeskSession
from taftan_desk.ui.widgets import manifest_fill
from taftan_desk.ui.widgets.registration_rows import FIELD_WIDGETS, ROWS
from taftan_desk.ui.widgets.weighing_fields import WEIGHING_WIDGETS, WeighingFields

# Combo order; the first entry makes the officer choose rather than inherit a default.
CATEGORIES = manifest_fill.CATEGORY_INDEX

VEHICLE_LOOKUP_MS = 300  # the vehicle's remembered tare is looked up once typing pauses
_ERROR_STYLE = "color: #b3261e;"
_WARNING_STYLE = "color: #8a5a00;"


class RegistrationPanel(QWidget):
    saved = Signal(object)  # RegistrationResult
    submitted = Signal()  # Enter in a correction: the dialog holding the form saves it

    def __init__(
        self,
        services: Services,
        session: DeskSession,
        parent: QWidget | None = None,
        *,
        correcting: bool = False,
    ) -> None:
        """`correcting`: the form of a correction dialog: no weights (they are weighed
        again), no Save or Clear of its own, and Esc left to the dialog."""
        super().__init__(parent)
        self._correcting = correcting
        self.ui = Ui_RegistrationPanel()
        self.ui.setupUi(self)
        self._services = services
        self._session = session  # who saves is read when saving, never kept
        self._settings: StationSettings = services.settings.current()
        self._suggestion: str | None = None
        self.expected: ExpectedView | None = None  # the manifest row the form was filled from
        # Loaded once: the list changes by an administrator's hand, not between two trucks.
        self._owners = {code for code, _ in services.settings.known_owners()}
        self.weighing = WeighingFields(services, self._settings, self)
        self.ui.weights_layout.addWidget(self.weighing)
        self.ui.weights_label.setBuddy(self.weighing.ui.bridge_edit)
        chain = [self.ui.seals_edit, *self.weighing.edits(), self.ui.clear_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self._vehicle_timer = QTimer(self)
        self._vehicle_timer.setSingleShot(True)
        self._vehicle_timer.setInterval(VEHICLE_LOOKUP_MS)
        self._vehicle_timer.timeout.connect(self.look_up_vehicle)
        self._errors = self._make_error_labels()
        for label, style in (
            (self.ui.warnings_label, _WARNING_STYLE),
            (self.ui.error_label, _ERROR_STYLE),
        ):
            label.setStyleSheet(style)
        self._connect()
        # Not typed, the plate maximum is the station's assumption: said in the field itself,
        # for the size/type typed beside it. A size/type code has 4 characters: its field
        # leaves the rest of the row to the plate's, so that more of the saying shows.
        size = self.ui.size_type_edit
        size.setMaximumWidth(size.fontMetrics().horizontalAdvance("WWWW") + 16)
        size.textChanged.connect(self._show_assumed_plate)
        self._show_assumed_plate()
        self.ui.description_count_label.hide()  # shown once there is something to count
        self.clear()

    # -- wiring ----------------------------------------------------------------------------
    def _connect(self) -> None:
        ui = self.ui
        ui.container_edit.textChanged.connect(self._check_container)  # a scan taken back too
        ui.container_edit.returnPressed.connect(self._container_entered)
        for edit in self._line_edits()[1:]:
            edit.returnPressed.connect(self._enter)
        self.weighing.changed.connect(self._show_net)
        ui.max_gross_edit.textChanged.connect(self._show_net)
        ui.size_type_edit.textChanged.connect(self._show_net)
        ui.hs_code_edit.textChanged.connect(self._show_cargo_hint)
        ui.description_edit.textChanged.connect(self._count_description)
        ui.cargo_category_combo.currentIndexChanged.connect(self._show_cargo_hint)
        ui.mode_combo.currentIndexChanged.connect(self._mode_changed)
        for edit in self._line_edits():
            edit.textEdited.connect(self._recheck)
        for combo in (ui.direction_combo, ui.mode_combo, ui.cargo_category_combo):
            combo.currentIndexChanged.connect(self._recheck)
        ui.seals_edit.textChanged.connect(self._show_manifest)
        ui.container_edit.textChanged.connect(self._container_changed)
        ui.save_button.clicked.connect(self.save)
        ui.clear_button.clicked.connect(self.clear)
        # Form-wide: after a scan the officer may already be in another field.
        accept = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        accept.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        accept.activated.connect(self.accept_suggestion)
        if not self._correcting:  # a correction weighs nothing: no tare to look up
            self.weighing.taken_now.connect(self._after_take)
            self.weighing.entered.connect(self.look_up_vehicle)  # the weights reached
            for edit in (ui.truck_plate_edit, ui.wagon_no_edit):
                edit.textChanged.connect(self._vehicle_timer.start)  # a pause in typing
            # A weight taken (or waited for) belongs to the truck and container it was taken
            # for: another one, and it is taken again.
            for edit in (ui.container_edit, ui.truck_plate_edit, ui.wagon_no_edit):
                edit.textEdited.connect(self.weighing.another_vehicle)
            ui.mode_combo.activated.connect(self.weighing.another_vehicle)
        if self._correcting:
            self.ui.form_layout.setRowVisible(self.ui.weights_layout, False)
            self.ui.form_layout.setRowVisible(self.ui.net_label, False)
            for widget in (self.ui.heading_label, self.ui.save_button, self.ui.clear_button):
                widget.hide()
            return
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)

    def _escape(self) -> None:
        """Esc stops a wait for a stable weight first; otherwise it clears the form."""
        if not self.weighing.stop_waiting():
            self.clear()

    def _enter(self) -> None:
        if self._correcting:
            self.submitted.emit()
        elif (following := self._next_to_confirm()) is not None:
            following.setFocus()
        else:
            self.save()

    def _next_to_confirm(self) -> QWidget | None:
        """In a form filled from a manifest, Enter in the seals or a weight moves on to the
        next weight still empty (what the manifest cannot know); the last one saves."""
        steps = [self.ui.seals_edit, *self._weighing_steps()]
        focus = self.focusWidget()
        if self.expected is None or focus not in steps:
            return None
        later = steps[steps.index(focus) + 1 :]  # type: ignore[arg-type]
        return next((edit for edit in later if not edit.text().strip()), None)

    def _weighing_steps(self) -> list[QLineEdit]:
        """The weighing's fields in order; the reason only while something is typed."""
        edits = self.weighing.edits()
        return edits if self.weighing.typed() else edits[:3]

    # -- the weighbridge -----------------------------------------------------------------------
    def take_weight(self) -> None:
        """F6: the scale's stable weight as this truck's weighbridge reading (or, not stable
        yet, as soon as it is)."""
        self.look_up_vehicle()
        self.weighing.take()

    def _after_take(self) -> None:
        """A weight taken: on to what still needs the officer (the container's tare from
        its door, the reason when the vehicle's tare is typed); nothing left, stay."""
        following = next((e for e in self._weighing_steps()[1:] if not e.text().strip()), None)
        (following or self.weighing.ui.bridge_edit).setFocus()

    def look_up_vehicle(self) -> None:
        self._vehicle_timer.stop()
        if self._correcting:  # a correction weighs nothing: no tare to look up
            return
        ui = self.ui
        mode = ("road", "rail")[ui.mode_combo.currentIndex()]
        self.weighing.set_vehicle(mode, ui.truck_plate_edit.text(), ui.wagon_no_edit.text())

    def _line_edits(self) -> list[QLineEdit]:
        ui = self.ui
        return [
            ui.container_edit,
            ui.size_type_edit,
            ui.max_gross_edit,
            ui.truck_plate_edit,
            ui.train_no_edit,
            ui.wagon_no_edit,
            ui.hs_code_edit,
            ui.description_edit,
            ui.declared_net_edit,
            ui.gd_number_edit,
            ui.tir_carnet_edit,
            ui.tir_voucher_edit,
            ui.seals_edit,
            *self.weighing.edits(),
        ]

    def _make_error_labels(self) -> dict[str, QLabel]:
        """One hidden error line under each form row, found by the fields it shows."""
        layout = self.ui.form_layout
        labels: dict[str, QLabel] = {}
        for name, fields in reversed(ROWS):
            item = getattr(self.ui, name)
            row, _ = (
                layout.getLayoutPosition(item)
                if name.endswith("_layout")
                else layout.getWidgetPosition(item)
            )
            label = QLabel(self)
            label.setObjectName(f"{name.rsplit('_', 1)[0]}_error_label")
            label.setStyleSheet(_ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            layout.insertRow(row + 1, "", label)
            labels.update(dict.fromkeys(fields, label))
        return labels

    # -- live help -------------------------------------------------------------------------
    def _check_container(self, text: str) -> None:
        result = containers.check(text) if len(containers.normalise(text)) >= 10 else None
        self._suggestion = result.suggestions[0] if result and result.suggestions else None
        hint = self.ui.container_hint_label
        if result is None:
            hint.clear()
        elif result.valid:
            owner_note = (
                ""
                if self._known_owner(result.owner)
                else self.tr(" Owner {owner} is not on the station's list: check the door.").format(
                    owner=result.owner
                )
            )
            hint.setText(self.tr("✓ Valid container number.") + owner_note)
            hint.setStyleSheet(_WARNING_STYLE if owner_note else "color: #1b7f3b;")
        else:
            extra = (
                self.tr(" Press F2 for {number}.").format(number=self._suggestion)
                if self._suggestion
                else ""
            )
            hint.setText(result.reason + extra)
            hint.setStyleSheet(_ERROR_STYLE)

    def _known_owner(self, owner: str) -> bool:
        return owner in self._owners

    def _container_entered(self) -> None:
        """Enter (typed or a scanner's) moves on only from a right number, or an empty one."""
        text = self.ui.container_edit.text()
        if containers.is_valid(text) and self._fill_from_manifest(containers.normalise(text)):
            return
        if not text.strip() or containers.is_valid(text):
            self._after_container().setFocus()
            return
        self._check_container(text)
        if not self.ui.container_hint_label.text():  # too short for the live check
            self.ui.container_hint_label.setText(containers.check(text).reason)
            self.ui.container_hint_label.setStyleSheet(_ERROR_STYLE)

    def _fill_from_manifest(self, number: str) -> bool:
        """A container a manifest announces: the form takes what the manifest says and the
        officer confirms the seals and the weights. Only into a form holding nothing else
        (what the officer typed is never overwritten)."""
        if self._correcting or self.expected is not None:
            return False
        try:
            view = self._services.manifests.pending(number)
        except DeskError as exc:
            self.ui.error_label.setText(str(exc))
            return False
        if view is None:
            return False
        self.expected = view
        if self._typed_beyond_container():  # what the officer typed stays; the link shows
            self._show_manifest()
            return False
        manifest_fill.fill(self.ui, view)
        self._mode_changed()
        self.look_up_vehicle()
        self._show_manifest()
        (self.ui.seals_edit if view.seals else self.weighing.ui.bridge_edit).setFocus()
        return True

    def take_expected(self, view: ExpectedView) -> None:
        """A row chosen in the pre-arrivals list: the form filled as by its scan, unless the
        officer has something in it (Esc clears it first)."""
        if self.has_input():
            self.ui.error_label.setText(
                self.tr("The form holds another registration: save it, or clear it with Esc.")
            )
            return
        self.ui.container_edit.setText(view.container_no)
        self._container_entered()

    def _typed_beyond_container(self) -> bool:
        edits = self._line_edits()[1:]
        typed = any(e.text().strip() for e in edits)
        return typed or self.ui.cargo_category_combo.currentIndex() > 0

    def _container_changed(self, text: str) -> None:
        """Another number than the announced one: the form is no longer the manifest's (what
        it filled stays, for the officer to keep or change)."""
        if self.expected is not None and containers.normalise(text) != self.expected.container_no:
            self.expected = None
            self._show_manifest()

    def _show_manifest(self) -> None:
        label = self.ui.manifest_label
        if self.expected is None:
            label.clear()
            label.hide()
            return
        label.setText(manifest_fill.summary(self.expected, self.ui.seals_edit.text()))
        label.show()

    def take_seal_scan(self, scan: Scan) -> bool:
        """A seal scanned into the seals field joins the seals found (and ticks the one the
        manifest expects), where its Enter would have saved the form. A slip's entry number
        or a container number scanned there is no seal: the window takes it as anywhere."""
        edit = self.ui.seals_edit
        if scan.widget is not edit or manifest_fill.not_a_seal(scan.text):
            return False
        scan.take_back()
        try:
            edit.setText(manifest_fill.with_seal(edit.text(), scan.text))
        except ValidationError as exc:
            self.ui.error_label.setText(
                self.tr("Scanned '{text}' is not a seal number: {why}").format(
                    text=scan.text, why=exc
                )
            )
        return True

    def _after_container(self) -> QWidget:
        """Where Enter goes from the container: the vehicle, the next field every truck or
        wagon needs (size/type and the plate maximum are optional: Shift+Tab reaches them),
        two keys fewer per crossing."""
        road = self.ui.mode_combo.currentIndex() == 0
        return self.ui.truck_plate_edit if road else self.ui.train_no_edit

    def accept_suggestion(self) -> None:
        """F2: the suggested container number replaces the one in the form."""
        edit = self.ui.container_edit
        if not self._suggestion:
            self._check_container(edit.text())
            hint = self.ui.container_hint_label
            hint.setText(f"{hint.text()} {self.tr('F2: no suggested number to take.')}".strip())
            return
        from_container = edit.hasFocus()
        edit.setText(self._suggestion)  # checked again as it changes
        if from_container:
            self._after_container().setFocus()

    def _show_net(self) -> None:
        text, ok = self.weighing.summary(
            self.ui.max_gross_edit.text(), self.ui.size_type_edit.text()
        )
        self.ui.net_label.setText(text)
        self.ui.net_label.setStyleSheet("" if ok else _ERROR_STYLE)

    def _show_assumed_plate(self) -> None:
        assumed = weights.assumed_plate(
            None, self.ui.size_type_edit.text(), self._settings.default_max_gross_kg
        )
        if assumed is not None:
            self.ui.max_gross_edit.setPlaceholderText(assumed.words(self.tr))

    def _count_description(self, text: str) -> None:
        """How much of the description's room is used; past it, said in red (the field takes
        more, so a pasted text is never cut silently: saving says to shorten it)."""
        limit = registration.MAX_LENGTHS["description"]
        used = len(" ".join(text.split()))
        label = self.ui.description_count_label
        label.setText(self.tr("{used}/{limit}").format(used=used, limit=limit))
        label.setVisible(bool(used))  # an empty form's field keeps the width of the others
        label.setStyleSheet(_ERROR_STYLE if used > limit else "")

    def _show_cargo_hint(self) -> None:
        chosen = CATEGORIES[self.ui.cargo_category_combo.currentIndex()]
        if not chosen:
            self.ui.warnings_label.clear()
            return
        category = cargo.CargoCategory(chosen)
        try:
            hs = cargo.validate_hs(self.ui.hs_code_edit.text())
        except ValidationError:
            hs = None
        notes = []
        if hs and (contradiction := cargo.hs_category_warning(hs, category)):
            notes.append(contradiction)
        if dangerous := cargo.dangerous_goods_hint(category, hs):
            notes.append(dangerous.text)
        self.ui.warnings_label.setText("\n".join(notes))

    def _mode_changed(self) -> None:
        if not self._correcting:  # a truck's plate or a wagon's number names the vehicle
            self._vehicle_timer.start()
        rail = self.ui.mode_combo.currentIndex() == 1
        self.ui.truck_plate_edit.setEnabled(not rail)
        self.ui.train_no_edit.setEnabled(rail)
        self.ui.wagon_no_edit.setEnabled(rail)

    # -- save and clear --------------------------------------------------------------------
    def form(self) -> registration.RegistrationInput:
        ui = self.ui
        return registration.RegistrationInput(
            direction=("in", "out")[ui.direction_combo.currentIndex()],
            mode=("road", "rail")[ui.mode_combo.currentIndex()],
            container_no=ui.container_edit.text(),
            cargo_category=CATEGORIES[ui.cargo_category_combo.currentIndex()],
            truck_plate=ui.truck_plate_edit.text(),
            train_no=ui.train_no_edit.text(),
            wagon_no=ui.wagon_no_edit.text(),
            size_type=ui.size_type_edit.text(),
            max_gross_kg=ui.max_gross_edit.text(),
            hs_code=ui.hs_code_edit.text(),
            description=ui.description_edit.text(),
            declared_net_kg=ui.declared_net_edit.text(),
            gd_number=ui.gd_number_edit.text(),
            tir_carnet=ui.tir_carnet_edit.text(),
            tir_voucher=ui.tir_voucher_edit.text(),
            seals=registration.parse_seals(ui.seals_edit.text()),
            **self.weighing.values(),  # type: ignore[arg-type]
        )

    def fill(self, view: CrossingView) -> None:
        """The form holding a crossing's registration as it stands (for a correction)."""
        ui = self.ui
        ui.direction_combo.setCurrentIndex(("in", "out").index(view.direction))
        ui.mode_combo.setCurrentIndex(("road", "rail").index(view.mode))
        ui.cargo_category_combo.setCurrentIndex(
            CATEGORIES.index(view.cargo_category) if view.cargo_category in CATEGORIES else 0
        )
        texts = {
            ui.container_edit: view.container_no,
            ui.size_type_edit: view.size_type,
            ui.max_gross_edit: view.max_gross_kg,
            ui.truck_plate_edit: view.truck_plate,
            ui.train_no_edit: view.train_no,
            ui.wagon_no_edit: view.wagon_no,
            ui.hs_code_edit: view.hs_code,
            ui.description_edit: view.description,
            ui.declared_net_edit: view.declared_net_kg,
            ui.gd_number_edit: view.gd_number,
            ui.tir_carnet_edit: view.tir_carnet,
            ui.tir_voucher_edit: view.tir_voucher,
            ui.seals_edit: corrections.seals_text(
                [vars(s) for s in view.seals if not s.applied_at_exam]
            ),
        }
        for edit, value in texts.items():
            edit.setText("" if value is None else str(value))
        self._mode_changed()
        self._hide_errors()

    def show_problems(self, exc: ValidationError) -> None:
        """Problems of a correction under their fields, as after a save."""
        self._hide_errors()
        self._show_problems(exc)

    def save(self) -> RegistrationResult | None:
        self._hide_errors()
        if not self._seals_confirmed():
            return None
        try:
            result = self._services.crossings.register(self._session.actor, self.form())
        except ValidationError as exc:
            self._show_problems(exc)
            return None
        except DeskError as exc:  # storage busy or full, a disabled account: nothing saved
            self.ui.error_label.setText(str(exc))
            return None
        self.clear(keep_route=True)
        self.ui.warnings_label.setText("\n".join(result.warnings))
        self.saved.emit(result)
        return result

    def _seals_confirmed(self) -> bool:
        """Seals the manifest lists that were not scanned are recorded as missing (the
        channel goes red): said before saving, and the officer may go back and scan them."""
        if self.expected is None or self._correcting:
            return True
        found = manifest_fill.found_seals(self.ui.seals_edit.text())
        unticked = [n for n in self.expected.seals if n not in found]
        if not unticked:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Seals not scanned — Taftan Desk"),
            self.tr(
                "The manifest lists seal(s) {seals} that were not scanned.\n\nRecord them as "
                "missing? The channel goes red and the container is examined."
            ).format(seals=", ".join(unticked)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Record as &missing"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Scan the seals"))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter never records a finding
        answer = box.exec()
        if answer != QMessageBox.StandardButton.Yes:
            self.ui.seals_edit.setFocus()
            return False
        return True

    def _show_problems(self, exc: ValidationError) -> None:
        if any(exc.for_field(f) for f in WEIGHING_WIDGETS):
            self.ui.net_label.clear()  # the weights' own error line says it now
        if exc.for_field("container_no"):
            self.ui.container_hint_label.clear()
        first: QWidget | None = None
        said: dict[QLabel, list[str]] = {}  # a row's label says the problems of all its fields
        for field in dict.fromkeys(p.field for p in exc.problems):
            label = self._errors.get(field)
            if label is None:
                continue
            said.setdefault(label, []).extend(exc.for_field(field))
            label.setText("\n".join(said[label]))
            label.show()
            first = first or self._widget_for(field)
        if first is not None:
            first.setFocus()

    def _recheck(self) -> None:
        """A problem shown after a save goes as soon as the officer has fixed it (checked by
        the same rules, without the database); no new problem shows before the next save."""
        shown = {label for label in self._errors.values() if label.isVisible()}
        if not shown:
            return
        try:
            registration.validate(
                self.form(), self._settings, self._known_owner, lambda *_: self.weighing.remembered
            )
            problems = ValidationError([])
        except ValidationError as exc:
            problems = exc
        for label in shown:
            fields = [f for f, lbl in self._errors.items() if lbl is label]
            still = [m for f in fields for m in problems.for_field(f)]
            if still:
                label.setText("\n".join(still))
            else:
                label.hide()

    def _widget_for(self, field: str) -> QWidget:
        return self.weighing.widget_for(field) or getattr(
            self.ui, FIELD_WIDGETS.get(field, "container_edit")
        )

    def _hide_errors(self) -> None:
        for label in set(self._errors.values()):
            label.hide()
        self.ui.error_label.clear()

    def has_input(self) -> bool:
        """Something typed that no save has kept yet: leaving now would lose it."""
        typed = any(edit.text().strip() for edit in self._line_edits())
        return typed or self.ui.cargo_category_combo.currentIndex() > 0

    def clear(self, keep_route: bool = False) -> None:
        """Esc: an empty form, ready for the next container (direction and mode kept after a
        save, since the next truck usually comes the same way)."""
        for edit in self._line_edits():
            edit.clear()
        self.weighing.clear()
        if not keep_route:
            self.ui.direction_combo.setCurrentIndex(0)
            self.ui.mode_combo.setCurrentIndex(0)
        self.ui.cargo_category_combo.setCurrentIndex(0)
        self.expected = None
        self._show_manifest()
        self._hide_errors()
        for label in (self.ui.container_hint_label, self.ui.net_label, self.ui.warnings_label):
            label.clear()
        self._mode_changed()
        self.ui.container_edit.setFocus()
