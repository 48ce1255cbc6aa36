"""Ports to the desk's devices (the print spooler): small I/O modules, no Qt, no SQL."""
