"""Numbers and dates in the meetings editors use 0-9 in Arabic too (Qt's Arabic locale would
write ٠-٩), with Arabic month names kept in the calendars, also after a language switch."""

from __future__ import annotations

import pytest

from kehila_desktop.gui.language import apply_language
from kehila_desktop.gui.views.meetings.view import View

from .gui_helpers import build_small_program, context_on

ARABIC_INDIC = set("٠١٢٣٤٥٦٧٨٩")


@pytest.fixture
def back_to_hebrew(he_app):
    yield he_app
    apply_language("he", remember=False)


def _view(qtbot, path):
    view = View(context_on(path))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    return view


def _assert_latin(view):
    panel = view.panel
    assert panel.when.text() == "04/01/2027 10:00"  # day first, as people write it
    shown = {view.model.index(r, 0).data() for r in range(view.model.rowCount())}
    assert "04/01/2027 10:00" in shown  # the list of meetings writes it the same way
    assert panel.minutes.text() == "60"
    assert panel.agenda.minutes_spin.text() in {"10", "30"}
    assert panel.decisions.form.spins["for"].text() == "0"
    assert not ARABIC_INDIC & set(panel.decisions.item_form.due.text())
    calendar = view.calendar
    assert calendar.locale().zeroDigit() == "0"
    assert calendar.locale().monthName(12) == "ديسمبر"  # still Arabic
    assert calendar.firstDayOfWeek().name == "Sunday"


def test_meeting_editors_write_latin_digits_in_arabic(qtbot, back_to_hebrew, new_file):
    ids = build_small_program(new_file)
    apply_language("ar", remember=False)
    view = _view(qtbot, new_file)
    view.panel.load(ids["meeting"])
    view.panel.agenda.tree.setCurrentItem(view.panel.agenda.tree.topLevelItem(0))
    _assert_latin(view)


def test_latin_digits_survive_a_switch_from_hebrew_to_arabic(qtbot, back_to_hebrew, new_file):
    ids = build_small_program(new_file)
    view = _view(qtbot, new_file)
    apply_language("ar", remember=False)
    view.retranslate()
    view.panel.load(ids["meeting"])
    view.panel.agenda.tree.setCurrentItem(view.panel.agenda.tree.topLevelItem(0))
    _assert_latin(view)
