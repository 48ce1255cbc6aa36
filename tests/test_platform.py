"""Guards on the stack itself (see ../shared/docs/stack.md)."""

import sys
from importlib.metadata import PackageNotFoundError, version

import pytest


def test_pyside6_12_0_is_never_installed_on_python_3_11() -> None:
    """PySide6 6.12.0 on CPython 3.11 lowers None's refcount on each wrapped call that returns
    None and aborts the interpreter after a few thousand calls."""
    installed = version("PySide6-Essentials")
    if sys.version_info[:2] == (3, 11):
        assert installed != "6.12.0"
    with pytest.raises(PackageNotFoundError):
        version("PySide6")  # the metapackage pulls in WebEngine: Essentials only


def test_none_refcount_survives_many_wrapped_calls() -> None:
    from PySide6.QtCore import QTimer

    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(5_000):
        timer.stop()
    # Immortal None (3.12+) reports a constant; on 3.11 a leak shows as a drop of ~5,000.
    assert sys.getrefcount(None) >= before - 100


def test_no_lower_ring_imports_qt() -> None:
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[1] / "taftan_desk"
    offenders = [
        str(p.relative_to(root))
        for ring in ("core", "db", "services", "documents")
        for p in (root / ring).rglob("*.py")
        if re.search(r"^\s*(from|import)\s+PySide6", p.read_text(), re.M)
    ]
    assert offenders == []


def test_core_does_no_sql_or_io() -> None:
    import pathlib
    import re

    core = pathlib.Path(__file__).resolve().parents[1] / "taftan_desk" / "core"
    pattern = re.compile(
        r"^\s*(from|import)\s+(sqlalchemy|sqlmodel|sqlite3|PySide6|os\b|"
        r"pathlib|taftan_desk\.(db|services|ui))",
        re.M,
    )
    offenders = [p.name for p in core.glob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_documents_load_without_the_database_layer() -> None:
    """Documents draw plain read models: importing them must not pull in SQLAlchemy (the
    print preview and the CLI's slip tools start faster, and the ring stays honest)."""
    import os
    import pathlib
    import subprocess

    root = pathlib.Path(__file__).resolve().parents[1]
    # This tree first, not whatever copy of the package the environment has installed.
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
    }
    probe = (
        "import sys, taftan_desk.documents; "
        "loaded = sorted(m for m in ('sqlalchemy', 'sqlmodel', 'taftan_desk.db') "
        "if m in sys.modules); "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, cwd=root, env=env, timeout=120)
