"""The goals, objectives and actions table fits beside its editor on a 1024×768 screen in
every language: each column it shows is inside the table, whole headers, nothing cut off."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_every_column_of_the_plan_table_is_inside_it(main_window, qtbot, language, size):
    window = main_window
    from kehila_desktop.core.workplan.table import COLUMN_KEYS

    window.set_language(language)
    view = window.show_view("workplan")
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: view.tree.viewport().width() > 800)
    wide = view.tree.viewport().width()
    window.resize(*size)  # narrower: the headers wrap onto more lines
    tree, header = view.tree, view.tree.header()
    qtbot.waitUntil(lambda: tree.viewport().width() < wide)
    indicator = COLUMN_KEYS.index("indicator")
    assert not tree.isColumnHidden(indicator)
    width = tree.viewport().width()
    shown = [n for n in range(header.count()) if not tree.isColumnHidden(n)]
    for n in shown:
        start = header.sectionViewportPosition(n)
        name = header.model().headerData(n, header.orientation())
        assert 0 <= start and start + header.sectionSize(n) <= width, (name, start, width)
        assert header.lines_fit(n), name  # the header's label is whole
    assert header.sectionSize(0) >= 150  # the items' titles keep room
