"""The Overview paints before the health rules run: the cheap parts at once, "checking…" in
the health list, then the findings from a worker thread; a result read before an edit is
dropped."""

from __future__ import annotations

from kehila_desktop.core import health
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.i18n import isolated_fields


def test_overview_shows_checking_then_the_findings(main_window, qtbot):
    overview = main_window.show_view("overview")
    qtbot.waitUntil(lambda: overview.findings_ready)
    overview.refresh()
    assert not overview.findings_ready  # the rules have not run on the paint path
    assert overview.heading.text()  # the program facts are there at once
    assert overview.health.count() == 1
    assert overview.health.item(0).text() == "בודקים את התוכנית…"
    qtbot.waitUntil(lambda: overview.findings_ready)
    assert overview.health.count() >= 3
    with isolated_fields():
        assert overview.findings == health.findings(main_window.context.pf.conn, "he")


def test_a_check_that_read_the_file_before_an_edit_is_dropped(main_window, qtbot):
    w = main_window
    overview = w.show_view("overview")
    qtbot.waitUntil(lambda: overview.findings_ready)
    assert "no_scope" not in {f.code for f in overview.findings}
    before = overview.findings
    overview.refresh()  # a check is under way …
    stale = overview._generation
    pid = w.context.pf.conn.execute("SELECT id FROM program").fetchone()[0]
    w.context.run("clear scope", lambda ops: ops.update("program", pid, {"scope": ""}))
    overview._findings_arrived(stale, before)  # … and its answer comes after the edit
    assert not overview.findings_ready
    qtbot.waitUntil(lambda: overview.findings_ready)
    assert "no_scope" in {f.code for f in overview.findings}


def test_findings_in_file_reads_what_the_open_connection_reads(gui_sample):
    with open_program(gui_sample) as pf:
        assert health.findings_in_file(pf.path, "en") == health.findings(pf.conn, "en")
