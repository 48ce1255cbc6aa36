"""Panels composed into the main window."""
