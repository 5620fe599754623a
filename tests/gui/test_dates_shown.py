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
