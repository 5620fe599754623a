"""The structure diagram draws its arrows ("decides the composition", the work teams'
representatives, "leads and implements") to *the* body of each kind: the first live one,
as the rest of the app means it — not to the last body of the kind."""

from __future__ import annotations

from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.structure.queries import live_body_id
from kehila_desktop.gui.context import AppContext
from kehila_desktop.gui.views.structure.view import View


def test_the_arrows_join_the_first_live_body_of_each_kind(qtbot, qt_isolated, new_file):
    pf = open_program(new_file)
    ops = Operations(pf)
    for kind in ("steering", "design", "program_team"):
        ops.insert("body", {"kind": kind, "name": f"שני {kind}", "position": 99.0})
    the = {k: live_body_id(pf.conn, k) for k in ("steering", "design", "program_team")}
    pf.close()
    view = View(AppContext(open_program(new_file)))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.refresh()
    diagram = view.diagram
    kinds = [b.kind for b in diagram.boxes]
    assert all(kinds.count(k) == 2 for k in the)  # both bodies of each kind are drawn
    linked = diagram.linked_boxes()
    assert {k: linked[k].id for k in the} == the
    assert all(linked[k].name != f"שני {k}" for k in the)
    diagram.grab()  # paints without error, the first body of each kind on top
