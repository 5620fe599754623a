"""Step names (Undo / Redo labels, the file's history) in the language the user reads now,
whatever language the step was made in: switching language, reopening, old files."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from kehila_desktop.core import i18n
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history import queries
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.history.step_names import STEP_MESSAGES, shown
from kehila_desktop.core.i18n import label, ntr, tr
from kehila_desktop.core.people.edits import add_person
from kehila_desktop.core.structure.memberships import add_memberships, advance_membership

DATA = Path(__file__).parent.parent / "data"
PACKAGE = Path(i18n.__file__).parent.parent


def _body(ops, kind):
    return ops.conn.execute("SELECT id, name FROM live_body WHERE kind=?", (kind,)).fetchone()


def test_a_step_made_in_hebrew_is_named_in_arabic_and_english_after_a_switch(ops):
    add_person(ops, {"name": "דנה לוי", "sector": "resident"})
    assert ops.undo_label == "הוספת דנה לוי"
    i18n.set_language("ar")
    assert ops.undo_label == "إضافة דנה לוי" == tr("add {person}", person="דנה לוי")
    i18n.set_language("en")
    assert ops.undo_label == "add דנה לוי"
    assert ops.undo() == "add דנה לוי"
    assert ops.redo_label == "add דנה לוי"
    i18n.set_language("ar")
    assert ops.redo_label == "إضافة דנה לוי"


def test_counts_and_translated_words_inside_a_name_follow_the_language(ops):
    people = [add_person(ops, {"name": n, "sector": "resident"}) for n in ("א", "ב", "ג")]
    design_id, design = _body(ops, "design")
    add_memberships(ops, people, design_id)
    plural = ("add {n} person to {body}", "add {n} people to {body}")
    assert ops.undo_label == ntr(*plural, 3, "he", body=design)
    for language in ("ar", "en"):
        i18n.set_language(language)
        assert ops.undo_label == ntr(*plural, 3, language, body=design)
    assert ops.undo_label == f"add 3 people to {design}"

    i18n.set_language("he")
    mid = ops.conn.execute("SELECT id FROM live_membership LIMIT 1").fetchone()[0]
    status = advance_membership(ops, mid)
    person = ops.conn.execute(
        "SELECT p.name FROM live_membership m JOIN live_person p ON p.id=m.person_id WHERE m.id=?",
        (mid,),
    ).fetchone()[0]
    assert ops.undo_label == f"{person}: {label('PIPELINE', status, 'he')}"
    i18n.set_language("ar")  # the status word is Arabic too, not left in Hebrew
    assert ops.undo_label == f"{person}: {label('PIPELINE', status, 'ar')}"


def test_a_count_of_people_inside_a_name_follows_the_language():
    named = tr(
        "put {person} forward to the steering committee",
        "he",
        person=ntr("{n} person", "{n} people", 3, "he"),
    )
    assert shown(named, "ar") == tr(
        "put {person} forward to the steering committee",
        "ar",
        person=ntr("{n} person", "{n} people", 3, "ar"),
    )
    assert shown(named, "en") == "put 3 people forward to the steering committee"
    one = tr("put {person} forward to the steering committee", "he", person="דנה")
    assert shown(one, "en") == "put דנה forward to the steering committee"


def test_reopened_in_another_language_the_undo_label_is_in_that_language(new_file):
    ops = Operations(open_program(new_file))
    add_person(ops, {"name": "Rina", "sector": "business"})
    ops.pf.close()
    i18n.set_language("ar")
    ops = Operations(open_program(new_file))
    assert ops.undo_label == "إضافة Rina"
    ops.pf.close()


def test_a_colleagues_steps_in_arabic_read_in_hebrew_in_the_history(ops):
    i18n.set_language("ar")
    add_person(ops, {"name": "سلمى", "sector": "resident"})
    i18n.set_language("he")
    (newest, *_) = queries.steps(ops.conn, limit=1)
    assert newest.stored == "إضافة سلمى" and newest.name == "הוספת سلمى"


def test_an_old_files_steps_still_show(tmp_path):
    path = tmp_path / "old.kehila"
    shutil.copyfile(DATA / "v2-sample.kehila", path)  # made by the format-2 release, in Hebrew
    pf = open_program(path)
    i18n.set_language("ar")
    steps = queries.steps(pf.conn)
    assert [s.stored for s in steps] == ["sample program", "תוכנית חדשה"]
    assert [s.name for s in steps] == ["ملء البرنامج النموذجي", "برنامج جديد"]
    ops = Operations(pf)
    add_person(ops, {"name": "Old friend", "sector": "academia"})
    i18n.set_language("he")
    assert ops.undo_label == "הוספת Old friend"
    pf.close()


def test_a_name_that_is_no_step_message_shows_as_stored(ops):
    ops.insert("person", {"name": "x"}, label="to x, by a script")
    i18n.set_language("en")
    assert ops.undo_label == "to x, by a script"
    assert shown("הוספת") == "הוספת"  # a word of a message, not the message


def _step_messages_in_the_code() -> set[str]:
    """Every literal message a step is named with: ``ops.step(tr(…))``, ``label=tr(…)``,
    ``context.run(tr(…), …)``, and ``tr(…)`` assigned to a name one of them is given."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))]:
            named, names = [], {"label", "label_", "step_label"}
            for node in ast.walk(scope):
                if isinstance(node, ast.Call):
                    if isinstance(node.func, ast.Attribute) and node.func.attr in ("step", "run"):
                        named += node.args[:1]
                    named += [kw.value for kw in node.keywords if kw.arg == "label"]
            names |= {value.id for value in named if isinstance(value, ast.Name)}
            for node in ast.walk(scope):
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id in names for t in node.targets
                ):
                    named.append(node.value)
            for value in named:
                for call in ast.walk(value):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Name)
                        and call.func.id in ("tr", "ntr")
                        and call.args
                        and isinstance(call.args[0], ast.Constant)
                    ):
                        found.add(call.args[0].value)
    return found - {"untitled", "{n} person"}  # words inside a name ("delete {title}")


def test_every_message_a_step_is_named_with_is_known():
    known = {m if isinstance(m, str) else m[0] for m in STEP_MESSAGES}
    missing = _step_messages_in_the_code() - known
    assert not missing, f"add to core/history/step_names.py STEP_MESSAGES: {sorted(missing)}"
    for message in STEP_MESSAGES:  # each has its translations
        singular = message if isinstance(message, str) else message[0]
        for language in ("he", "ar"):
            assert singular in i18n.catalogue(language) or singular in i18n.plural_catalogue(
                language
            ), (language, singular)
