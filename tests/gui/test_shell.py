"""The desktop shell driven as a user would: open, edit, undo/redo, languages, bad files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from kehila_desktop.core.file import lock
from kehila_desktop.gui import dialogs, settings


def _program_name(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT name FROM program WHERE deleted=0").fetchone()[0]


def _body(path, kind):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT id, name FROM body WHERE kind=? AND deleted=0", (kind,)
        ).fetchone()


def test_opens_the_sample_with_overview_filled_and_sidebar_on_the_right(
    main_window, gui_sample, qtbot
):
    w = main_window
    name = _program_name(gui_sample)
    assert name in w.windowTitle() and gui_sample.name in w.windowTitle()
    overview = w.views["overview"]
    assert w.stack.currentWidget() is overview
    assert overview.heading.text() == name
    qtbot.waitUntil(lambda: overview.findings_ready)  # health is checked after the paint
    assert overview.health.count() >= 3  # the sample has deliberate gaps
    assert w.sidebar.item(0).text() == "סקירה"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = w.sidebar.mapTo(w, QPoint(0, 0)).x()
    assert side > w.stack.mapTo(w, QPoint(0, 0)).x()  # the side bar is on the right


def test_rename_a_body_then_undo_and_redo_from_the_edit_menu(main_window, gui_sample, qtbot):
    w = main_window
    design_id, old = _body(gui_sample, "design")
    w.sidebar.setCurrentRow(1)
    view = w.views["structure"]
    assert w.stack.currentWidget() is view
    w.navigate("structure", "body", design_id)
    edit = view.body_panel.ui.nameEdit
    assert edit.text() == old
    edit.selectAll()
    edit.insert("ועדה מעצבת חדשה")  # QTest cannot type Hebrew keys; the text goes in as typed
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _body(gui_sample, "design")[1] == "ועדה מעצבת חדשה"
    qtbot.waitUntil(lambda: any(b.name == "ועדה מעצבת חדשה" for b in view.diagram.boxes))
    assert w.act_undo.isEnabled()
    assert old in w.act_undo.text() and w.act_undo.text().startswith("&ביטול")
    w.show_view("overview")  # undo survives switching views
    w.act_undo.trigger()
    assert _body(gui_sample, "design")[1] == old
    assert w.act_redo.isEnabled() and old in w.act_redo.text()
    w.act_redo.trigger()
    assert _body(gui_sample, "design")[1] == "ועדה מעצבת חדשה"
    w.show_view("structure")
    qtbot.waitUntil(lambda: edit.text() == "ועדה מעצבת חדשה")


def test_an_empty_name_is_refused_with_one_sentence(main_window, gui_sample, qtbot):
    w = main_window
    steering_id, old = _body(gui_sample, "steering")
    w.navigate("structure", "body", steering_id)
    edit = w.views["structure"].body_panel.ui.nameEdit
    edit.clear()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _body(gui_sample, "steering")[1] == old
    assert dialogs.shown[-1][0] == "error"
    assert edit.text() == old
    assert not w.act_undo.isEnabled()


def test_language_switch_flips_direction_and_is_remembered(main_window, qtbot):
    w = main_window
    w.set_language("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert w.sidebar.item(1).text() == "الهيكل التنظيمي"
    assert settings.saved_language() == "ar"
    w.set_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert w.sidebar.item(0).text() == "Overview"
    assert w.file_menu.title() == "&File"
    qtbot.waitUntil(
        lambda: w.sidebar.mapTo(w, QPoint(0, 0)).x() < w.stack.mapTo(w, QPoint(0, 0)).x()
    )  # the side bar moved to the left
    assert w.views["overview"].health_heading.text() == "Program health"
    assert settings.saved_language() == "en"


def test_a_damaged_file_gets_a_dialog_and_the_app_stays_usable(main_window, gui_sample, tmp_path):
    w = main_window
    damaged = tmp_path / "damaged.kehila"
    data = bytearray(gui_sample.read_bytes())
    data[4096:12288] = b"\x55" * 8192  # scribble over pages of the database
    damaged.write_bytes(bytes(data))
    assert not w.files.open_path(damaged)
    kind, text = dialogs.shown[-1]
    assert kind == "error" and "damaged.kehila" in text
    assert not any(p.endswith("damaged.kehila") for p in settings.recent_files())
    assert w.context.pf.path == gui_sample  # the open program is still open
    w.show_view("structure")
    assert w.views["structure"].diagram.boxes


def test_not_a_program_file_is_refused(main_window, tmp_path):
    other = tmp_path / "notes.kehila"
    other.write_text("hello")
    assert not main_window.files.open_path(other)
    assert dialogs.shown[-1][0] == "error"


def test_a_file_held_by_another_instance_offers_read_only(
    main_window, gui_sample, tmp_path, answers
):
    w = main_window
    other = tmp_path / "other.kehila"
    other.write_bytes(gui_sample.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        import json
        import socket

        lock.lock_path(other).write_text(
            json.dumps({"pid": holder.pid, "host": socket.gethostname(), "user": "dana"})
        )
        assert not w.files.open_path(other)  # cancel
        assert dialogs.shown[-1][0] == "locked" and "dana" in dialogs.shown[-1][1]
        assert w.context.pf.path == gui_sample
        answers.choice["locked"] = "read_only"
        assert w.files.open_path(other)
        assert w.context.read_only and not w.banner.isHidden()
        assert w.banner.text()
        assert not w.act_undo.isEnabled()
        w.show_view("structure")
        assert w.views["structure"].body_panel.ui.nameEdit.isReadOnly()
        assert "dana" in lock.lock_path(other).read_text()  # their lock is untouched
    finally:
        holder.kill()
        holder.wait()


def test_lock_is_taken_and_released_and_a_stale_one_is_ignored(main_window, gui_sample, tmp_path):
    w = main_window
    assert lock.lock_path(gui_sample).exists()
    w.files.close()
    assert not lock.lock_path(gui_sample).exists()
    assert w.pages.currentWidget() is w.welcome
    assert w.welcome_recent.item(0).data(Qt.ItemDataRole.UserRole) == str(gui_sample.resolve())
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    import json
    import socket

    lock.lock_path(gui_sample).write_text(
        json.dumps({"pid": dead.pid, "host": socket.gethostname()})
    )
    assert w.files.open_path(gui_sample)
    assert not w.context.read_only
    assert lock.read_lock(gui_sample).pid == __import__("os").getpid()


def test_a_newer_format_opens_read_only_with_a_banner(main_window, gui_sample, tmp_path):
    newer = tmp_path / "newer.kehila"
    newer.write_bytes(gui_sample.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version=99")
    w = main_window
    assert w.files.open_path(newer)
    assert w.context.read_only and w.files.read_only_reason == "newer"
    assert not w.banner.isHidden() and "חדשה" in w.banner.text()
    assert "קריאה בלבד" in w.windowTitle()


def test_save_a_copy_new_file_recent_and_drop(main_window, gui_sample, tmp_path):
    w = main_window
    copy = tmp_path / "copy.kehila"
    assert w.files.save_copy(copy)
    assert _program_name(copy) == _program_name(gui_sample)
    fresh = tmp_path / "fresh"
    assert w.files.new_file(fresh)
    assert w.context.pf.path.name == "fresh.kehila"
    assert "fresh.kehila" in w.windowTitle()
    assert not w.files.new_file(fresh)  # never overwrites
    assert [a.text() for a in w.recent_menu.actions()][:2] == ["fresh.kehila", "sample.kehila"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    w.dropEvent(event)
    assert w.context.pf.path == copy
    fresh_path = tmp_path / "fresh.kehila"
    w.files.close()
    fresh_path.unlink()
    w._fill_recent()
    assert "fresh.kehila" not in [a.text() for a in w.recent_menu.actions()]


def _click_finding(qtbot, overview, index):
    item = next(
        overview.health.item(r)
        for r in range(overview.health.count())
        if overview.health.item(r).data(Qt.ItemDataRole.UserRole) == index
    )
    overview.health.scrollToItem(item)
    rect = overview.health.visualItemRect(item)
    qtbot.mouseClick(overview.health.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_health_finding_takes_you_where_it_is_fixed(main_window, qtbot):
    w = main_window
    overview = w.views["overview"]
    qtbot.waitUntil(lambda: overview.findings_ready)
    target = overview.findings[0].target
    _click_finding(qtbot, overview, 0)
    assert w.current_view_key() == target[0]
    pid = w.context.pf.conn.execute("SELECT id FROM program").fetchone()[0]
    w.context.run("clear scope", lambda ops: ops.update("program", pid, {"scope": ""}))
    w.show_view("overview")
    qtbot.waitUntil(lambda: overview.findings_ready)
    row = next(i for i, f in enumerate(overview.findings) if f.code == "no_scope")
    _click_finding(qtbot, overview, row)
    assert w.current_view_key() == "structure"
    assert w.views["structure"].tabs.currentIndex() == 1  # the program settings


def test_every_view_key_shows_something_in_words(main_window):
    w = main_window
    from kehila_desktop.gui.views import VIEW_KEYS

    for key in VIEW_KEYS:
        view = w.show_view(key)
        assert view.title()
        assert w.stack.currentWidget() is view


def test_the_exception_hook_shows_a_sentence_and_logs(app_setup, tmp_path):
    from kehila_desktop.gui.app import crash_log_path, exception_hook

    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        exception_hook(type(exc), exc, exc.__traceback__)
    assert dialogs.shown[-1][0] == "error"
    assert "boom" in crash_log_path().read_text()


def test_quit_when_ready_opens_and_exits_zero(gui_sample, app_env):
    done = subprocess.run(
        [sys.executable, "-m", "kehila_desktop.gui.app", str(gui_sample), "--quit-when-ready"],
        env=app_env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert not lock.lock_path(gui_sample).exists()


def test_qt_own_dialog_texts_follow_the_language_and_fonts_are_registered(app_setup):
    from PySide6.QtCore import QCoreApplication

    from kehila_desktop.gui.app import register_fonts
    from kehila_desktop.gui.language import apply_language

    apply_language("he", remember=False)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "ביטול"
    apply_language("ar", remember=False)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    apply_language("en", remember=False)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    apply_language("he", remember=False)
    families = register_fonts()
    assert {"Noto Sans Hebrew", "Noto Sans Arabic"} <= set(families)


def test_the_shell_knows_the_program_file_suffix():
    from kehila_desktop.core.file.programfile import SUFFIX
    from kehila_desktop.gui.filecontrol import SUFFIX as GUI_SUFFIX

    assert GUI_SUFFIX == SUFFIX


def test_keyboard_shortcuts_switch_views_and_undo(main_window, gui_sample, qtbot):
    w = main_window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=20000)
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert w.current_view_key() == "structure"
    steering_id, old = _body(gui_sample, "steering")
    w.navigate("structure", "body", steering_id)
    edit = w.views["structure"].body_panel.ui.nameEdit
    edit.selectAll()
    edit.insert("ועדת היגוי עליונה")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _body(gui_sample, "steering")[1] == "ועדת היגוי עליונה"
    w.sidebar.setFocus()  # outside a text field, Ctrl+Z is the Edit menu's undo
    qtbot.keyClick(w.sidebar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _body(gui_sample, "steering")[1] == old
    qtbot.keyClick(
        w.sidebar,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _body(gui_sample, "steering")[1] == "ועדת היגוי עליונה"


def test_a_field_being_typed_in_is_saved_when_the_file_closes(main_window, gui_sample):
    w = main_window
    design_id, _old = _body(gui_sample, "design")
    w.navigate("structure", "body", design_id)
    edit = w.views["structure"].body_panel.ui.nameEdit
    edit.setFocus()
    edit.selectAll()
    edit.insert("ועדה מעצבת יישובית")  # no Enter, no Tab: the user closes the file
    w.files.close()
    assert _body(gui_sample, "design")[1] == "ועדה מעצבת יישובית"


def test_recent_files_are_capped_and_forget_missing_ones(tmp_path):
    paths = []
    for n in range(settings.RECENT_MAX + 3):
        path = tmp_path / f"p{n}.kehila"
        path.write_bytes(b"x")
        settings.add_recent(path)
        paths.append(path)
    recent = settings.recent_files()
    assert len(recent) == settings.RECENT_MAX and recent[0].endswith("p10.kehila")
    paths[-1].unlink()
    assert not any(p.endswith("p10.kehila") for p in settings.recent_files())


def test_an_error_while_the_error_dialog_is_up_is_only_logged(app_setup, monkeypatch):
    from kehila_desktop.gui import app as app_module

    def answer_with_another_error(box, buttons):
        try:
            raise ValueError("second")
        except ValueError as exc:
            app_module.exception_hook(type(exc), exc, exc.__traceback__)
        return "ok"

    monkeypatch.setattr(dialogs, "answer", answer_with_another_error)
    try:
        raise RuntimeError("first")
    except RuntimeError as exc:
        app_module.exception_hook(type(exc), exc, exc.__traceback__)
    assert [kind for kind, _ in dialogs.shown] == ["error"]  # one dialog, not a cascade
    log = app_module.crash_log_path().read_text()
    assert "first" in log and "second" in log


def test_the_window_remembers_its_size(qtbot, app_setup):
    from kehila_desktop.gui.mainwindow import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(640, 480)
    first.show()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.restore_geometry()
    assert (second.width(), second.height()) == (640, 480)


def test_quit_when_ready_on_a_missing_file_says_why_and_exits_2(tmp_path, app_env):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kehila_desktop.gui.app",
            str(tmp_path / "missing.kehila"),
            "--quit-when-ready",
            "--language",
            "en",
        ],
        env=app_env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "missing.kehila does not exist" in done.stderr.decode()


def test_overview_counts_findings_and_leads_to_program_settings(main_window, qtbot):
    w = main_window
    overview = w.views["overview"]
    qtbot.waitUntil(lambda: overview.findings_ready)
    problems = sum(f.severity == "problem" for f in overview.findings)
    assert overview.health_summary.text().startswith(f"{problems} בעיות")
    qtbot.mouseClick(overview.edit_settings, Qt.MouseButton.LeftButton)
    assert w.current_view_key() == "structure"
    assert w.views["structure"].tabs.currentIndex() == 1


def test_new_empty_program_from_the_menu_opens_its_settings(main_window, tmp_path, monkeypatch):
    w = main_window
    monkeypatch.setattr(w, "ask_save_path", lambda *a: str(tmp_path / "שכונה"))
    w.act_new.trigger()
    assert w.context.pf.path.name == "שכונה.kehila"
    assert w.current_view_key() == "structure"
    assert w.views["structure"].tabs.currentIndex() == 1
    assert not w.act_undo.isEnabled()  # creating the file is not an undoable edit
