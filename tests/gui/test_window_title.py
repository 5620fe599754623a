"""The title the desktop shows (taskbar, window list) names the program, the file and the app
once. On X11, Wayland and Windows Qt itself appends the application's display name to a
window's title unless the title already ends with it, so the main window must not add it too
(it did, in a shorter form: "… — קהילה מיטיבה — קהילה מיטיבה – שולחן העבודה")."""

from __future__ import annotations

import sqlite3

from PySide6.QtGui import QGuiApplication

from kehila_desktop.core.i18n import tr

EM_DASH = " \u2014 "  # Qt's separator (QXcbWindow, QWindowsWindow: formatWindowTitle)


def shown_by_the_desktop(title: str) -> str:
    name = QGuiApplication.applicationDisplayName()
    return title if not name or title.endswith(name) else f"{title}{EM_DASH}{name}"


def test_the_desktop_shows_program_file_and_app_once_in_each_language(sample_window, sample_file):
    with sqlite3.connect(sample_file) as conn:
        program = conn.execute("SELECT name FROM program WHERE deleted=0").fetchone()[0]
    for language in ("he", "ar", "en"):
        sample_window.set_language(language)
        app = tr("Kehila Desktop", language)
        assert shown_by_the_desktop(sample_window.windowTitle()) == (
            f"{program}{EM_DASH}{sample_file.name}{EM_DASH}{app}"
        ), language
