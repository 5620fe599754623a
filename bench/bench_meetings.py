"""The meetings view on a 5,000-person program (hundreds of meetings, tens of thousands of
attendance rows), beside raw sqlite3.

Figures: reading the meetings list (meetings with agenda totals and attendance rates:
``list_model.meeting_rows``) beside raw sqlite3 running the same three queries without any
Python objects; members' attendance rates (``core.meetings.member_rates``) beside its raw
query; one filter change (body, status, text) through the table model and the month
calendar's marks; and opening the whole view (lists, calendar, detail of one meeting, first
paint). Target: opening and filtering under 100 ms.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time

from bench.common import best_of, big_program


def run(report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kehila_desktop.core.meetings import records as mt
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.gui.context import AppContext
    from kehila_desktop.gui.views.meetings.list_model import meeting_rows

    path = big_program(5000)
    app = QApplication.instance() or QApplication([])
    pf = open_program(path, read_only=True)
    raw = sqlite3.connect(path)
    counts = {
        t: raw.execute(f"SELECT count(*) FROM {t} WHERE deleted=0").fetchone()[0]
        for t in ("person", "membership", "meeting", "attendance", "agenda_item")
    }
    report.note(", ".join(f"{n} {t}" for t, n in counts.items()))

    list_sql = (
        "SELECT m.id, m.body_id, b.name, m.starts_at, m.minutes, m.kind, m.status, m.place, "
        "m.schedule_note, coalesce(a.total, 0) FROM meeting m JOIN body b ON b.id=m.body_id "
        "LEFT JOIN (SELECT meeting_id, sum(minutes) AS total FROM agenda_item WHERE deleted=0 "
        "GROUP BY meeting_id) a ON a.meeting_id=m.id WHERE m.deleted=0 AND b.deleted=0 "
        "ORDER BY m.starts_at"
    )
    came_sql = (
        "SELECT a.meeting_id, count(*) FROM attendance a JOIN meeting mt ON mt.id=a.meeting_id "
        "WHERE a.deleted=0 AND a.person_id IS NOT NULL AND a.status IN ('present','late') "
        "AND mt.deleted=0 AND mt.status='held' GROUP BY a.meeting_id"
    )
    spans_sql = (
        "SELECT m.body_id, m.joined_on, m.left_on FROM membership m WHERE m.deleted=0 "
        "AND m.status='joined'"
    )
    held_sql = "SELECT id, body_id, starts_at FROM meeting WHERE deleted=0 AND status='held'"

    def raw_list():
        for sql in (list_sql, came_sql, spans_sql, held_sql):
            raw.execute(sql).fetchall()

    raw_read = best_of(raw_list)
    report.add(
        "meetings list: rows + attendance rates",
        best_of(lambda: meeting_rows(pf.conn)),
        "raw sqlite3: the same four queries",
        raw_read,
        3,
    )
    raw_members = best_of(
        lambda: raw.execute(
            "SELECT mt.body_id, a.person_id, substr(mt.starts_at,1,10), a.status FROM attendance a "
            "JOIN meeting mt ON mt.id=a.meeting_id WHERE a.deleted=0 AND a.person_id IS NOT NULL "
            "AND mt.deleted=0 AND mt.status='held'"
        ).fetchall()
    )
    report.add(
        "members' attendance rates (all bodies)",
        best_of(lambda: mt.member_rates(pf.conn)),
        "raw sqlite3: its attendance query",
        raw_members,
        3,
    )

    from kehila_desktop.gui.views.meetings.view import View

    context = AppContext(pf)
    painted: list[float] = []
    complete: list[float] = []

    def open_view():
        start = time.perf_counter()
        view = View(context)
        view.resize(1400, 860)
        view.show()
        view.repaint()  # the first paint, synchronously: list, month, the meeting's detail
        painted.append(time.perf_counter() - start)
        app.processEvents()  # then the attendance column, filled just after
        complete.append(time.perf_counter() - start)
        view.close()
        view.deleteLater()
        app.processEvents()

    best_of(open_view, 7)
    paint, full = statistics.median(painted[1:]), statistics.median(complete[1:])
    report.add(
        "open the meetings view: first paint", paint, "raw sqlite3: the list's queries", raw_read
    )
    report.add(
        "open the meetings view: with attendance rates",
        full,
        "raw sqlite3: the list's queries",
        raw_read,
    )
    worst = max(painted[1:])
    report.note(
        f"open: first paint median {paint * 1000:.1f} ms (worst {worst * 1000:.1f}),"
        f" complete median {full * 1000:.1f} ms (target < 100 ms): "
        + ("ok" if paint < 0.1 else "OVER")
    )

    view = View(context)
    view.resize(1400, 860)
    view.show()
    app.processEvents()
    bodies = [view.body_filter.itemData(i) for i in range(view.body_filter.count())]
    statuses = [view.status_filter.itemData(i) for i in range(view.status_filter.count())]
    steps = (
        [("body", i) for i in range(len(bodies))]
        + [("status", i) for i in range(len(statuses))]
        + [("text", t) for t in ("2026-0", "ועדה", "")]
    )
    times = []
    for what, value in steps:
        start = time.perf_counter()
        if what == "body":
            view.body_filter.setCurrentIndex(value)
        elif what == "status":
            view.status_filter.setCurrentIndex(value)
        else:
            view.search.setText(value)
        app.processEvents()
        times.append(time.perf_counter() - start)
    raw_filter = best_of(
        lambda: raw.execute(
            list_sql.replace("ORDER BY", "AND m.body_id=? ORDER BY"), (bodies[-1],)
        ).fetchall()
    )
    report.add(
        "one filter change (mean, with repaint)",
        sum(times) / len(times),
        "raw sqlite3: the list for one body",
        raw_filter,
    )
    report.note(
        f"worst filter change {max(times) * 1000:.1f} ms (target < 100 ms): "
        + ("ok" if max(times) < 0.1 else "OVER")
    )
    view.close()
    pf.close()
    raw.close()
