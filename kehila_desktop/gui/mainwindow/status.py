"""The main window's status: the title (program, file, read-only), the read-only banner and
the window's size and place (restored on start, saved on close). A mixin of ``MainWindow``."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui import settings
from kehila_desktop.gui.firstpaint import plain_text


class WindowStatus:
    def _build_banner(self) -> QLabel:
        self.banner = QLabel()
        plain_text(self.banner)
        self.banner.setWordWrap(True)
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(
            "#banner { background: #fff3c4; color: #4a3b00; "
            "padding: 8px 12px; border-bottom: 1px solid #e0c860; }"
        )
        self.banner.hide()
        return self.banner

    def _update_title(self) -> None:
        pf = self.context.pf
        if pf is None:
            self.setWindowTitle(tr("Kehila Desktop"))
            return
        from kehila_desktop.core.structure import queries as sq
        from kehila_desktop.gui.widgets import plain_title

        try:
            program = sq.program_name(pf.conn)
        except Exception:
            program = ""
        program = program or tr("Program")
        # the desktop adds " — Kehila Desktop" itself (Qt appends the display name)
        title = tr("{program} — {file}", program=program, file=pf.path.name)
        if self.context.read_only:
            title = tr("{title} (read-only)", title=title)
        self.setWindowTitle(plain_title(title))

    def _update_banner(self) -> None:
        reason = self.files.read_only_reason if self.context.pf is not None else ""
        text = {
            "newer": tr(
                "This file was made by a newer version of Kehila Desktop. It is open "
                "read-only: you can read and print it, but changes cannot be saved."
            ),
            "locked": tr(
                "This file is open in Kehila Desktop elsewhere. It is open read-only "
                "here: changes cannot be saved."
            ),
            "permission": tr(
                "You do not have permission to change this file. It is open read-only."
            ),
        }.get(reason, "")
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def restore_geometry(self) -> None:
        """Open where and as large as the window was last closed; the first time, as large
        as fits the screen (a 1366x768 laptop has less room than the default size)."""
        saved = settings.settings().value("window/geometry")
        if saved and self.restoreGeometry(saved):
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        title_bar = 40  # the frame and title bar are outside the window's own size
        size = self.size().boundedTo(QSize(free.width(), free.height() - title_bar))
        self.resize(size)
        self.move(
            free.x() + (free.width() - size.width()) // 2,
            free.y() + max(0, (free.height() - title_bar - size.height()) // 2),
        )
