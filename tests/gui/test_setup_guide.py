"""A new program: File → New starts in Documents; the Overview shows the set-up guide, each
step ticked from the file and opening the place that does it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt

from kehila_desktop.gui import settings


def _new_program(w, tmp_path, monkeypatch):
    asked = {}

    def ask(title, suggested=""):
        asked["suggested"] = suggested
        return str(tmp_path / "שכונה")

    monkeypatch.setattr(w, "ask_save_path", ask)
    w.act_new.trigger()
    return asked["suggested"]


def test_new_starts_in_documents_even_with_the_sample_open(main_window, tmp_path, monkeypatch):
    w = main_window
    suggested = _new_program(w, tmp_path, monkeypatch)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(suggested).parent == Path(documents)
    assert Path(suggested).suffix == ".kehila"
    assert Path(suggested).parent != settings.user_data_dir()
    # with a program open from the app's data folder, Open starts in Documents too
    w.files.open_path(w.context.pf.path)
    assert w._folder() == str(tmp_path)


def test_open_dialog_skips_the_app_data_folder(main_window, tmp_path):
    import shutil

    w = main_window
    inside = settings.user_data_dir() / "sample-copy.kehila"
    shutil.copyfile(w.context.pf.path, inside)
    assert w.files.open_path(inside)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert w._folder() == documents


def _guide_texts(overview):
    return [overview.guide.item(i).text() for i in range(overview.guide.count())]


def test_the_overview_of_a_new_program_shows_the_guide_and_each_step_opens_its_place(
    main_window, tmp_path, monkeypatch, qtbot
):
    w = main_window
    _new_program(w, tmp_path, monkeypatch)
    w.show_view("overview")
    overview = w.views["overview"]
    overview.refresh()
    assert overview.guide.isVisible()
    texts = _guide_texts(overview)
    assert len(texts) == 10 and texts[0].startswith("1. ") and "ועדת ההיגוי" in texts[0]
    assert overview.guide_summary.text().startswith("0 ")
    # step 3: the geographic focus opens the program settings at the areas
    qtbot.mouseClick(
        overview.guide.viewport(),
        Qt.MouseButton.LeftButton,
        pos=overview.guide.visualItemRect(overview.guide.item(2)).center(),
    )
    assert w.current_view_key() == "structure"
    structure = w.views["structure"]
    assert structure.tabs.currentIndex() == 1
    editor = structure.program_panel.areas
    assert editor.new_name.hasFocus()
    editor.new_name.setText("נווה שאנן")
    qtbot.keyClick(editor.new_name, Qt.Key.Key_Return)
    editor.list.item(0).setCheckState(Qt.CheckState.Checked)
    w.show_view("overview")
    qtbot.waitUntil(lambda: overview.guide_summary.text().startswith("1 "))
    assert overview.guide.item(2).toolTip() == "השלב בוצע"
    # step 8 opens the print window on the role letters
    overview.guide.itemActivated.emit(overview.guide.item(7))
    window = w.printing.print_window
    assert window is not None and window.handout.currentData() == "role-letter"
    window.close()


def test_the_sample_program_shows_no_guide(main_window):
    w = main_window
    w.show_view("overview")
    overview = w.views["overview"]
    overview.refresh()
    assert not overview.guide.isVisible() and not overview.guide_heading.isVisible()


def test_the_guide_arrows_point_in_the_reading_direction(main_window, tmp_path, monkeypatch, qtbot):
    """A step to do has an arrow pointing the way the language reads: ◀ in Hebrew and Arabic,
    ▶ in English."""
    from PySide6.QtWidgets import QStyle

    w = main_window
    _new_program(w, tmp_path, monkeypatch)
    for language, arrow in (
        ("he", QStyle.StandardPixmap.SP_ArrowLeft),
        ("ar", QStyle.StandardPixmap.SP_ArrowLeft),
        ("en", QStyle.StandardPixmap.SP_ArrowRight),
    ):
        w.set_language(language)
        overview = w.show_view("overview")
        overview.refresh()
        to_do = [
            overview.guide.item(i)
            for i in range(overview.guide.count())
            if not overview.guide_steps[i].done
        ]
        assert to_do
        wanted = overview.style().standardIcon(arrow).pixmap(16).toImage()
        for item in to_do:
            assert item.icon().pixmap(16).toImage() == wanted, (language, item.text())
