"""Qt set-up for the meetings GUI tests: the app in Hebrew, dialogs answered without a modal
loop (and recorded), no settings written."""

from __future__ import annotations

import pytest


@pytest.fixture
def he_app(qapp, monkeypatch):
    from kehila_desktop.gui import dialogs
    from kehila_desktop.gui.app import create_application

    app = create_application(language="he", exception_hook=False)
    dialogs.shown.clear()
    monkeypatch.setattr(dialogs, "answer", lambda box, buttons: "ok")
    return app
