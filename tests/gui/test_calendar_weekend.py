"""The meetings' month calendar marks the Israeli weekend: Friday and Saturday, not Sunday."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_friday_and_saturday_are_the_weekend(main_window):
    calendar = main_window.show_view("meetings").calendar
    day = Qt.DayOfWeek

    def colour(d):
        return calendar.weekdayTextFormat(d).foreground().color().name()

    assert colour(day.Friday) == colour(day.Saturday)
    assert colour(day.Sunday) == colour(day.Monday) != colour(day.Saturday)
