"""Shared Qt fixtures: an isolated settings store and data folder, scripted dialogs, one
sample program built per session (copied for each test), and a ``main_window`` on it."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory):
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.sample.build import populate_sample

    folder = tmp_path_factory.mktemp("template")
    return create_program(folder / "sample.kehila", populate=populate_sample)


@pytest.fixture
def gui_sample(sample_template, tmp_path):
    """A fresh copy of the sample program for this test."""
    target = tmp_path / "sample.kehila"
    shutil.copyfile(sample_template, target)
    return target


@pytest.fixture(autouse=True)
def _isolated(qt_isolated, monkeypatch):
    from kehila_desktop.gui import dialogs

    monkeypatch.setattr(dialogs, "answer", Answers())


class Answers:
    """Answers the app's dialogs without a modal loop; ``choice`` picks the button key."""

    def __init__(self) -> None:
        self.choice = {"locked": "cancel"}
        self.boxes = []

    def __call__(self, box, buttons):
        self.boxes.append(box.text())
        for key in buttons:
            if self.choice.get("locked") == key:
                return key
        return "ok" if "ok" in buttons else "cancel"


@pytest.fixture
def answers():
    from kehila_desktop.gui import dialogs

    return dialogs.answer


@pytest.fixture
def app_setup(qapp):
    from kehila_desktop.gui.app import create_application

    return create_application(language="he", exception_hook=False)


@pytest.fixture
def app_env(tmp_path):
    """The environment of an app started in a subprocess: offscreen, its own data folder and
    settings under ``tmp_path``."""
    import os

    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KEHILA_DATA_DIR=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path),
    )


@pytest.fixture
def main_window(qtbot, app_setup, gui_sample):
    """The main window with the sample program open, in Hebrew."""
    from kehila_desktop.gui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.files.open_path(gui_sample)
    yield window
    window.files.close()
    window.close()
