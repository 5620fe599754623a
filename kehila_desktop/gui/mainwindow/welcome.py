"""The main window's welcome page, shown when no program file is open: new, open, the sample
and the recent files. A mixin of ``MainWindow``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui.firstpaint import USER_ROLE


class WelcomePage:
    def _build_welcome(self) -> QWidget:
        from PySide6.QtCore import Qt

        self.welcome = QWidget()
        welcome = QVBoxLayout(self.welcome)
        welcome.setContentsMargins(48, 48, 48, 48)
        self.welcome_heading = QLabel()
        font = self.welcome_heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.welcome_heading.setFont(font)
        self.welcome_text = QLabel()
        self.welcome_text.setWordWrap(True)
        welcome.addWidget(self.welcome_heading)
        welcome.addWidget(self.welcome_text)
        self.welcome_buttons = {}
        for key, slot in (
            ("new", self.new_empty),
            ("new_sample", self.new_from_sample),
            ("open", self.open_dialog),
            ("sample", self.files.open_sample),
        ):
            button = QPushButton()
            button.clicked.connect(lambda _=False, s=slot: s())
            welcome.addWidget(button, 0, Qt.AlignmentFlag.AlignLeading)
            self.welcome_buttons[key] = button
        self.welcome_recent_heading = QLabel()
        self.welcome_recent = QListWidget()
        self.welcome_recent.setMaximumWidth(640)
        self.welcome_recent.itemActivated.connect(
            lambda item: self.files.open_path(item.data(USER_ROLE))
        )
        welcome.addSpacing(16)
        welcome.addWidget(self.welcome_recent_heading)
        welcome.addWidget(self.welcome_recent)
        welcome.addStretch(1)
        return self.welcome

    def _retranslate_welcome(self) -> None:
        self.welcome_heading.setText(tr("Kehila Metiva"))
        self.welcome_text.setText(
            tr(
                "No program file is open. Start a new program, open a "
                "program file, or look around in the sample program."
            )
        )
        for key, text in (
            ("new", tr("New empty program…")),
            ("new_sample", tr("New program from the sample…")),
            ("open", tr("Open a program file…")),
            ("sample", tr("Open the sample program")),
        ):
            self.welcome_buttons[key].setText(text)
            self.welcome_buttons[key].setAccessibleName(text)
        self.welcome_recent_heading.setText(tr("Recent program files"))
        self.welcome_recent.setAccessibleName(tr("Recent program files"))
