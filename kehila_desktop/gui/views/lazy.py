"""``LazyView``: the base of views whose re-reading is costly (health rules, 5,000 people).

An edit made while such a view is hidden only marks it stale; it re-reads once, when it is
next shown. Its ``refresh()`` clears ``_stale``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class LazyView(QWidget):
    _stale = False

    def refresh(self, *_args) -> None:  # pragma: no cover - every view defines its own
        raise NotImplementedError

    def refresh_when_shown(self) -> None:
        """Re-read now if the view is on screen, else when it is next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
