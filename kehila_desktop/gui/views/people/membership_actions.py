"""The people view's pipeline actions on the selected person's memberships: add, edit, move
along the mapping pipeline (the step to "approved" is the steering committee's:
``approve_membership``) and remove (each one step through ``context.run`` and
``core/structure/memberships.py``). A mixin of the people ``View``."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from kehila_desktop.core.i18n import label, ntr, tr
from kehila_desktop.core.people import queries as people_q
from kehila_desktop.core.structure import approval, memberships, queries as structure_q
from kehila_desktop.gui import dialogs
from kehila_desktop.gui.views.people.approval_dialog import ATTACH, ApprovalDialog
from kehila_desktop.gui.views.people.membership_editor import (
    FIELDS as EDITED_FIELDS,
    MembershipEditor,
)

MEMBERSHIP_FIELDS = ("id", *EDITED_FIELDS)  # what the membership editor starts with


class MembershipActions:
    def _connect_membership_actions(self) -> None:
        self.memberships.addRequested.connect(self.add_membership)
        self.memberships.editRequested.connect(self.edit_membership)
        self.memberships.advanceRequested.connect(self.advance_membership)
        self.memberships.removeRequested.connect(self.remove_membership)

    def _bodies(self) -> list[tuple[str, str, str]]:
        return structure_q.bodies(self.context.pf.conn)

    def add_membership(self) -> str | None:
        """Add the selected person to a body; with several selected, all of them at once
        (one step; those already in the body are named in one sentence afterwards)."""
        pids = self.selected_person_ids()
        if not pids or self.context.ops is None:
            return None
        if len(pids) > 1:
            self.add_memberships(pids)
            return None
        pid = pids[0]
        name = people_q.person_name(self.context.pf.conn, pid)
        editor = MembershipEditor(name, self._bodies(), parent=self)
        if self.exec_dialog(editor) != QDialog.DialogCode.Accepted:
            return None
        values = editor.result_values()
        body = editor.body.currentText()
        return self.context.run(
            tr("add {person} to {body}", person=name, body=body),
            lambda ops: memberships.add_membership(ops, pid, values.pop("body_id"), values),
        )

    def add_memberships(self, pids: list[str]) -> memberships.Added | None:
        editor = MembershipEditor(
            ntr("{n} person", "{n} people", len(pids)), self._bodies(), parent=self
        )
        if self.exec_dialog(editor) != QDialog.DialogCode.Accepted:
            return None
        values = editor.result_values()
        body_id, role, status = values.pop("body_id"), values.pop("role"), values.pop("status")
        done = self.context.run(
            ntr(
                "add {n} person to {body}",
                "add {n} people to {body}",
                len(pids),
                body=editor.body.currentText(),
            ),
            lambda ops: memberships.add_memberships(ops, pids, body_id, role, status, values),
        )
        if done is not None:
            self.show_report(done.report())
        return done

    def show_report(self, text: str) -> None:
        dialogs.info(self, tr("Added to a body"), text)

    def _membership(self, mid: str) -> dict:
        return memberships.membership(self.context.pf.conn, mid)

    def edit_membership(self, mid: str) -> None:
        m = self._membership(mid)
        editor = MembershipEditor(
            m["person"], self._bodies(), {k: m[k] for k in MEMBERSHIP_FIELDS}, parent=self
        )
        if self.exec_dialog(editor) != QDialog.DialogCode.Accepted:
            return
        values = editor.result_values()
        values.pop("body_id")
        self.context.run(
            tr("edit {person} in {body}", person=m["person"], body=m["body"]),
            lambda ops: memberships.update_membership(ops, mid, values),
        )

    def advance_membership(self, mid: str) -> None:
        m = self._membership(mid)
        nxt = memberships.next_status(self.context.pf.conn, mid)
        if nxt is None:
            return
        if nxt == memberships.APPROVED:
            self.approve_membership(mid)
            return
        self.context.run(
            tr("{person}: {status}", person=m["person"], status=label("PIPELINE", nxt)),
            lambda ops: memberships.advance_membership(ops, mid),
        )

    def approve_membership(self, mid: str) -> None:
        """The steering committee approves: attach to a passed decision on the composition or
        put forward to its next meeting (``ApprovalDialog``)."""
        conn = self.context.pf.conn
        m = self._membership(mid)
        dialog = ApprovalDialog(
            m["person"],
            approval.passed_composition_decisions(conn),
            approval.next_steering_meeting(conn),
            parent=self,
        )
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        how, target = dialog.choice()
        if how == ATTACH:
            self.context.run(
                tr("approve {person} by the steering decision", person=m["person"]),
                lambda ops: approval.attach_to_decision(ops, target, [mid]),
            )
        else:
            self.context.run(
                tr("put {person} forward to the steering committee", person=m["person"]),
                lambda ops: approval.put_forward(ops, [mid], target),
            )

    def remove_membership(self, mid: str) -> None:
        m = self._membership(mid)
        self.context.run(
            tr("remove {person} from {body}", person=m["person"], body=m["body"]),
            lambda ops: memberships.remove_membership(ops, mid),
        )
