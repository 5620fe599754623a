"""The People table has its own capitalised headings ("Name", "Organisation" …) in every
language, while the exported sheet keeps the lowercase column names import reads back."""

from __future__ import annotations


from PySide6.QtCore import Qt

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
