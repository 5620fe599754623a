"""The composition decision's member list (pytest-qt, a real program file): it shows at least
eight candidates at a time and "Select all proposed" ticks those put forward."""

from __future__ import annotations

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
