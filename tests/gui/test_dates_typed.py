"""Dates as people write them: D/M/YYYY accepted (ISO too), shown as DD/MM/YYYY, a calendar
pop-up on the date fields, 0-9 digits."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QDate, Qt

from kehila_desktop.core.i18n import parse_date
from kehila_desktop.gui import dialogs


@pytest.mark.parametrize(
    "text,iso",
    [
        ("1/2/2027", "2027-02-01"),
        ("01/02/2027", "2027-02-01"),
        ("31.12.2027", "2027-12-31"),
        ("2027-02-01", "2027-02-01"),
        (" ١/٢/٢٠٢٧ ", "2027-02-01"),
        ("", None),
    ],
)
def test_parse_date_reads_day_first_and_iso(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["31/2/2027", "2/2027", "1/2/27", "tomorrow", "2027-13-01"])
def test_parse_date_refuses_what_is_not_a_date(text):
    with pytest.raises(ValueError):
        parse_date(text)


def _q(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_program_dates_typed_day_first_and_picked_on_the_calendar(main_window, gui_sample, qtbot):
    w = main_window
    program = _q(gui_sample, "SELECT id FROM program")[0][0]
    w.navigate("structure", "program", program)
    panel = w.views["structure"].program_panel
    edit = panel.ui.startEdit
    edit.setText("1/2/2026")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _q(gui_sample, "SELECT start_date FROM program")[0][0] == "2026-02-01"
    qtbot.waitUntil(lambda: edit.text() == "01/02/2026")
    edit.setText("30/2/2026")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert (
        dialogs.shown[-1][0] == "error"
        and "D/M/YYYY" in dialogs.shown[-1][1]
        or "31/1/2027" in dialogs.shown[-1][1]
    )
    assert _q(gui_sample, "SELECT start_date FROM program")[0][0] == "2026-02-01"
    # the calendar pop-up
    edit.property("calendarAction").trigger()
    calendar = edit.property("calendarPopup")
    assert calendar.isVisible() and calendar.selectedDate() == QDate(2026, 2, 1)
    assert calendar.locale().zeroDigit() == "0"
    calendar.clicked.emit(QDate(2026, 3, 15))
    assert _q(gui_sample, "SELECT start_date FROM program")[0][0] == "2026-03-15"
    assert edit.text() == "15/03/2026"
