"""The composition decision's member list (pytest-qt, a real program file): it shows at least
eight candidates at a time and "Select all proposed" ticks those put forward."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def test_the_member_list_shows_eight_rows_and_selects_all_proposed(new_file, qtbot):
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.history.operations import Operations
    from kehila_desktop.gui.views.meetings.payload_editor import PayloadEditor

    pf = open_program(new_file)
    try:
        ops = Operations(pf)
        design = pf.conn.execute("SELECT id FROM body WHERE kind='design'").fetchone()[0]
        with ops.step("setup: twelve candidates, half of them proposed"):
            for i in range(12):
                pid = ops.insert("person", {"name": f"Candidate {i:02}"})
                status = "proposed" if i % 2 else "mapped"
                ops.insert("membership", {"person_id": pid, "body_id": design, "status": status})
        editor = PayloadEditor()
        qtbot.addWidget(editor)
        editor.load(pf.conn)
        editor.set_kind("composition", True)
        editor.show()
        box = editor.members
        for i in range(box.count()):
            box.item(i).setCheckState(Qt.CheckState.Unchecked)
        row = box.sizeHintForRow(0)
        assert box.viewport().height() >= 8 * row
        qtbot.mouseClick(editor.select_proposed, Qt.MouseButton.LeftButton)
        checked = [
            box.item(i).text()
            for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked
        ]
        assert len(checked) == 6 and all(f"{i:02}" in " ".join(checked) for i in range(1, 12, 2))
    finally:
        pf.close()


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_the_composition_list_is_in_view_under_the_votes(sample_window, code, size):
    """Choosing "design-committee composition" at a steering meeting shows the member list
    whole in the meeting panel without scrolling (it was pushed below the fold at 768 pixels,
    under a decision list grown tall and empty)."""
    from PySide6.QtWidgets import QApplication

    window = sample_window
    conn = window.context.pf.conn
    meeting = conn.execute(
        "SELECT m.id FROM live_meeting m JOIN live_body b ON b.id=m.body_id "
        "WHERE b.kind='steering' ORDER BY m.starts_at DESC"
    ).fetchone()[0]
    window.set_language(code)
    window.resize(*size)
    view = window.show_view("meetings")
    view.navigate("meeting", meeting)
    panel = view.panel
    panel.tabs.setCurrentWidget(panel.decisions)
    form = panel.decisions.form
    form.kind.setCurrentIndex(form.kind.findData("composition"))
    for _ in range(3):
        QApplication.processEvents()
    box = form.payload_editor.members
    assert box.isVisible() and box.count() >= 1
    viewport = view.panel_scroll.viewport()
    assert view.panel_scroll.verticalScrollBar().value() == 0
    top_left = box.mapTo(viewport, box.rect().topLeft())
    bottom = top_left.y() + box.height()
    assert 0 <= top_left.y() and bottom <= viewport.height(), (
        top_left.y(),
        bottom,
        viewport.height(),
    )
    # several candidates at a time (rows of Hebrew names in a Latin font are taller than the
    # font's line: about six of them, the eight above being for one-script names)
    assert box.viewport().height() >= 6 * box.sizeHintForRow(0)
