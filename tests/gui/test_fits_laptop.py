"""The window fits a modest 1366x768 laptop (taskbar and title bar take ~70 px) with every
view open, in every language."""

from __future__ import annotations

from kehila_desktop.gui.views import VIEW_KEYS


def test_every_view_fits_a_1366x768_laptop_in_every_language(main_window):
    w = main_window
    for code in ("he", "ar", "en"):
        w.set_language(code)
        for key in VIEW_KEYS:
            w.show_view(key)
            hint = w.minimumSizeHint()
            assert hint.height() <= 698 and hint.width() <= 1366, (code, key, hint)


def test_first_start_fits_the_screen(qtbot, app_setup):
    from kehila_desktop.gui.mainwindow import MainWindow

    window = MainWindow()  # nothing remembered yet (isolated settings)
    qtbot.addWidget(window)
    window.restore_geometry()
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height() - 40
    assert free.contains(window.geometry())
