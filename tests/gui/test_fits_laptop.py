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


def test_every_view_fits_1000_px_wide_in_every_language(main_window):
    """A 1366 px laptop at 125 % scaling leaves about 1090 px: the structure diagram shrinks
    and the panels narrow instead of forcing the window wider than 1000 px."""
    w = main_window
    w.resize(1000, 700)
    for code in ("he", "ar", "en"):
        w.set_language(code)
        for key in VIEW_KEYS:
            w.show_view(key)
            assert w.minimumSizeHint().width() <= 1000, (code, key, w.minimumSizeHint())
    structure = w.show_view("structure")
    assert structure.diagram.width() >= 400 and structure.tabs.width() >= 300
