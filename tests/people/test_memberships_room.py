"""The memberships panel under the people table gets its room: on a 1024x768 (and 1366x768)
screen it shows at least six memberships without scrolling (it showed about three), in every
language, and the people table above keeps several rows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kehila_desktop.gui.language import apply_language

ROWS = 6


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_six_memberships_are_seen_without_scrolling(sample_window, code, size):
    window = sample_window
    apply_language(code, remember=False)
    window.resize(*size)
    view = window.show_view("people")
    view.table.selectAll()  # everyone's memberships: many more than six rows
    QApplication.processEvents()
    table = view.memberships.table
    assert table.rowCount() > ROWS
    seen = table.viewport().rect()
    for row in range(ROWS):
        cell = table.visualRect(table.model().index(row, 1))
        assert seen.contains(cell), (row, cell, seen)  # the whole row is in view
    people = view.table
    assert people.viewport().height() >= 8 * people.verticalHeader().defaultSectionSize()
