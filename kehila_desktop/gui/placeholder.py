"""The stand-in for a view that is not built yet: its title and what it will hold, in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kehila_desktop.gui.views import view_promise, view_title


class PlaceholderView(QWidget):
    def __init__(self, context, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addStretch(1)
        context.languageChanged.connect(self.retranslate)
        self.retranslate()

    def title(self) -> str:
        return view_title(self.key)

    def retranslate(self, *_args) -> None:
        self.heading.setText(self.title())
        self.text.setText(view_promise(self.key))
        self.setAccessibleName(self.title())
        self.text.setAccessibleName(view_promise(self.key))

    def refresh(self) -> None:
        pass

    def navigate(self, table: str, row_id: str) -> None:
        pass
