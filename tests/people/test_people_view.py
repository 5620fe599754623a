"""The people view as a user works with it (pytest-qt, offscreen, a real program file)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kehila_desktop.core import i18n

from kehila_desktop.core.meetings.edits import new_meeting
from kehila_desktop.core.structure.approval import decide_composition

from .helpers import add_person, body_id, join


def _soon() -> str:
    from datetime import date, timedelta

    return (date.today() + timedelta(days=10)).isoformat()


@pytest.fixture
def context(new_file, qtbot, monkeypatch):
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.gui import dialogs
    from kehila_desktop.gui.context import AppContext

    monkeypatch.setattr(dialogs, "answer", lambda box, buttons: "ok")
    pf = open_program(new_file)
    ctx = AppContext(pf)
    yield ctx
    pf.close()


@pytest.fixture
def view(context, qtbot):
    from kehila_desktop.gui.views.people.view import View

    v = View(context)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    return v


def type_text(widget, text):
    """Type ``text`` key by key (QTest cannot send Hebrew or Arabic keys)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def answer_with(view, qtbot, fill, accept=True):
    """The next dialogs the view opens are filled by ``fill(dialog)`` and then saved."""

    def run(dialog):
        dialog.show()
        fill(dialog)
        if accept:
            button = getattr(dialog, "ok", None) or getattr(dialog, "import_button", None)
            if button is not None:
                assert button.isEnabled()
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            else:
                dialog.accept()
        else:
            dialog.reject()
        return dialog.result()

    view.exec_dialog = run


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def findings(view):
    return [view.findings.item(i).text() for i in range(view.findings.count())]


def test_add_person_join_design_committee_watch_share_and_undo(view, context, qtbot):
    conn = context.pf.conn
    design = body_id(conn, "design")
    with context.ops.step("setup: a chair from the authority, target 50%"):
        program = conn.execute("SELECT id FROM program").fetchone()[0]
        context.ops.update("program", program, {"residents_target_pct": 50})
        chair = add_person(context.ops, "ראש הרשות", sector="authority")
        join(context.ops, chair, design, role="chair")
        context.ops.update("body", design, {"chair_person_id": chair})
    view.tabs.setCurrentIndex(2)
    assert view.comp_body.currentData() == design
    assert view.chart.comp.residents_pct == 0
    assert any("50%" in text for text in findings(view))  # residents below the target

    def fill_person(editor):
        type_text(editor.name, "דנה כהן")
        qtbot.keyClicks(editor.phone, "12")
        assert editor.phone_problem.isVisible() and not editor.ok.isEnabled()
        assert "0" in editor.phone_problem.text()  # it says how to fix it
        editor.phone.clear()
        qtbot.keyClicks(editor.phone, "050-1234567")
        qtbot.keyClicks(editor.email, "dana@example.org")
        choose(editor.sector, "resident")
        editor.consent.setChecked(True)

    answer_with(view, qtbot, fill_person)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dana = view.selected_person_id()
    assert dana and conn.execute(
        "SELECT name, phone, contact_consent FROM person WHERE id=?", (dana,)
    ).fetchone() == ("דנה כהן", "050-1234567", 1)
    assert view.count_label.text() == "2 מתוך 2 אנשים"

    def fill_membership(editor):
        choose(editor.body, design)
        choose(editor.status, "joined")
        editor.attendance.setValue(80)
        type_text(editor.responsibilities, "קשר עם התושבים")

    answer_with(view, qtbot, fill_membership)
    qtbot.mouseClick(view.memberships.add_button, Qt.MouseButton.LeftButton)
    assert [m["status"] for m in view.memberships.rows] == ["joined"]
    assert view.chart.comp.residents_pct == 50  # 1 of 2: the target is met
    assert not any("50%" in text for text in findings(view))
    assert "ועדה מעצבת" in view.model.person(view.model.row_of(dana)).bodies

    context.ops.undo()  # the membership goes
    assert view.chart.comp.residents_pct == 0
    assert any("50%" in text for text in findings(view))
    assert view.memberships.rows == []


def test_pipeline_steps_and_matrix(view, context, qtbot):
    conn = context.pf.conn
    design = body_id(conn, "design")
    with context.ops.step("setup"):
        pid = add_person(context.ops, "מיכל")
        mid = join(context.ops, pid, design, status="mapped")
        other = join(context.ops, add_person(context.ops, "רנא"), design, status="proposed")
        meeting = new_meeting(context.ops, body_id(conn, "steering"), _soon())
        decision = decide_composition(context.ops, meeting, [other], outcome="passed_consensus")
    view.navigate("membership", mid)
    assert view.selected_person_id() == pid
    # the step to "approved" is the steering committee's: the dialog attaches to its decision
    seen = []

    def attach(dialog):
        seen.append(dialog.decision.currentText())
        assert dialog.attach.isChecked() and dialog.forward.isEnabled()
        choose(dialog.decision, decision)

    answer_with(view, qtbot, attach)
    for expected in ("proposed", "approved", "invited", "joined"):
        qtbot.mouseClick(view.memberships.advance_button, Qt.MouseButton.LeftButton)
        view.memberships.select(mid)
        assert (
            conn.execute("SELECT status FROM membership WHERE id=?", (mid,)).fetchone()[0]
            == expected
        )
    assert len(seen) == 1 and "1" in seen[0]  # "steering meeting of …, decision 1"
    assert "ועדת ההיגוי" in view.memberships.table.item(0, 3).text()  # after the hidden name column
    assert not view.memberships.advance_button.isEnabled()  # joined is the end of the line
    view.tabs.setCurrentIndex(1)  # "who sits where"
    column = [b for b, _ in view.matrix_model.bodies].index(design)
    row = view.model.row_of(pid)
    assert view.matrix_model.index(row, column).data() == "חבר/ה · הצטרפות"


def test_putting_a_candidate_forward_lists_them_at_the_next_steering_meeting(view, context, qtbot):
    conn = context.pf.conn
    design = body_id(conn, "design")
    with context.ops.step("setup"):
        pid = add_person(context.ops, "מיכל")
        mid = join(context.ops, pid, design, status="proposed")
    view.navigate("membership", mid)

    def refuse_without_a_meeting(dialog):
        assert not dialog.attach.isEnabled() and not dialog.forward.isEnabled()
        assert not dialog.ok.isEnabled()
        assert "המפגשים" in dialog.forward_note.text()

    answer_with(view, qtbot, refuse_without_a_meeting, accept=False)
    qtbot.mouseClick(view.memberships.advance_button, Qt.MouseButton.LeftButton)
    assert conn.execute("SELECT status FROM membership WHERE id=?", (mid,)).fetchone()[0] == (
        "proposed"
    )
    with context.ops.step("meeting"):
        meeting = new_meeting(context.ops, body_id(conn, "steering"), _soon())

    def forward(dialog):
        assert dialog.forward.isChecked() and dialog.ok.isEnabled()

    answer_with(view, qtbot, forward)
    view.memberships.select(mid)
    qtbot.mouseClick(view.memberships.advance_button, Qt.MouseButton.LeftButton)
    assert conn.execute("SELECT meeting_id, notes FROM agenda_item WHERE deleted=0").fetchall() == [
        (meeting, "מיכל")
    ]
    assert conn.execute("SELECT status FROM membership WHERE id=?", (mid,)).fetchone()[0] == (
        "proposed"
    )


def test_search_as_you_type_and_filters(view, context, qtbot):
    with context.ops.step("people"):
        add_person(context.ops, "מרים כהן", sector="resident")
        add_person(context.ops, "محمد خطيب", sector="academia")
        add_person(context.ops, "Dana Levi", sector="business", phone="052-1112222")
    assert view.model.rowCount() == 3
    # what the table shows: names, sector labels; phones kept without consent are greyed
    shown = {view.model.index(r, 0).data(): r for r in range(3)}
    dana = shown["Dana Levi"]
    assert view.model.index(dana, 2).data() == "מגזר עסקי"
    assert view.model.index(dana, 7).data() == "052-1112222"
    assert view.model.index(dana, 7).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "הסכמה" in view.model.index(dana, 7).data(Qt.ItemDataRole.ToolTipRole)
    type_text(view.search, "כהנ")
    assert [view.model.person(0).name] == ["מרים כהן"] and view.model.rowCount() == 1
    view.search.clear()
    qtbot.keyClicks(view.search, "0521112")
    assert view.model.rowCount() == 1 and view.model.person(0).name == "Dana Levi"
    view.search.clear()
    choose(view.sector_filter, "academia")
    assert view.model.rowCount() == 1 and view.model.person(0).name == "محمد خطيب"
    assert view.count_label.text() == "1 מתוך 3 אנשים"


def _sheet(tmp_path):
    path = tmp_path / "partners.csv"
    path.write_text(
        'שם,טלפון,דוא"ל,מגזר\n'
        "נועה,050-1111111,noa@example.org,תושבים\n"
        "עומר,050-2222222,,אקדמיה\n"
        "נועה ב.,,noa@example.org,\n"  # duplicate of row 2 (same e-mail)
        ",050-3333333,,\n"  # no name
        "גיל,123,,\n",
        encoding="utf-8-sig",
    )  # broken phone
    return path


def test_cancel_an_import_changes_nothing(view, context, qtbot, tmp_path):
    conn = context.pf.conn
    steps = conn.execute("SELECT count(*) FROM step").fetchone()[0]
    seen = {}

    def look(preview):
        seen["summary"] = preview.summary.text()
        seen["rows"] = preview.table.rowCount()

    answer_with(view, qtbot, look, accept=False)
    assert view.import_file(str(_sheet(tmp_path))) is False
    assert "UTF-8" in seen["summary"] and "להוספה: 2" in seen["summary"]
    assert "נדחו: 3" in seen["summary"] and seen["rows"] == 5
    assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM step").fetchone()[0] == steps


def test_import_good_duplicate_and_broken_rows_is_one_undo_step(view, context, qtbot, tmp_path):
    conn = context.pf.conn

    def consent_yes(preview):
        assert not preview.import_button.isEnabled()  # the consent question comes first
        choose(preview.consent, True)

    answer_with(view, qtbot, consent_yes)
    assert view.import_file(str(_sheet(tmp_path))) is True
    assert view.model.rowCount() == 2
    assert sorted(r[0] for r in conn.execute("SELECT name FROM person WHERE deleted=0")) == [
        "נועה",
        "עומר",
    ]
    assert context.ops.undo_label.startswith("ייבוא אנשים")
    context.ops.undo()
    assert view.model.rowCount() == 0


def test_export_from_the_view(view, context, tmp_path):
    with context.ops.step("people"):
        add_person(context.ops, "דנה", organisation="=cmd")
    [out] = view.export_to(str(tmp_path / "people.xlsx"))
    import openpyxl

    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws["A1"].value == "שם" and ws["B2"].value == "=cmd"
    assert ws["B2"].data_type == "s" and ws["B2"].quotePrefix  # text, no visible apostrophe


def test_language_change_retranslates(view, context):
    i18n.set_language("ar")
    context.languageChanged.emit("ar")
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "الاسم"
    assert view.tabs.tabText(2) == "التركيبة"
    assert view.title() == "الأشخاص والمسح"


def test_read_only_file_offers_no_edits(new_file, qtbot):
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.gui.context import AppContext
    from kehila_desktop.gui.views.people.view import View

    with open_program(new_file, read_only=True) as pf:
        v = View(AppContext(pf))
        qtbot.addWidget(v)
        assert not v.new_button.isEnabled() and not v.import_button.isEnabled()
        assert v.export_button.isEnabled()


def test_keyboard_search_edit_and_delete(view, context, qtbot):
    with context.ops.step("people"):
        pid = add_person(context.ops, "Rina", email="rina@example.org")
        add_person(context.ops, "Shai")
    view.activateWindow()
    view.select_person(pid)
    view.table.setFocus()

    def rename(editor):
        editor.name.selectAll()
        qtbot.keyClicks(editor.name, "Rina Katz")

    answer_with(view, qtbot, rename)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert (
        context.pf.conn.execute("SELECT name FROM person WHERE id=?", (pid,)).fetchone()[0]
        == "Rina Katz"
    )
    view.select_person(pid)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.model.rowCount() == 1 and view.model.row_of(pid) < 0
    context.ops.undo()
    assert view.model.row_of(pid) >= 0


def test_delete_asks_first_naming_the_memberships_and_stays_undoable(
    view, context, qtbot, monkeypatch
):
    from kehila_desktop.gui import dialogs

    conn = context.pf.conn
    with context.ops.step("people"):
        pid = add_person(context.ops, "רינה")
        join(context.ops, pid, body_id(conn, "design"))
        join(context.ops, pid, body_id(conn, "steering"))
    answers = []
    monkeypatch.setattr(dialogs, "answer", lambda box, buttons: answers.pop(0))
    view.refresh()
    answers.append("cancel")
    view.select_person(pid)
    view.delete_person()
    kind, text = dialogs.shown[-1]
    # the question names the person, how many memberships go (Hebrew says two as "שני"), and
    # the bodies they are in
    assert kind == "confirm" and "רינה" in text and ("2" in text or "שני" in text)
    assert "היגוי" in text and "מעצבת" in text
    assert conn.execute("SELECT deleted FROM person WHERE id=?", (pid,)).fetchone() == (0,)
    answers.append("ok")
    view.delete_person()
    assert conn.execute("SELECT deleted FROM person WHERE id=?", (pid,)).fetchone() == (1,)
    assert conn.execute(
        "SELECT count(*) FROM membership WHERE person_id=? AND deleted=0", (pid,)
    ).fetchone() == (0,)
    context.ops.undo()
    assert conn.execute(
        "SELECT count(*) FROM membership WHERE person_id=? AND deleted=0", (pid,)
    ).fetchone() == (2,)


def test_import_offers_the_areas_the_sheet_names_and_asks_for_consent(
    view, context, qtbot, tmp_path
):
    conn = context.pf.conn
    path = tmp_path / "areas.csv"
    path.write_text(
        "שם,טלפון,שכונה\nנועה,050-1111111,נווה שאנן\nעומר,050-2222222,רמת אלון\nגיל,,נווה שאנן\n",
        encoding="utf-8",
    )
    seen = {}

    def look(preview):
        seen["offer"] = preview.add_areas.text()
        assert preview.add_areas.isVisible() and preview.add_areas.isChecked()
        assert preview.consent.isVisible() and not preview.import_button.isEnabled()
        choose(preview.consent, False)
        seen["summary"] = preview.summary.text()
        preview.add_areas.setChecked(False)  # then the rows naming them are rejected
        seen["rejected"] = preview.plan.counts["reject"]
        preview.add_areas.setChecked(True)

    answer_with(view, qtbot, look)
    assert view.import_file(str(path)) is True
    assert "נווה שאנן, רמת אלון" in seen["offer"] and seen["rejected"] == 3
    assert "2" in seen["summary"]  # two people's phones are not kept
    assert conn.execute(
        "SELECT a.name, count(*) FROM person p JOIN area a ON a.id=p.area_id "
        "GROUP BY a.name ORDER BY a.name"
    ).fetchall() == [("נווה שאנן", 2), ("רמת אלון", 1)]
    assert conn.execute("SELECT count(*) FROM person WHERE phone != ''").fetchone()[0] == 0
    context.ops.undo()
    assert conn.execute("SELECT count(*) FROM area WHERE deleted=0").fetchone()[0] == 0


def test_each_membership_shows_the_steering_decision_that_approved_it(view, context):
    import json

    from kehila_desktop.core.structure.edits import apply_decision

    conn, ops = context.pf.conn, context.ops
    with ops.step("people"):
        pid = add_person(ops, "מועמדת")
        mid = join(ops, pid, body_id(conn, "design"), status="proposed")
        meeting = ops.insert(
            "meeting", {"body_id": body_id(conn, "steering"), "starts_at": "2027-02-01T10:00"}
        )
        dec = ops.insert(
            "decision",
            {
                "meeting_id": meeting,
                "kind": "composition",
                "payload": json.dumps({"approve": [mid]}),
            },
        )
    apply_decision(ops, dec)
    view.refresh()
    view.select_person(pid)
    status = view.memberships.table.item(0, 3).text()  # after the hidden name column
    assert "ועדת ההיגוי" in status and "01/02/2027" in status


def test_a_second_membership_in_the_same_body_gets_one_sentence_and_adds_nothing(
    view, context, qtbot
):
    from kehila_desktop.gui import dialogs

    conn = context.pf.conn
    design = body_id(conn, "design")
    with context.ops.step("setup"):
        pid = add_person(context.ops, "סמאח", sector="resident")
        join(context.ops, pid, design, status="mapped")
    view.refresh()
    view.select_person(pid)
    answer_with(view, qtbot, lambda d: choose(d.body, design))
    assert view.add_membership() is None
    kind, text = dialogs.shown[-1]
    assert kind == "error" and "סמאח" in text and "{" not in text
    assert conn.execute(
        "SELECT count(*) FROM membership WHERE person_id=? AND deleted=0", (pid,)
    ).fetchone() == (1,)


def test_giving_a_membership_the_chair_role_names_the_chair_without_a_warning(view, context, qtbot):
    conn = context.pf.conn
    steering = body_id(conn, "steering")
    with context.ops.step("setup"):
        pid = add_person(context.ops, "ראש הרשות", sector="authority")
        mid = join(context.ops, pid, steering, status="joined")
    view.refresh()
    view.select_person(pid)
    answer_with(view, qtbot, lambda d: choose(d.role, "chair"))
    view.edit_membership(mid)
    assert conn.execute("SELECT chair_person_id FROM body WHERE id=?", (steering,)).fetchone() == (
        pid,
    )
    view.tabs.setCurrentIndex(2)
    choose(view.comp_body, steering)
    assert not [f for f in findings(view) if "ראש הרשות" in f and "יו" in f]


# --- "Join with…": two records of one person become one -----------------------------


def test_join_with_offers_the_likely_duplicate_and_keeps_the_one_in_more_bodies(
    view, context, qtbot
):
    conn = context.pf.conn
    with context.ops.step("set up"):
        add_person(context.ops, "נועה אבן", email="noa@example.org")
        dana = add_person(context.ops, "דנה כהן", email="dana@example.org")
        twin = add_person(context.ops, "Dana Cohen", email="DANA@example.org", notes="sheet")
        join(context.ops, twin, body_id(conn, "design"))
    assert view.select_person(dana)
    seen = {}

    def look(dialog):
        seen["first"] = dialog.other_id()
        seen["keep_other"] = dialog.keep_other.isChecked()
        seen["why"] = dialog.why.text().replace("\u2068", "").replace("\u2069", "")

    answer_with(view, qtbot, look)
    qtbot.mouseClick(view.join_button, Qt.MouseButton.LeftButton)
    assert seen["first"] == twin  # the one with the same e-mail is offered first
    assert seen["keep_other"]  # the record in a body stays
    assert "Dana Cohen" in seen["why"] and "דנה כהן" in seen["why"]
    assert conn.execute("SELECT deleted FROM person WHERE id=?", (dana,)).fetchone() == (1,)
    assert view.selected_person_id() == twin
    assert view.count_label.text() == "2 מתוך 2 אנשים"
    assert [m["status"] for m in view.memberships.rows] == ["joined"]
    context.ops.undo()
    assert view.count_label.text() == "3 מתוך 3 אנשים"


def test_join_with_can_keep_the_selected_record_and_cancel_changes_nothing(view, context, qtbot):
    conn = context.pf.conn
    with context.ops.step("set up"):
        dana = add_person(context.ops, "דנה כהן")
        other = add_person(context.ops, "דנה  כהן", organisation="עירייה")
    assert view.select_person(other)
    answer_with(view, qtbot, lambda d: None, accept=False)
    qtbot.mouseClick(view.join_button, Qt.MouseButton.LeftButton)
    assert conn.execute("SELECT count(*) FROM person WHERE deleted=0").fetchone() == (2,)

    def keep_selected(dialog):
        assert dialog.select(dana)
        assert dialog.keep_other.isChecked()  # dana was added first: suggested
        dialog.keep_this.setChecked(True)

    answer_with(view, qtbot, keep_selected)
    view.person_menu().actions()[1].trigger()  # the context menu's "Join with…"
    assert conn.execute("SELECT deleted FROM person WHERE id=?", (dana,)).fetchone() == (1,)
    assert conn.execute("SELECT deleted FROM person WHERE id=?", (other,)).fetchone() == (0,)


def test_english_cells_and_choices_name_sectors_with_a_capital(context, qtbot):
    """In English a sector standing alone (a table cell, a choice) begins with a capital."""
    from kehila_desktop.gui.views.people.view import View

    before = i18n.language()
    i18n.set_language("en")
    try:
        v = View(context)
        qtbot.addWidget(v)
        v.show()
        with context.ops.step("people"):
            add_person(context.ops, "Dana Levi", sector="business")
        assert v.model.index(0, 2).data() == "Business sector"
        choices = [v.sector_filter.itemText(i) for i in range(v.sector_filter.count())]
        assert "Academia" in choices and "academia" not in choices
        assert choices[0] == "All sectors"
    finally:
        i18n.set_language(before)


def test_the_membership_dialog_does_not_offer_approved_only_the_steering_decision_does(qtbot):
    from kehila_desktop.gui.views.people.membership_editor import MembershipEditor

    editor = MembershipEditor("מיכל", [("b", "ועדה מעצבת", "design")], {"status": "proposed"})
    qtbot.addWidget(editor)
    item = editor.status.model().item(editor.status.findData("approved"))
    assert not item.isEnabled()
    approved = MembershipEditor("מיכל", [("b", "ועדה מעצבת", "design")], {"status": "approved"})
    qtbot.addWidget(approved)
    assert approved.status.currentData() == "approved"
    assert approved.status.model().item(approved.status.currentIndex()).isEnabled()
