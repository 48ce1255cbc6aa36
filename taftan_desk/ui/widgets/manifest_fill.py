"""The registration form filled from a manifest: what the manifest announced is in the form,
the seals wait to be confirmed one by one (a scanned seal ticks the one expected), and the
officer sees what the manifest said that the form cannot hold (a description in Urdu)."""

import html

from PySide6.QtCore import QCoreApplication

from taftan_desk.core import containers, registration, seals
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.text import printable_text
from taftan_desk.services import entry_numbers
from taftan_desk.services.manifests import ExpectedView
from taftan_desk.ui.forms.ui_registration_panel import Ui_RegistrationPanel

CATEGORY_INDEX = ("", "oil", "gas", "steel", "industrial", "textiles", "other")
_MISMATCH = "color: #b3261e;"


def tr(text: str) -> str:
    return QCoreApplication.translate("ManifestFill", text)


def fill(ui: Ui_RegistrationPanel, view: ExpectedView) -> None:
    """Every field the manifest gives, except the seals (confirmed as found) and the weights
    (measured here)."""
    ui.direction_combo.setCurrentIndex(("in", "out").index(view.direction))
    ui.mode_combo.setCurrentIndex(("road", "rail").index(view.mode))
    category = view.cargo_category
    ui.cargo_category_combo.setCurrentIndex(
        CATEGORY_INDEX.index(category) if category in CATEGORY_INDEX else 0
    )
    description = view.description if printable_text(view.description) else ""
    texts = {
        ui.size_type_edit: view.size_type,
        ui.truck_plate_edit: view.truck_plate,
        ui.train_no_edit: view.train_no,
        ui.wagon_no_edit: view.wagon_no,
        ui.hs_code_edit: view.hs_code,
        ui.description_edit: description,
        ui.declared_net_edit: view.declared_net_kg,
        ui.gd_number_edit: view.gd_number,
        ui.tir_carnet_edit: view.tir_carnet,
    }
    for edit, value in texts.items():
        edit.setText("" if value is None else str(value))


def found_seals(text: str) -> list[str]:
    """The seal numbers in the seals field as the officer has them so far."""
    try:
        return [seals.normalise_seal_number(s.number) for s in registration.parse_seals(text)]
    except ValidationError:
        return []


def not_a_seal(scanned: str) -> bool:
    """A slip's entry number or a container number: scanned into the seals field, it is the
    next step of the officer's work, not a seal."""
    return entry_numbers.is_entry_no(scanned) or containers.is_valid(scanned)


def with_seal(text: str, scanned: str) -> str:
    """The seals field with a scanned seal added once (seals are comma-separated: a space
    separates a seal's number from its class and state); ValidationError if it is no seal
    number."""
    number = seals.normalise_seal_number(scanned)
    if number in found_seals(text):
        return text
    kept = text.strip().rstrip(",;").strip()
    return f"{kept}, {number}" if kept else number


def summary(view: ExpectedView, seals_text: str) -> str:
    """What the manifest announced, as rich text: where it came from, the seals to confirm
    (ticked as they are found), seals found that it does not list, and its own words."""
    where = tr("From manifest {manifest}, row {row}: {vehicle}").format(
        manifest=view.manifest_id, row=view.row_no, vehicle=html.escape(_vehicle(view))
    )
    if view.expected_on is not None:
        where += tr(", expected {day}").format(day=view.expected_on.isoformat())
    lines = [f"<b>{where}.</b>"]
    found = found_seals(seals_text)
    if view.seals:
        ticks = " ".join(("☑ " if n in found else "☐ ") + html.escape(n) for n in view.seals)
        lines.append(tr("Seals to confirm (scan each): {ticks}").format(ticks=ticks))
        other = [n for n in found if n not in view.seals]
        if other:
            lines.append(
                f'<span style="{_MISMATCH}">'
                + tr("Not on the manifest: {seals}. The channel will go red.").format(
                    seals=html.escape(", ".join(other))
                )
                + "</span>"
            )
    else:
        lines.append(tr("The manifest lists no seals."))
    if view.description and not printable_text(view.description):
        lines.append(
            tr("Manifest description: {text}").format(
                text=f'<span dir="rtl">{html.escape(view.description)}</span>'
            )
        )
    if view.consignee:
        lines.append(tr("Consignee: {name}").format(name=html.escape(view.consignee)))
    return "<br>".join(lines)


def _vehicle(view: ExpectedView) -> str:
    if view.mode == "rail":
        return tr("train {train}, wagon {wagon}").format(train=view.train_no, wagon=view.wagon_no)
    return tr("truck {plate}").format(plate=view.truck_plate)
