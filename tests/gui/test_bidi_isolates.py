"""Names in another script keep the numbers and brackets around them in place on screen: the
overview's findings and the meeting headings isolate them (FSI … PDI); files and printed
pages (made outside ``isolated_fields``) get none."""

from __future__ import annotations

from kehila_desktop.core.i18n import FSI, PDI, isolated_fields, tr


def test_isolated_fields_wrap_only_text_fields_and_only_inside():
    message = "{person} came to {count} meetings of {body} ({pct}%)."
    fields = {"person": "טל רוזן", "count": 4, "body": "ועדה מעצבת", "pct": 40}
    plain = tr(message, "en", **fields)
    assert FSI not in plain
    with isolated_fields():
        shown = tr(message, "en", **fields)
    assert shown == plain.replace("טל רוזן", f"{FSI}טל רוזן{PDI}").replace(
        "ועדה מעצבת", f"{FSI}ועדה מעצבת{PDI}"
    )
    assert FSI not in tr(message, "en", **fields)  # back to plain after the block


def test_overview_findings_and_meeting_heading_isolate_names(main_window, qtbot):
    w = main_window
    w.set_language("en")
    overview = w.show_view("overview")
    qtbot.waitUntil(lambda: overview.findings_ready)  # checked in a worker, after the paint
    texts = [overview.health.item(r).text() for r in range(overview.health.count())]
    assert any(f"{FSI}ועדה מעצבת{PDI}" in t for t in texts)
    meetings = w.show_view("meetings")
    meetings.table.selectRow(0)
    heading = meetings.panel.heading.text()
    assert heading.startswith(FSI) and PDI in heading


def test_composition_findings_isolate_names(main_window):
    w = main_window
    w.set_language("en")
    people = w.show_view("people")
    people.tabs.setCurrentIndex(2)
    texts = [people.findings.item(r).text() for r in range(people.findings.count())]
    assert texts and all(FSI in t for t in texts if "ועדה" in t)
    assert any(f"{FSI}ועדה מעצבת{PDI}" in t for t in texts)
