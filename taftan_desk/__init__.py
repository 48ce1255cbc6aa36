"""Taftan Desk: customs and border-entry workstation for the Taftan border station."""

__version__ = "0.1.0"
