"""The only package that imports PySide6: widgets turn gestures into service calls."""
