"""The people view's editing of people: new, edit a person, delete the selected people and join
two records of one person (each one step through ``context.run`` and the core's named operations). A mixin of
the people ``View``."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from kehila_desktop.core.i18n import isolate, isolated_list, ntr, tr
from kehila_desktop.core.people import edits as people, queries as people_q
from kehila_desktop.core.structure import queries as structure_q
from kehila_desktop.gui import dialogs
from kehila_desktop.gui.views.people.person_editor import PersonEditor


class PersonActions:
    def _areas(self) -> list[tuple[str, str]]:
        return structure_q.area_names(self.context.pf.conn)

    def new_person(self) -> str | None:
        if self.context.ops is None:
            return None
        editor = PersonEditor(self._areas(), parent=self)
        if self.exec_dialog(editor) != QDialog.DialogCode.Accepted:
            return None
        values = editor.result_values()
        person_id = self.context.run(
            tr("add {person}", person=values["name"]), lambda ops: people.add_person(ops, values)
        )
        if person_id:
            if self.model.row_of(person_id) < 0:  # hidden by the filters: show everyone
                self.clear_filters()
            self.select_person(person_id)
        return person_id

    def edit_person(self) -> None:
        """Edit the one selected person (with several selected, Edit is off: pick one)."""
        pid = self.selected_person_id()
        if pid is None or self.context.ops is None or self.context.read_only:
            return
        if len(self.selected_person_ids()) > 1:
            return
        values = people_q.person(self.context.pf.conn, pid)
        editor = PersonEditor(self._areas(), values, parent=self)
        if self.exec_dialog(editor) != QDialog.DialogCode.Accepted:
            return
        new = editor.result_values()
        self.context.run(
            tr("edit {person}", person=new["name"]), lambda ops: people.update_person(ops, pid, new)
        )

    def delete_person(self) -> None:
        """Delete the selected people (all of them), after one question: one undo step."""
        pids = self.selected_person_ids()
        if not pids or self.context.ops is None or self.context.read_only:
            return
        if len(pids) > 1:
            self._delete_people(pids)
            return
        pid = pids[0]
        conn = self.context.pf.conn
        name = people_q.person_name(conn, pid)
        bodies = people_q.membership_body_names(conn, pid)
        chairs = people_q.chaired_body_names(conn, pid)
        question = tr("Delete {name}?", name=name)
        if bodies:
            question += " " + ntr(
                "Their {n} membership goes with them ({bodies}).",
                "Their {n} memberships go with them ({bodies}).",
                len(bodies),
                bodies=isolated_list(bodies),
            )
        if chairs:
            question += " " + tr(
                "They will no longer chair {bodies}.", bodies=isolated_list(chairs)
            )
        question += " " + tr("Undo brings it all back.")
        if not dialogs.confirm(self, question, tr("Delete")):
            return
        self.context.run(
            tr("delete {person}", person=name), lambda ops: people.delete_person(ops, pid)
        )

    def _delete_people(self, pids: list[str]) -> None:
        conn = self.context.pf.conn
        memberships = sum(len(people_q.membership_body_names(conn, pid)) for pid in pids)
        chairs = [(pid, people_q.chaired_body_names(conn, pid)) for pid in pids]
        question = ntr("Delete {n} person?", "Delete {n} people?", len(pids))
        if memberships:
            question += " " + ntr(
                "Their {n} membership goes with them.",
                "Their {n} memberships go with them.",
                memberships,
            )
        for pid, bodies in chairs:
            if bodies:
                question += " " + tr(
                    "{name} will no longer chair {bodies}.",
                    name=isolate(people_q.person_name(conn, pid)),
                    bodies=isolated_list(bodies),
                )
        question += " " + tr("Undo brings it all back.")
        if not dialogs.confirm(self, question, tr("Delete")):
            return
        self.context.run(
            ntr("delete {n} person", "delete {n} people", len(pids)),
            lambda ops: people.delete_people(ops, pids),
        )

    def join_with(self) -> bool:
        """Join the selected person with another record of them (chosen in a dialog)."""
        from kehila_desktop.gui.views.people.join_dialog import JoinWithDialog, run_join

        pid = self.selected_person_id()
        if pid is None or self.context.ops is None or self.context.read_only:
            return False
        dialog = JoinWithDialog(self.context.pf.conn, pid, parent=self)
        self.last_join_dialog = dialog  # tests and screenshots look at it
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted or dialog.choice() is None:
            return False
        keep, drop = dialog.choice()
        if not run_join(self.context, keep, drop):
            return False
        self.select_person(keep)
        return True
