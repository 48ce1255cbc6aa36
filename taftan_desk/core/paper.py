"""The documents the desk prints and the paper each goes on."""

KINDS = ("entry", "clearance", "hold", "exam")
SIZES = ("80mm", "a5", "a4")
# The usual paper for each document: the gate pass travels with the truck on a thermal roll;
# the hold notice and the examination report, with their signature blocks, are filed on A4.
DEFAULT_SIZES = {"entry": "a5", "clearance": "80mm", "hold": "a4", "exam": "a4"}
