"""Start-up paints the window before building what it does not show (issue 18): Qt's enum
namespace is not built before the first paint, and the window built in two steps has the same
menus, shortcuts and welcome page as one built at once."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from kehila_desktop.gui import firstpaint

# Runs the app up to its first paint and prints the enum types PySide built by then.
_PROBE = r"""
import enum, os, sys, time
os.environ["KEHILA_T0"] = repr(time.time())
built = []
create = enum.EnumType._create_
def _create_(cls, class_name, *args, **kwargs):
    built.append(class_name)
    return create(cls, class_name, *args, **kwargs)
enum.EnumType._create_ = _create_
import kehila_desktop.gui.app as app
def mark(what):
    if what == "first-paint":
        print("BUILT", " ".join(built), flush=True)
        os._exit(0)
app._mark = mark
sys.exit(app.main(sys.argv[1:]))
"""


def test_the_values_set_before_the_first_paint_are_the_enums():
    assert firstpaint.PLAIN_TEXT == Qt.TextFormat.PlainText.value
    assert firstpaint.ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value
    assert firstpaint.RIGHT_TO_LEFT == Qt.LayoutDirection.RightToLeft.value
    assert firstpaint.LEFT_TO_RIGHT == Qt.LayoutDirection.LeftToRight.value
    assert firstpaint.USER_ROLE == Qt.ItemDataRole.UserRole.value


def test_the_first_paint_does_not_build_qt_enum_namespace(gui_sample, app_env):
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(gui_sample), "--quit-when-ready"],
        env=app_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("BUILT")]
    assert lines, done.stderr
    built = set(lines[0].split()[1:])
    assert "QCborKnownTags" in built  # the probe sees PySide build enums
    assert not built & {"AlignmentFlag", "Key", "LayoutDirection", "TextFormat"}


def test_a_window_built_in_two_steps_has_the_same_menus_and_shortcuts(qtbot, app_setup, gui_sample):
    from kehila_desktop.gui.mainwindow import MainWindow

    def menu(window):
        return [(a.text(), a.shortcut().toString()) for a in window.file_menu.actions()]

    later = MainWindow(unseen_later=True)
    qtbot.addWidget(later)
    later.show_opening(str(gui_sample))
    later.show()
    qtbot.waitExposed(later)
    assert later.stack.currentWidget() is later.opening
    assert gui_sample.name in later.opening.text()
    # what works before the rest is built: Open… (Ctrl+O) and Undo (Ctrl+Z)
    assert later.act_open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert later.act_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert later.files.open_path(gui_sample)
    later.build_unseen()
    later.build_unseen()  # once: no second set of actions
    built_later = menu(later)
    later.files.close()
    assert later.pages.currentWidget() is later.welcome
    assert later.welcome_recent.count() >= 1  # the file just opened is a recent one

    at_once = MainWindow()
    qtbot.addWidget(at_once)
    assert at_once.files.open_path(gui_sample)
    assert built_later == menu(at_once)
    assert "Ctrl+P" in [key for _, key in built_later]
    at_once.files.close()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
