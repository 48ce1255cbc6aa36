"""The registration form's rows and the widget each input field is typed in: where a field's
problem is said (under its row) and where focus goes to fix it."""

# Form rows (a field, or the layout holding several) and the input fields each shows.
ROWS = (
    ("direction_layout", ("direction", "mode")),
    ("container_edit", ("container_no",)),
    ("size_layout", ("size_type", "max_gross_kg")),
    ("truck_plate_edit", ("truck_plate",)),
    ("rail_layout", ("train_no", "wagon_no")),
    ("cargo_layout", ("cargo_category", "hs_code")),
    ("description_layout", ("description",)),
    ("declared_net_edit", ("declared_net_kg",)),
    ("gd_number_edit", ("gd_number",)),
    ("tir_layout", ("tir_carnet", "tir_voucher")),
    ("seals_edit", ("seals",)),
    ("weights_layout", ("bridge_kg", "vehicle_tare_kg", "tare_kg", "weight_reason", "gross_kg")),
)

# Each input field of a registration and the widget the officer types it in.
FIELD_WIDGETS = {
    "direction": "direction_combo",
    "mode": "mode_combo",
    "container_no": "container_edit",
    "size_type": "size_type_edit",
    "max_gross_kg": "max_gross_edit",
    "truck_plate": "truck_plate_edit",
    "train_no": "train_no_edit",
    "wagon_no": "wagon_no_edit",
    "cargo_category": "cargo_category_combo",
    "hs_code": "hs_code_edit",
    "description": "description_edit",
    "declared_net_kg": "declared_net_edit",
    "gd_number": "gd_number_edit",
    "tir_carnet": "tir_carnet_edit",
    "tir_voucher": "tir_voucher_edit",
    "seals": "seals_edit",
}
