"""Qt set-up for the print window tests: the app in Hebrew, isolated settings and data
folder, dialogs answered without a modal loop (and recorded), one sample program and one
sample scaled to 1,500 people built per session (copied for each test that changes them)."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def print_template(tmp_path_factory):
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.sample.build import populate_sample

    return create_program(
        tmp_path_factory.mktemp("printgui") / "sample.kehila", populate=populate_sample
    )


@pytest.fixture(scope="session")
def big_template(tmp_path_factory):
    """The sample with 1,500 people: a partner mapping of about 60 pages."""
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.sample.build import populate_sample

    return create_program(
        tmp_path_factory.mktemp("printgui-big") / "big.kehila",
        populate=lambda ops: populate_sample(ops, people=1500),
    )


@pytest.fixture(autouse=True)
def _isolated(qt_isolated, monkeypatch):
    from kehila_desktop.gui import dialogs
    from kehila_desktop.gui.app import create_application

    create_application(language="he", exception_hook=False)
    monkeypatch.setattr(dialogs, "answer", lambda box, buttons: "ok")


def _window(qtbot, source, tmp_path):
    from kehila_desktop.gui.mainwindow import MainWindow

    target = tmp_path / source.name
    shutil.copyfile(source, target)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.files.open_path(target)
    return window


@pytest.fixture
def main_window(qtbot, print_template, tmp_path):
    """The main window on a fresh copy of the sample program, in Hebrew."""
    window = _window(qtbot, print_template, tmp_path)
    yield window
    _close(window)


@pytest.fixture
def big_window(qtbot, big_template, tmp_path):
    """The main window on a copy of the 1,500-person sample."""
    window = _window(qtbot, big_template, tmp_path)
    yield window
    _close(window)


def _close(window) -> None:
    if window.printing.print_window is not None:
        window.printing.print_window.close()
    window.files.close()
    window.close()
