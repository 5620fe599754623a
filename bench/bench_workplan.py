"""The work-plan view on a plan of 2,000 actions, beside raw sqlite3 and a bare QTreeWidget.

Figures: reading the plan tree (``read_plans``) beside raw sqlite3 fetching the same rows;
opening and expanding the whole tree (read, model, ``expandAll``) beside a bare QTreeWidget
filled and expanded with the same rows; opening the whole view (tree, editor, timeline,
budget, approval status) and painting it once. Target: open and expand under 150 ms.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import best_of

_CACHE = Path(tempfile.gettempdir()) / "kehila-bench"
GOALS, OBJECTIVES_PER_GOAL, ACTIONS = 20, 5, 2000


def plan_program() -> Path:
    """A program whose four channels hold 2,000 actions in all (built once, then reused)."""
    from kehila_desktop.core.workplan import plans as wp
    from kehila_desktop.core.structure.edits import set_chosen_channels
    from kehila_desktop.core.file.create import create_program

    _CACHE.mkdir(exist_ok=True)
    path = _CACHE / f"plan-{ACTIONS}.kehila"
    if path.exists():
        return path

    def populate(ops):
        set_chosen_channels(ops, ["economic", "urban", "social", "educational"])
        channels = [cid for cid, _k, _c in wp.channel_rows(ops.conn)]
        area = ops.insert("area", {"name": "שכונה"})
        objectives = []
        with ops.step("bench plan"):
            for g in range(GOALS):
                goal = ops.insert("goal", {"channel_id": channels[g % 4], "position": g,
                                           "title": f"מטרה {g + 1}"})
                for o in range(OBJECTIVES_PER_GOAL):
                    objectives.append(ops.insert("objective", {
                        "goal_id": goal, "position": o, "title": f"יעד {g + 1}.{o + 1}",
                        "indicator": "מדד"}))
            for a in range(ACTIONS):
                action = ops.insert("action", {
                    "objective_id": objectives[a % len(objectives)], "position": a,
                    "title": f"פעולה {a + 1}", "start_quarter": f"2027Q{1 + a % 4}",
                    "end_quarter": f"2028Q{1 + a % 4}", "budget": 1000 * (1 + a % 50),
                    "budget_source": "הרשות" if a % 3 else "משרד הרווחה"})
                ops.insert("action_area", {"action_id": action, "area_id": area})

    create_program(path, populate=populate)
    return path


def run(report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTreeView, QTreeWidget, QTreeWidgetItem

    from kehila_desktop.core.workplan import plans as wp
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.gui.context import AppContext
    from kehila_desktop.gui.views.workplan.tree_model import PlanTreeModel
    from kehila_desktop.gui.views.workplan.view import View

    path = plan_program()
    app = QApplication.instance() or QApplication([])
    pf = open_program(path, read_only=True)
    raw = sqlite3.connect(path)
    count = raw.execute("SELECT count(*) FROM action WHERE deleted=0").fetchone()[0]
    report.note(f"{count} actions")

    queries = ["SELECT * FROM goal WHERE deleted=0 ORDER BY position",
               "SELECT * FROM objective WHERE deleted=0 ORDER BY position",
               "SELECT * FROM action WHERE deleted=0 ORDER BY position",
               "SELECT * FROM action_area WHERE deleted=0"]
    raw_read = best_of(lambda: [raw.execute(q).fetchall() for q in queries])
    report.add("work plan: read the tree (2,000 actions)",
               best_of(lambda: wp.read_plans(pf.conn)), "raw sqlite3: the same rows", raw_read,
               4)

    rows = raw.execute("SELECT a.title, o.title, g.title FROM action a JOIN objective o ON "
                       "o.id=a.objective_id JOIN goal g ON g.id=o.goal_id").fetchall()
    bare = QTreeWidget()
    bare.setColumnCount(13)
    bare.resize(1200, 700)
    bare.show()

    def bare_tree():
        bare.clear()
        parents = {}
        for action, objective, goal in rows:
            if goal not in parents:
                parents[goal] = QTreeWidgetItem(bare, [goal])
            key = (goal, objective)
            if key not in parents:
                parents[key] = QTreeWidgetItem(parents[goal], [objective])
            QTreeWidgetItem(parents[key], [action] + [""] * 12)
        bare.expandAll()
        app.processEvents()

    context = AppContext(pf)
    tree = QTreeView()
    model = PlanTreeModel(context)
    tree.setModel(model)
    tree.setUniformRowHeights(True)
    tree.resize(1200, 700)
    tree.show()

    def open_and_expand():
        plans = wp.read_plans(pf.conn)
        model.set_plans(plans, {}, {}, False)
        tree.expandAll()
        app.processEvents()

    took = best_of(open_and_expand)
    report.add("work plan: open + expand the tree", took, "bare QTreeWidget: fill + expand",
               best_of(bare_tree), 3)
    report.note(f"  target: under 150 ms — {'ok' if took < 0.150 else 'OVER'} "
                f"({took * 1000:.0f} ms)")

    def whole_view():
        view = View(context)
        view.resize(1300, 800)
        view.show()
        view.repaint()
        app.processEvents()
        view.close()
        view.deleteLater()

    start = time.perf_counter()
    whole_view()
    first = time.perf_counter() - start
    report.add("work plan: the whole view, first open", first, "the tree alone", took)
    report.add("work plan: the whole view, opened again", best_of(whole_view, 3),
               "the tree alone", took)
    pf.close()
    raw.close()
