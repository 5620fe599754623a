"""The print window from the File menu: the handout the view suggests, built on a worker
thread, previewed page by page, exported, printed to a PDF printer, cancelled."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from kehila_desktop.core.i18n import tr


def _action(window, text):
    found = [a for a in window.file_menu.actions() if a.text() == text]
    assert found, f"{text!r} is not in the File menu"
    return found[0]


def _built(qtbot, win, timeout=20000):
    qtbot.waitUntil(lambda: not win.busy and win.built is not None, timeout=timeout)
    return win.built


def _pdf_pages(path):
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages), "\n".join(p.extract_text() or "" for p in pdf.pages)


def _design_meeting(window):
    return window.context.pf.conn.execute(
        "SELECT m.id FROM meeting m JOIN body b ON b.id=m.body_id WHERE b.kind='design' "
        "AND m.deleted=0 AND m.status='held' AND EXISTS (SELECT 1 FROM agenda_item a "
        "WHERE a.meeting_id=m.id AND a.deleted=0) ORDER BY m.starts_at LIMIT 1"
    ).fetchone()[0]


@pytest.fixture
def agenda_window(qtbot, main_window):
    """The print window opened with File → Print… from the Meetings view on a chosen
    meeting; the agenda built."""
    meetings = main_window.show_view("meetings")
    meeting = _design_meeting(main_window)
    meetings.select_meeting(meeting)
    _action(main_window, tr("Print…")).trigger()
    win = main_window.printing.print_window
    assert win is not None and win.isVisible()
    _built(qtbot, win)
    win.chosen_meeting = meeting
    return win


def test_file_menu_has_print_and_export(main_window):
    assert _action(main_window, tr("Print…")).shortcut() == QKeySequence(
        QKeySequence.StandardKey.Print
    )
    assert _action(main_window, tr("Export PDF…")).shortcut() == QKeySequence("Ctrl+Shift+E")
    assert _action(main_window, tr("Print…")).isEnabled()


def test_print_from_a_meeting_previews_its_agenda(qtbot, agenda_window):
    win = agenda_window
    assert win.handout.currentData() == "agenda"
    assert win.handout.currentText() == tr("Agenda")
    assert win.meeting.currentData() == win.chosen_meeting
    assert win.language.currentData() == "he"  # the UI language
    pages, _text = _pdf_pages(win.built[1])
    assert win.preview.page_count() == pages >= 1
    assert win.preview.of.text() == tr("of {pages}", pages=pages)
    assert win.status.text() == tr("Pages in the handout: {pages}", pages=pages)
    assert win.preview.canvas.rendered >= 1  # the first page was drawn
    assert win.print_button.isEnabled() and win.export_button.isEnabled()


def test_export_writes_the_agenda(qtbot, agenda_window, tmp_path, monkeypatch):
    win = agenda_window
    win.language.setCurrentIndex(win.language.findData("en"))
    assert _built(qtbot, win)[0][1] == "en"
    suggested = win.suggested_path()
    assert suggested.endswith(".pdf") and "Agenda" not in suggested  # Hebrew UI: סדר יום
    assert tr("Agenda") in suggested
    asked = []
    monkeypatch.setattr(
        win, "ask_save_path", lambda s: asked.append(s) or str(tmp_path / "out" / "agenda")
    )
    (tmp_path / "out").mkdir()
    target = win.export()
    assert asked == [suggested]
    assert target == tmp_path / "out" / "agenda.pdf" and target.is_file()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["agenda.pdf"]  # no leftovers
    pages, text = _pdf_pages(target)
    assert pages == win.preview.page_count()
    assert "Agenda" in text


def test_export_into_a_missing_folder_is_one_sentence(agenda_window, tmp_path):
    from kehila_desktop.gui import dialogs

    assert agenda_window.export(str(tmp_path / "nowhere" / "a.pdf")) is None
    assert dialogs.shown[-1] == (
        "error",
        tr("The folder {path} does not exist.", path=tmp_path / "nowhere"),
    )
    assert not (tmp_path / "nowhere").exists()


def test_print_to_a_pdf_printer(agenda_window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    win = agenda_window
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert win.print_pages(printer) == win.preview.page_count()
    pages, _ = _pdf_pages(tmp_path / "printed.pdf")
    assert pages == win.preview.page_count()
    with pdfplumber.open(tmp_path / "printed.pdf") as pdf:  # A4: 595 × 842 points
        assert round(pdf.pages[0].width) == 595 and round(pdf.pages[0].height) == 842
        assert pdf.pages[0].images  # the page, painted at the printer's resolution
    assert win.status.text() == tr("Pages sent to the printer: {pages}", pages=pages)


def test_people_view_suggests_the_mapping_and_pages_can_be_browsed(qtbot, main_window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    main_window.show_view("people")
    win = main_window.printing.open("export")
    assert win.handout.currentData() == "people"
    assert win.export_button.isDefault()
    assert win.contacts.isVisible() and win.labels["meeting"].isHidden()
    _built(qtbot, win)
    count = win.preview.page_count()
    assert count == _pdf_pages(win.built[1])[0] >= 2
    preview = win.preview
    assert preview.current_page() == 0 and not preview.prev.isEnabled()
    qtbot.mouseClick(preview.next, Qt.MouseButton.LeftButton)
    assert preview.current_page() == 1 and preview.page.value() == 2
    preview.page.setValue(count)
    assert preview.current_page() == count - 1 and not preview.next.isEnabled()
    width = preview.canvas.width()
    preview.zoom.setCurrentIndex(preview.zoom.findData(2.0))
    assert preview.zoom_factor() == 2.0 and preview.canvas.width() > width
    assert preview.current_page() == count - 1  # zooming keeps the page in sight
    # print only page 2 (the print dialog's range)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setFromTo(2, 2)
    assert win.print_pages(printer) == 1
    assert _pdf_pages(tmp_path / "two.pdf")[0] == 1


def test_without_contact_details_rebuilds_without_phones(qtbot, main_window):
    main_window.show_view("people")
    win = main_window.printing.open("print")
    win.language.setCurrentIndex(win.language.findData("en"))
    assert _built(qtbot, win)[0][1] == "en"
    phone = main_window.context.pf.conn.execute(
        "SELECT phone FROM person WHERE deleted=0 AND phone<>'' AND contact_consent=1 LIMIT 1"
    ).fetchone()[0]
    assert phone in _pdf_pages(win.built[1])[1]
    win.contacts.setChecked(True)
    assert not win.print_button.isEnabled()  # the preview no longer matches the choices
    assert ("contacts", False) in _built(qtbot, win)[0][2]
    assert phone not in _pdf_pages(win.built[1])[1]


def test_an_edit_refreshes_the_lists_and_the_preview(qtbot, agenda_window):
    win = agenda_window
    ops = win.context.ops
    first = win.built[1]
    with ops.step("delete"):
        ops.delete("meeting", win.chosen_meeting)
    assert win.meeting.findData(win.chosen_meeting) == -1  # gone from the list at once
    assert not win.print_button.isEnabled()  # the old preview is not printed any more
    built = _built(qtbot, win)
    assert built[1] != first and built[0][2] == (("meeting", win.meeting.currentData()),)


def test_a_file_that_cannot_be_read_is_one_sentence(qtbot, agenda_window):
    from kehila_desktop.gui import dialogs

    win = agenda_window
    path = win.context.pf.path
    moved = path.with_name("moved.kehila")
    path.rename(moved)  # e.g. the USB stick was pulled out
    try:
        dialogs.shown.clear()
        win.language.setCurrentIndex(win.language.findData("ar"))
        qtbot.waitUntil(lambda: not win.busy and bool(dialogs.shown), timeout=20000)
    finally:
        moved.rename(path)
    assert len(dialogs.shown) == 1 and dialogs.shown[0][0] == "error"
    assert str(path.name) in dialogs.shown[0][1] and "\n" not in dialogs.shown[0][1]
    assert win.status.text() == dialogs.shown[0][1]
    assert win.built is None and win.preview.page_count() == 0
    assert not win.print_button.isEnabled()
    assert list(win.folder.iterdir()) == []


def test_empty_program_says_there_are_no_meetings(qtbot, main_window, new_file):
    main_window.files.open_path(new_file)
    main_window.show_view("meetings")
    win = main_window.printing.open("print")
    assert win.handout.currentData() == "agenda"
    assert win.status.text() == tr("There are no meetings in this program yet.")
    assert win.built is None and not win.export_button.isEnabled()


def test_language_change_retranslates_and_closing_cleans_up(qtbot, agenda_window, main_window):
    win = agenda_window
    main_window.set_language("ar")
    assert win.windowTitle() == tr("Print a handout", "ar") == "طباعة مستند"
    assert win.handout.currentText() == tr("Agenda", "ar")
    assert win.language.currentData() == "he"  # the handout's language stays as chosen
    folder = win.folder
    win.close()
    assert not folder.exists() and win.preview.page_count() == 0
    main_window.set_language("he")
    reopened = main_window.printing.open("print")  # opens again, builds again
    assert reopened is win
    _built(qtbot, win)
    assert win.preview.page_count() >= 1


def test_print_goes_through_the_system_print_dialog(agenda_window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    shown = []

    def accept(dialog):  # the user picks "print to file" and presses Print
        shown.append((dialog.windowTitle(), dialog.minPage(), dialog.maxPage()))
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(tmp_path / "chosen.pdf"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    win = agenda_window
    pages = win.preview.page_count()
    assert win.print_pages() == pages
    assert shown == [(tr("Print a handout"), 1, pages)]
    with pdfplumber.open(tmp_path / "chosen.pdf") as pdf:
        assert len(pdf.pages) == pages


def test_print_dialog_cancelled_prints_nothing(agenda_window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(QPrintDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert agenda_window.print_pages() == 0
    assert agenda_window.print_button.isEnabled()  # nothing changed


def test_the_window_fits_a_laptop_in_every_language(agenda_window, main_window):
    for code in ("he", "ar", "en"):
        main_window.set_language(code)
        for handout in ("agenda", "role-letter", "people"):
            agenda_window.handout.setCurrentIndex(agenda_window.handout.findData(handout))
            hint = agenda_window.minimumSizeHint()
            assert hint.height() <= 698 and hint.width() <= 1366, (code, handout, hint)
    assert agenda_window.height() <= 760


def test_role_letter_for_the_person_selected_in_the_people_view(qtbot, main_window):
    conn = main_window.context.pf.conn
    person, body = conn.execute(
        "SELECT m.person_id, m.body_id FROM membership m JOIN body b ON b.id=m.body_id "
        "WHERE b.kind='design' AND m.status='joined' AND m.deleted=0 LIMIT 1"
    ).fetchone()
    people = main_window.show_view("people")
    assert people.select_person(person)
    win = main_window.printing.open("print")
    win.handout.setCurrentIndex(win.handout.findData("role-letter"))
    assert win.body.currentData() == body and win.member.currentData() == person
    assert win.labels["member"].isVisible() and not win.contacts.isVisible()
    assert _built(qtbot, win)[0][2] == (("body", body), ("member", person))
    assert win.preview.page_count() == 1
    win.member.setCurrentIndex(0)  # every member of the body: a page each
    assert win.member.currentText() == tr("Every member of the body")
    members = conn.execute(
        "SELECT COUNT(*) FROM membership WHERE body_id=? AND deleted=0 "
        "AND status IN ('approved', 'invited', 'joined')",
        (body,),
    ).fetchone()[0]
    assert _built(qtbot, win)[0][2] == (("body", body),)
    assert win.preview.page_count() >= members > 1


def test_cancel_while_printing_stops_after_the_page_under_way(qtbot, main_window, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrinter

    main_window.show_view("people")
    win = main_window.printing.open("print")
    _built(qtbot, win)
    assert win.preview.page_count() >= 2
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cut.pdf"))
    QTimer.singleShot(0, lambda: qtbot.mouseClick(win.cancel, Qt.MouseButton.LeftButton))
    assert win.print_pages(printer) == 1  # the click is seen after the first page
    assert win.status.text() == tr("Printing was cancelled.")
    assert not (tmp_path / "cut.pdf").exists()  # printing to a file: no half-written file
    assert not win.busy and win.print_button.isEnabled()


def test_export_remembers_its_folder_and_ctrl_wheel_zooms(qtbot, agenda_window, tmp_path):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    win = agenda_window
    folder = tmp_path / "handouts"
    folder.mkdir()
    assert win.export(str(folder / "first.pdf")) == folder / "first.pdf"
    assert str(Path(win.suggested_path()).parent) == str(folder)
    preview = win.preview
    before = preview.zoom_factor()
    viewport = preview.scroll.viewport()
    event = QWheelEvent(
        QPointF(10, 10),
        QPointF(viewport.mapToGlobal(QPoint(10, 10))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)
    assert preview.zoom_factor() > before


def test_the_page_count_is_whole_in_every_language(qtbot, agenda_window, main_window):
    """The preview's "of N" beside the page number is never cut ("o"), even when the window
    is as narrow as it lets itself be."""
    for code in ("he", "ar", "en"):
        main_window.set_language(code)
        agenda_window.resize(agenda_window.minimumSizeHint().width(), 700)
        QApplication.processEvents()  # the layout follows the new size
        preview = agenda_window.preview
        qtbot.waitUntil(lambda p=preview: bool(p.of.text()), timeout=20000)
        label = preview.of
        needed = label.fontMetrics().horizontalAdvance(label.text())
        assert label.width() >= needed, (code, label.text(), label.width(), needed)
