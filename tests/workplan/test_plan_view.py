"""The work-plan view, as a user: build a plan in a new channel, reorder, undo, approve
through a steering decision, export, reopen — the workbook holds what the view showed."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit

from kehila_desktop.core.structure.edits import set_chosen_channels
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.workplan.budget import shekels
from kehila_desktop.gui.context import AppContext
from kehila_desktop.gui.views.workplan.view import View


@pytest.fixture
def opened(new_file):
    pf = open_program(new_file)
    ops = Operations(pf)
    set_chosen_channels(ops, ["social"])
    ops.forget_undo()
    yield new_file, pf, ops
    pf.close()


def make_view(qtbot, pf, ops):
    context = AppContext(pf, ops)
    view = View(context)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    return view


def type_title(qtbot, view, text):
    """Type into the in-place editor that adding an item opens, then press Enter."""
    editors = [e for e in view.tree.findChildren(QLineEdit) if e.isVisible()]
    assert editors, "adding an item opens its title for typing"
    editors[-1].selectAll()
    editors[-1].insert(text)  # (QTest types ASCII only)
    qtbot.keyClick(editors[-1], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: text in titles(view), timeout=20000)


def shown_rows(view):
    """Every row of the tree as the user sees it: depth and the text of each column."""
    model, out = view.model, []

    def walk(parent, depth):
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            out.append(
                (depth, [model.index(r, c, parent).data() for c in range(model.columnCount())])
            )
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return out


def titles(view):
    return [cells[0] for _d, cells in shown_rows(view)]


def press(qtbot, view, key, modifier=Qt.KeyboardModifier.NoModifier):
    view.tree.setFocus()
    qtbot.keyClick(view.tree, key, modifier)


def test_build_reorder_undo_approve_export_reopen(qtbot, opened, tmp_path, monkeypatch):
    path, pf, ops = opened
    view = make_view(qtbot, pf, ops)
    assert view.channel.currentText() == "חברתי"
    assert view.approval.text() == "טרם אושרה בוועדת ההיגוי."

    qtbot.mouseClick(view.buttons["add_goal"], Qt.MouseButton.LeftButton)
    type_title(qtbot, view, "חוסן קהילתי")
    press(qtbot, view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    type_title(qtbot, view, "מתנדבים בכל שכונה")
    press(qtbot, view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    type_title(qtbot, view, "סדנת הכשרה")
    press(qtbot, view, Qt.Key.Key_Insert)
    type_title(qtbot, view, "יום התנדבות")
    assert titles(view) == ["חוסן קהילתי", "מתנדבים בכל שכונה", "סדנת הכשרה", "יום התנדבות"]

    # the second action's owner, quarters and budget, in the editor beside the tree
    form = view.editor.forms["action"]
    assert view.editor.currentWidget() is form
    form.owner.setCurrentIndex(
        form.owner.findText("social work team", Qt.MatchFlag.MatchContains)
        if form.owner.findText("social work team") >= 0
        else 1
    )
    form.start.setCurrentIndex(1)
    form.end.setCurrentIndex(2)
    form.budget.setValue(12500)
    form.budget.editingFinished.emit()
    form.source.setText("=משרד הרווחה")
    form.source.setModified(True)
    form.source.editingFinished.emit()
    rows = shown_rows(view)
    assert rows[3][1][9] == "₪ 12,500" and rows[3][1][10] == "=משרד הרווחה"

    press(qtbot, view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(view)[2:] == ["יום התנדבות", "סדנת הכשרה"]
    assert view.current_node().cells[0] == "יום התנדבות"
    ops.undo()  # Edit ▸ Undo
    assert titles(view)[2:] == ["סדנת הכשרה", "יום התנדבות"]

    monkeypatch.setattr(
        view, "ask_approval", lambda: {"meeting_id": None, "text": "תוכנית העבודה אושרה"}
    )
    qtbot.mouseClick(view.approve_button, Qt.MouseButton.LeftButton)
    assert view.approval.text().startswith("אושרה בהחלטת ועדת ההיגוי")
    decision = pf.conn.execute(
        "SELECT d.kind, d.text, b.kind FROM decision d JOIN meeting m ON m.id=d.meeting_id "
        "JOIN body b ON b.id=m.body_id WHERE d.deleted=0"
    ).fetchall()
    assert decision == [("work_plan", "תוכנית העבודה אושרה", "steering")]
    view.select(view.model.root.children[0].children[0].children[0].item_id)
    form.budget.setValue(9000)
    form.budget.editingFinished.emit()
    assert view.approval.text().startswith("השתנתה מאז")
    assert shown_rows(view)[2][1][12] == "שונתה אחרי האישור"

    out = tmp_path / "plan.xlsx"
    monkeypatch.setattr(view, "ask_export_path", lambda: str(out))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    shown = shown_rows(view)
    sheet = openpyxl.load_workbook(out)["חברתי"]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(values) if r[0] == "רמה") + 1
    exported = []
    for row in values[start:]:
        cells = ["" if v is None else (shekels(v) if isinstance(v, int) else v) for v in row[1:]]
        exported.append(cells)
    assert exported == [cells for _d, cells in shown]
    assert [r[0] for r in values[start:]] == ["מטרה", "יעד", "פעולה", "פעולה"]

    pf.close()
    pf2 = open_program(path)
    try:
        again = make_view(qtbot, pf2, Operations(pf2))
        assert shown_rows(again) == shown
        assert again.approval.text().startswith("השתנתה מאז")
    finally:
        pf2.close()
