"""Shared fixtures: every test builds its own program file in a temporary folder."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may touch the user's real settings, recent files or data folder.
_HOME = tempfile.mkdtemp(prefix="kehila-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["KEHILA_DATA_DIR"] = os.path.join(_HOME, "kehila")

import pytest  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

# In CI the generated cases are the same on every run (a flaky test is a failed test); locally
# they vary, to keep finding new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

from kehila_desktop.core import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _hebrew_by_default():
    i18n.set_language("he")
    yield
    i18n.set_language("he")


@pytest.fixture
def new_file(tmp_path):
    """Path of a new, empty program file."""
    from kehila_desktop.core.file.create import create_program

    return create_program(tmp_path / "program.kehila", name="תוכנית בדיקה", locality="עין גדי")


@pytest.fixture
def sample_file(tmp_path):
    """Path of a new program file filled with the sample program."""
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.sample.build import populate_sample

    return create_program(tmp_path / "sample.kehila", populate=populate_sample)


@pytest.fixture
def ops(new_file):
    from kehila_desktop.core.history.operations import Operations
    from kehila_desktop.core.file.programfile import open_program

    pf = open_program(new_file)
    yield Operations(pf)
    pf.close()


@pytest.fixture
def qt_isolated(tmp_path, monkeypatch, qapp):
    """For GUI tests: settings and the data folder in this test's own folder, no dialogs
    remembered from another test, and Hebrew again afterwards."""
    from PySide6.QtCore import QSettings

    from kehila_desktop.gui import dialogs, settings

    conf = tmp_path / "settings"
    conf.mkdir()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(conf))
    settings.settings().clear()
    monkeypatch.setenv("KEHILA_DATA_DIR", str(tmp_path / "data"))
    dialogs.shown.clear()
    yield
    i18n.set_language("he")


@pytest.fixture(params=["deleted", "second"])
def two_of_kind(request):
    """``two_of_kind(ops, kind) -> (the, other, settle)``: beside the file's body of ``kind``
    another one (after it in the program's order). With "deleted", the file's body is
    ``other`` and ``settle()`` deletes it, leaving the new one *the* body of the kind; with
    "second", the file's body stays *the* one and ``other`` is a second one (``settle()``
    does nothing). Build what each has, call ``settle()``, then ask."""

    def make(ops, kind: str) -> tuple[str, str, object]:
        from kehila_desktop.core.structure.queries import live_body_id

        first = live_body_id(ops.conn, kind)
        new = ops.insert("body", {"kind": kind, "name": f"{kind} (2)", "position": 100})
        if request.param == "deleted":
            return new, first, lambda: ops.delete("body", first)
        return first, new, lambda: None

    return make


@pytest.fixture
def sample_window(qtbot, qt_isolated, sample_file):
    """The main window, in Hebrew, with a fresh sample program open (Hebrew again after)."""
    from kehila_desktop.gui.app import create_application
    from kehila_desktop.gui.language import apply_language
    from kehila_desktop.gui.mainwindow import MainWindow

    create_application(language="he", exception_hook=False)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.files.open_path(sample_file)
    yield window
    window.files.close()
    window.close()
    apply_language("he", remember=False)
