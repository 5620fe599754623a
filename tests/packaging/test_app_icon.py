"""The running app shows its own icon (window, taskbar, Alt+Tab) in every size, and names its
desktop entry so Linux desktops match the window to the menu entry and its icon."""

from __future__ import annotations


def test_window_icon_is_the_app_icon_in_every_size(qapp):
    from kehila_desktop.gui.app import create_application

    app = create_application(language="he", exception_hook=False)
    sizes = {(s.width(), s.height()) for s in app.windowIcon().availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    assert app.desktopFileName() == "kehila-desktop"
    image = app.windowIcon().pixmap(16, 16).toImage()
    assert image.pixelColor(8, 8).alpha() > 0  # drawn, not an empty icon
