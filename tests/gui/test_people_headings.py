"""The People table has its own capitalised headings ("Name", "Organisation" …) in every
language, while the exported sheet keeps the lowercase column names import reads back."""

from __future__ import annotations


import pytest

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle

from kehila_desktop.core.people.sheet_io import people_table


def _headings(view) -> list[str]:
    model = view.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_people_headings_are_capitalised_and_export_keeps_its_names(main_window, gui_sample):
    w = main_window
    w.set_language("en")
    view = w.show_view("people")
    assert _headings(view) == [
        "Name",
        "Organisation",
        "Sector",
        "Neighbourhood / area",
        "Community",
        "Bodies",
        "Pipeline status",
        "Phone",
        "E-mail",
    ]
    w.set_language("he")
    assert _headings(view)[:2] == ["שם", "ארגון"]
    from kehila_desktop.core.file.programfile import open_program

    with open_program(gui_sample, read_only=True) as pf:
        assert people_table(pf.conn, "en")[0][:2] == ["name", "organisation"]


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_who_sits_where_shows_every_body_name_whole(main_window, qtbot, language, size):
    """The matrix's column headings wrap instead of cutting a body's name
    ("ת התוכנית (צוות מוב")."""
    w = main_window
    w.resize(*size)
    w.set_language(language)
    view = w.show_view("people")
    view.tabs.setCurrentIndex(1)
    header = view.matrix.horizontalHeader()
    qtbot.waitUntil(lambda: header.count() > 0 and header.isVisible())
    view.matrix.grab()
    model, metrics = view.matrix.model(), header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for column in range(header.count()):
        name = model.headerData(column, Qt.Orientation.Horizontal)
        room = header.sectionSize(column) - 2 * margin
        used = metrics.boundingRect(QRect(0, 0, room, 10**5), int(Qt.TextFlag.TextWordWrap), name)
        assert used.width() <= room and used.height() + 2 * margin <= header.height(), name


def test_a_cut_who_sits_where_cell_has_its_whole_text_as_a_tooltip(main_window, qtbot):
    w = main_window
    w.resize(1024, 768)
    view = w.show_view("people")
    view.tabs.setCurrentIndex(1)
    model = view.matrix.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    filled = [
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data()
    ]
    assert filled
    for index in filled:
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
