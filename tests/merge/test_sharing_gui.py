"""The File menu's "Share by e-mail…" and "Merge a received copy…" (pytest-qt, offscreen):
share, edit both copies, merge from the menu, read the report, undo the merge."""

from __future__ import annotations

import pytest

from kehila_desktop.core import i18n
from kehila_desktop.core.file.create import create_program

from .helpers import PEOPLE, open_ops


@pytest.fixture
def window(qtbot, qapp, program, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from kehila_desktop.gui import dialogs, sharing
    from kehila_desktop.gui.app import create_application
    from kehila_desktop.gui.mainwindow import MainWindow

    conf = tmp_path / "settings"
    conf.mkdir()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(conf))
    monkeypatch.setenv("KEHILA_DATA_DIR", str(tmp_path / "data"))
    dialogs.shown.clear()
    monkeypatch.setattr(
        dialogs, "answer", lambda box, buttons: "ok" if "ok" in buttons else "cancel"
    )
    launched = []
    monkeypatch.setattr(sharing, "open_url", lambda url: launched.append(url.toString()))
    create_application(language="he", exception_hook=False)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.files.open_path(program)
    if not hasattr(win, "sharing"):  # until the shell's File menu has the hook line
        win.sharing = sharing.install(win)
    win.launched = launched
    yield win
    win.files.close()
    win.close()
    i18n.set_language("he")


def _person(conn, name):
    return conn.execute("SELECT id FROM person WHERE name=?", (name,)).fetchone()[0]


def test_share_edit_both_merge_from_the_menu_read_the_report_and_undo(
    window, tmp_path, monkeypatch
):
    from kehila_desktop.gui import dialogs, sharing

    actions = window.sharing
    texts = [a.text() for a in window.file_menu.actions()]
    assert 'שיתוף בדוא"ל…' in texts and "מיזוג עותק שהתקבל…" in texts
    window.set_language("ar")
    assert actions.act_merge.text() == "دمج نسخة وصلت…"
    window.set_language("he")
    out = tmp_path / "outbox"
    out.mkdir()
    monkeypatch.setattr(actions, "ask_share", lambda: (out, True))
    actions.act_share.trigger()
    (copy,) = out.iterdir()
    assert copy.name.endswith(".kehila") and "תוכנית" in copy.name
    assert window.launched[0].startswith("file://")
    assert window.launched[1].startswith("mailto:") and "subject=" in window.launched[1]
    assert dialogs.shown[-1][0] == "info" and copy.name in dialogs.shown[-1][1]

    # both keep working: the same person, one field each, and one field on both sides
    conn = window.context.pf.conn
    dana, noam = _person(conn, PEOPLE[0][0]), _person(conn, PEOPLE[5][0])
    window.context.run("edit", lambda ops: ops.update("person", dana, {"community": "צפון"}))
    window.context.run("edit", lambda ops: ops.update("person", noam, {"notes": "כאן"}))
    other = open_ops(copy)
    other.update("person", dana, {"organisation": 'מתנ"ס'})
    other.update("person", noam, {"notes": "שם"})
    other.pf.close()

    seen = []
    monkeypatch.setattr(actions, "ask_incoming", lambda: str(copy))
    dialogs_seen = []
    monkeypatch.setattr(
        sharing,
        "confirm",
        lambda dialog: (
            dialogs_seen.append(dialog)
            or seen.append(
                (
                    dialog.summary.text(),
                    dialog.text.toPlainText().replace("\u2068", "").replace("\u2069", ""),
                    dialog.ok.text(),
                )
            )
            or True
        ),
    )
    actions.act_merge.trigger()

    before, after = seen
    assert before[2] == "מיזוג" and "התנגשויות" in before[1] and "שם" in before[1]
    assert "נשמר שם (מקור: העותק)" in before[1]
    assert after[0].startswith("העותק מוזג.") and after[2] == "סגירה"
    assert "שונו בעותק:" in after[1] and 'מתנ"ס' in after[1]
    row = conn.execute(
        "SELECT community, organisation, notes, phone FROM person WHERE id=?", (dana,)
    ).fetchone()
    assert row == ("צפון", 'מתנ"ס', "", PEOPLE[0][1])  # both fields, and the phone kept
    assert conn.execute("SELECT notes FROM person WHERE id=?", (noam,)).fetchone()[0] == "שם"
    assert "מיזוג" in window.act_undo.text()
    assert window.statusBar().currentMessage().startswith("נוספו: 0, שונו: 1, התנגשויות: 1")

    # the conflict's other value can be given back from the report, as one more undo step
    report_dialog = dialogs_seen[1]
    assert report_dialog.conflicts.count() == 1
    assert "כאן" in report_dialog.conflicts.item(0).text()
    report_dialog.restore.click()
    assert conn.execute("SELECT notes FROM person WHERE id=?", (noam,)).fetchone()[0] == "כאן"
    window.act_undo.trigger()
    assert conn.execute("SELECT notes FROM person WHERE id=?", (noam,)).fetchone()[0] == "שם"

    window.act_undo.trigger()
    row = conn.execute("SELECT community, organisation FROM person WHERE id=?", (dana,)).fetchone()
    assert row == ("צפון", "")
    assert conn.execute("SELECT notes FROM person WHERE id=?", (noam,)).fetchone()[0] == "כאן"


def test_a_copy_of_another_program_is_refused_with_an_offer_to_open_it(
    window, tmp_path, monkeypatch
):
    from kehila_desktop.gui import dialogs

    from kehila_desktop.core.history.share import share_copy

    same = share_copy(window.context.pf, tmp_path / "same.kehila").path
    monkeypatch.setattr(window.sharing, "ask_incoming", lambda: str(same))
    assert window.sharing.merge().nothing_new
    assert dialogs.shown[-1] == ("info", "אין בעותק הזה דבר שאין כבר בקובץ הזה.")

    stranger = create_program(tmp_path / "stranger.kehila", name="תוכנית זרה")
    monkeypatch.setattr(window.sharing, "ask_incoming", lambda: str(stranger))
    window.sharing.act_merge.trigger()
    kind, text = dialogs.shown[-1]
    assert kind == "other_program" and "תוכנית זרה" in text
    assert window.context.pf.path.name == "program.kehila"  # "Cancel": nothing changed

    monkeypatch.setattr(
        dialogs, "answer", lambda box, buttons: "open" if "open" in buttons else "ok"
    )
    window.sharing.act_merge.trigger()
    assert window.context.pf.path.name == "stranger.kehila"  # "Open it on its own"


def test_join_in_the_merge_report_makes_the_likely_duplicates_one(
    window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtCore import Qt

    from kehila_desktop.core.history.merge import likely_duplicates
    from kehila_desktop.gui import sharing

    from .helpers import broken_rules

    window.set_language("en")
    actions = window.sharing
    out = tmp_path / "outbox"
    out.mkdir()
    monkeypatch.setattr(actions, "ask_share", lambda: (out, False))
    actions.act_share.trigger()
    (copy,) = out.iterdir()
    conn = window.context.pf.conn
    design = conn.execute("SELECT id FROM body WHERE kind='design'").fetchone()[0]
    rina = window.context.run("add", lambda ops: ops.insert("person", {"name": "Rina Tal"}))
    window.context.run("edit", lambda ops: ops.update("person", rina, {"email": "rina@x.org"}))
    other = open_ops(copy)
    twin = other.insert("person", {"name": "רינה טל", "email": "RINA@x.org"})
    other.insert("membership", {"person_id": twin, "body_id": design, "status": "joined"})
    other.pf.close()

    seen = []
    monkeypatch.setattr(actions, "ask_incoming", lambda: str(copy))
    monkeypatch.setattr(sharing, "confirm", lambda dialog: seen.append(dialog) or True)
    actions.act_merge.trigger()
    report = seen[-1]
    assert report.duplicates is not None and len(report.duplicates.buttons) == 1
    button = report.duplicates.buttons[0]
    # the copy's Rina sits in a body: hers is the record that stays, and the tooltip says so
    assert button.toolTip().replace("\u2068", "").replace("\u2069", "") == (
        "Keeps רינה טל (in more bodies); Rina Tal is joined into it and deleted."
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled() and button.text() == "Joined"
    assert likely_duplicates(conn) == []
    assert broken_rules(conn) == dict.fromkeys(broken_rules(conn), 0)
    assert conn.execute("SELECT deleted FROM person WHERE id=?", (rina,)).fetchone() == (1,)
    assert "join רינה טל with Rina Tal" in window.act_undo.text()
    window.act_undo.trigger()
    assert len(likely_duplicates(conn)) == 1
