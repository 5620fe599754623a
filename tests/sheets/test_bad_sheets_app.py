"""The app's import of a bad sheet: one message, no preview, nothing written."""

from __future__ import annotations


import pytest

from .bad import BAD


@pytest.fixture
def view(new_file, qtbot, monkeypatch):
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.gui import dialogs
    from kehila_desktop.gui.context import AppContext
    from kehila_desktop.gui.views.people.view import View

    monkeypatch.setattr(dialogs, "answer", lambda box, buttons: "ok")
    pf = open_program(new_file)
    v = View(AppContext(pf))
    qtbot.addWidget(v)
    yield v
    pf.close()


@pytest.mark.parametrize(
    "name",
    [
        "far-cell-and-names.xlsx",
        "200-worksheets.xlsx",
        "dtd-entity.xlsx",
        "bad-shared-string.xlsx",
        "damaged-zip.xlsx",
        "long.csv",
    ],
)
def test_one_message_and_nothing_changed(view, new_file, tmp_path, name):
    messages, previews = [], []
    view.context.show_error = messages.append
    view.exec_dialog = lambda dialog: previews.append(dialog) or 0
    path = BAD[name](tmp_path / name)
    conn = view.context.pf.conn
    steps = conn.execute("SELECT count(*) FROM step").fetchone()[0]
    assert view.import_file(str(path)) is False
    assert len(messages) == 1 and "\n" not in messages[0] and path.name in messages[0]
    assert previews == []
    assert conn.execute("SELECT count(*) FROM step").fetchone()[0] == steps
    assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0
