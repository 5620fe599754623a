"""Dates and times as the GUI shows them: the user's month and day names, 0-9 digits, and
the Arabic comma in Arabic."""

from __future__ import annotations

import pytest

from kehila_desktop.gui.language import apply_language
from kehila_desktop.gui.widgets import format_date, format_datetime


@pytest.mark.parametrize(
    "code, date, moment",
    [
        ("he", "6 דצמבר 2026", "יום ראשון 6 דצמבר 2026, 09:30"),
        ("ar", "6 ديسمبر 2026", "الأحد 6 ديسمبر 2026، 09:30"),
        ("en", "6 December 2026", "Sunday 6 December 2026, 09:30"),
    ],
)
def test_dates_and_times_in_each_language(app_setup, code, date, moment):
    apply_language(code, remember=False)
    assert format_date("2026-12-06") == date
    assert format_datetime("2026-12-06T09:30") == moment


@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_one_set_of_month_names_on_screen_in_the_calendar_and_on_paper(
    app_setup, sample_template, code, tmp_path
):
    """The month names of the calendar pop-up, the date labels and the printed meeting
    calendar are the same (Arabic: يناير … as Qt's calendar shows them, not كانون الثاني)."""
    import sqlite3

    from PySide6.QtWidgets import QCalendarWidget

    from kehila_desktop.core.i18n import month_name
    from kehila_desktop.printing import build
    from kehila_desktop.printing.engine.bidi import visual
    from kehila_desktop.printing.engine.shaping import shape
    from kehila_desktop.gui.widgets import use_latin_digits
    from tests.printing.pdftext import all_segments

    apply_language(code, remember=False)
    calendar = QCalendarWidget()
    use_latin_digits(calendar)
    for month in range(1, 13):
        shown = calendar.locale().standaloneMonthName(month)
        assert month_name(month) == shown, (month, shown)
        assert shown in format_date(f"2027-{month:02d}-15")
    path = sample_template
    conn = sqlite3.connect(path)
    first = conn.execute("SELECT min(starts_at) FROM meeting WHERE deleted=0").fetchone()[0]
    conn.close()
    out = tmp_path / "calendar.pdf"
    build("calendar", path, out, language=code)
    heading = f"{month_name(int(first[5:7]), code)} {first[:4]}"
    assert visual(shape(heading), code != "en") in all_segments(out)
