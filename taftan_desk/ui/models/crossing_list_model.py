"""Crossings as a paged table (services.crossing_list): the columns a supervisor reads, each
sorting by its own SQL sort."""

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from taftan_desk.core.channel import Channel
from taftan_desk.services.crossing_lines import CrossingLine
from taftan_desk.services.paging import PagedReader, Request
from taftan_desk.ui.models.paged_table_model import Column, PagedTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrossingList", text)


def _kg(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _difference(row: CrossingLine) -> str:
    kg = row.difference_kg
    return "" if kg is None else f"{kg:+,}"


def crossing_columns(zone: Any) -> list[Column[CrossingLine]]:
    """The list's columns; times in the station's zone."""
    channels = {Channel.GREEN: _tr("Green"), Channel.YELLOW: _tr("Yellow"), Channel.RED: _tr("Red")}
    directions = {"in": _tr("In"), "out": _tr("Out")}
    modes = {"road": _tr("Road"), "rail": _tr("Rail")}
    return [
        Column(_tr("Entry"), lambda r: r.entry_no, "entry"),
        Column(_tr("Time"), lambda r: r.registered_at.astimezone(zone).strftime("%H:%M"), "time"),
        Column(_tr("Dir."), lambda r: directions.get(r.direction, r.direction), "direction"),
        Column(_tr("Mode"), lambda r: modes.get(r.mode, r.mode), "mode"),
        Column(_tr("Vehicle"), lambda r: r.vehicle, "vehicle"),
        Column(_tr("Container"), lambda r: r.container_no, "container"),
        Column(_tr("Cargo"), lambda r: r.cargo_category.capitalize(), "cargo"),
        Column(_tr("Declared kg"), lambda r: _kg(r.declared_net_kg), "declared", figures=True),
        Column(_tr("Net kg"), lambda r: _kg(r.shown_net_kg), "net", figures=True),
        Column(_tr("Difference kg"), _difference, "difference", figures=True),
        Column(_tr("Channel"), lambda r: channels[r.channel], "channel"),
        Column(_tr("Status"), lambda r: r.status.label, "status"),
        Column(_tr("Held"), lambda r: _tr("Held") if r.on_hold else "", "held"),
        Column(_tr("Officer"), lambda r: r.officer, "officer"),
    ]


def crossing_list_model(
    reader: PagedReader[CrossingLine],
    zone: Any,
    request: Request | None = None,
    parent: QObject | None = None,
    **options: Any,
) -> PagedTableModel:
    return PagedTableModel(reader, crossing_columns(zone), request, parent=parent, **options)
