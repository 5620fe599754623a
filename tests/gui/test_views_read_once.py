"""A view reads the file once when it is first shown (it used to read everything twice: its
own constructor, then the main window), and once more after each edit — not per widget."""

from __future__ import annotations

import pytest

from kehila_desktop.gui.views import VIEW_KEYS, load_view_class


@pytest.mark.parametrize("key", VIEW_KEYS)
def test_first_show_reads_once(main_window, monkeypatch, key):
    cls = load_view_class(key)
    calls = []
    original = cls.refresh

    def counted(self, *args):
        calls.append(key)
        return original(self, *args)

    monkeypatch.setattr(cls, "refresh", counted)
    main_window.views.pop(key, None)  # build it afresh, as on first use
    main_window.show_view(key)
    assert calls == [key]


def test_start_up_shows_opening_and_builds_no_view_before_the_file_is_read(
    qtbot, app_setup, gui_sample
):
    from kehila_desktop.gui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show_opening(str(gui_sample))
    window.show()
    window.activateWindow()
    window.sidebar.setFocus()  # the side bar takes the focus and a current row on showing
    window.sidebar.setCurrentRow(0)
    qtbot.wait(50)
    assert window.views == {}
    assert window.stack.currentWidget() is window.opening
    assert window.files.open_path(gui_sample)
    assert list(window.views) == ["overview"]  # built once, with the file
    window.files.close()
    window.close()
