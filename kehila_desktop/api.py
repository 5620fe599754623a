"""The public Python API of Kehila Desktop: a program file for scripts.

Scripts (a national team's reports, our tests and bench) open or create a program file and
edit it with the same named operations the app's views call, so the same rules hold: one
chair per body who is a member whose role is chair, one live membership per person and
body, deleting a person removes their memberships (one undo step). Every edit is committed
at once and recorded in the file's history, as in the app. See ``docs/API.md``.

    from kehila_desktop import api

    with api.create("town.kehila", name="Kehila Metiva", locality="Lod") as program:
        person = program.add_person("Dana Levi", sector="authority")
        program.set_chair(program.body_ids("steering")[0], person)

A refused edit raises ``api.InvalidEdit`` with the sentence the app would show (in the
language set with ``api.set_language``: Hebrew unless told, as in the app) and changes
nothing.
"""

from __future__ import annotations

import os

from kehila_desktop.core import errors as _errors
from kehila_desktop.core import i18n as _i18n

__all__ = ["InvalidEdit", "Program", "create", "open", "set_language", "BODY_KINDS"]

BODY_KINDS = ("steering", "design", "work_team", "program_team")


class InvalidEdit(Exception):
    """An edit the program refuses: ``str(exc)`` is the sentence the app shows."""


def set_language(language: str) -> None:
    """The language of refusal sentences and findings: "he", "ar" or "en"."""
    if language not in _i18n.LANGUAGES:
        raise ValueError(f"language must be one of {_i18n.LANGUAGES}")
    _i18n.set_language(language)


def _refused(exc: _errors.KehilaError) -> InvalidEdit:
    return InvalidEdit(exc.text(_i18n.tr))


class Program:
    """An open program file. Use it as a context manager; ``close()`` releases the lock."""

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False) -> None:
        from kehila_desktop.core.file.lock import ProgramLock
        from kehila_desktop.core.file.programfile import open_program
        from kehila_desktop.core.history.operations import Operations

        self._lock = None
        if not read_only:
            self._lock = ProgramLock(path)
            try:
                self._lock.acquire()
            except _errors.KehilaError as exc:
                raise _refused(exc) from None
        try:
            self._pf = open_program(path, read_only=read_only)
        except _errors.KehilaError as exc:
            self._release()
            raise _refused(exc) from None
        self._ops = Operations(self._pf)
        self.path = self._pf.path
        self.read_only = self._pf.read_only

    # --- the handle -----------------------------------------------------------------------
    def close(self) -> None:
        if self._pf is not None:
            self._pf.close()
            self._pf = None
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Program:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self, fn, *args, **kwargs):
        if self._pf is None:
            raise InvalidEdit(_i18n.tr("The program file is closed."))
        try:
            return fn(self._ops, *args, **kwargs)
        except _errors.KehilaError as exc:
            raise _refused(exc) from None

    @property
    def _conn(self):
        if self._pf is None:
            raise InvalidEdit(_i18n.tr("The program file is closed."))
        return self._pf.conn

    # --- areas ----------------------------------------------------------------------------
    def add_area(self, name: str, *, kind: str = "neighborhood", in_focus: bool = False) -> str:
        """Add a neighbourhood, quarter or area; returns its id."""
        from kehila_desktop.core.structure import areas

        return self._run(areas.add_area, name, kind=kind, in_focus=in_focus)

    def areas(self) -> list[dict]:
        """Every area: id, name, kind, in_focus."""
        from kehila_desktop.core.structure import queries

        return [
            {"id": a, "name": n, "kind": k, "in_focus": bool(f)}
            for a, n, k, f in queries.areas(self._conn)
        ]

    # --- people ---------------------------------------------------------------------------
    def people(self) -> list[dict]:
        """Every person: id, name, sector, organisation, area_id, contact_consent."""
        from kehila_desktop.core.people import queries

        return queries.people(self._conn)

    def add_person(
        self,
        name: str,
        *,
        sector: str,
        organisation: str = "",
        area: str | None = None,
        phone: str = "",
        email: str = "",
    ) -> str:
        """Add a partner of the mapping; ``area`` is an area id. Returns the person's id."""
        from kehila_desktop.core.people import edits

        return self._run(
            edits.add_person,
            {
                "name": name,
                "sector": sector,
                "organisation": organisation,
                "area_id": area,
                "phone": phone,
                "email": email,
            },
        )

    def update_person(self, person_id: str, **fields) -> None:
        """Change a person's fields (name, sector, organisation, area_id, phone, email …)."""
        from kehila_desktop.core.people import edits

        if "area" in fields:
            fields["area_id"] = fields.pop("area")
        self._run(edits.update_person, person_id, fields)

    def delete_person(self, person_id: str) -> None:
        """Delete a person with their memberships and any chair they held (one undo step)."""
        from kehila_desktop.core.people import edits

        self._run(edits.delete_person, person_id)

    def delete_people(self, person_ids: list[str]) -> None:
        """Delete several people with their memberships and chairs (one undo step)."""
        from kehila_desktop.core.people import edits

        self._run(edits.delete_people, list(person_ids))

    def join_people(self, keep_id: str, drop_id: str) -> None:
        """Join two records of one person into ``keep_id`` (one undo step): memberships,
        attendance, owners and chairs move to it, its empty fields are filled from the other,
        and the other is deleted."""
        from kehila_desktop.core.people import edits

        self._run(edits.join_people, keep_id, drop_id)

    # --- bodies and memberships -----------------------------------------------------------
    def body_ids(self, kind: str) -> list[str]:
        """The ids of the bodies of ``kind``: steering, design, work_team or program_team."""
        from kehila_desktop.core.structure import queries

        if kind not in BODY_KINDS:
            raise ValueError(f"kind must be one of {BODY_KINDS}")
        return queries.body_ids(self._conn, kind)

    def add_membership(
        self, person_id: str, body_id: str, *, role: str = "member", status: str = "mapped"
    ) -> str:
        """Put a person in a body (refused when they already are); returns its id."""
        from kehila_desktop.core.structure import memberships

        return self._run(
            memberships.add_membership, person_id, body_id, {"role": role, "status": status}
        )

    def add_memberships(
        self,
        person_ids: list[str],
        body_id: str,
        *,
        role: str = "member",
        status: str = "mapped",
    ) -> dict:
        """Put several people in a body at once (one step): ``added`` (the new memberships'
        ids), ``already`` (the names of those who were in it) and ``report`` (one sentence)."""
        from kehila_desktop.core.structure import memberships

        done = self._run(memberships.add_memberships, list(person_ids), body_id, role, status)
        return {"added": done.added, "already": done.already, "report": done.report()}

    def update_membership(self, membership_id: str, **fields) -> None:
        """Change a membership (role, status …): dates are stamped, the chair rule holds."""
        from kehila_desktop.core.structure import memberships

        self._run(memberships.update_membership, membership_id, fields)

    def set_chair(self, body_id: str, person_id: str | None) -> None:
        """Name the chair of a body (None: no chair); their membership becomes a chair one."""
        from kehila_desktop.core.structure import memberships

        self._run(memberships.set_chair, body_id, person_id)

    def memberships(self, body_id: str) -> list[dict]:
        """The body's live memberships: id, person_id, person, role, status, joined_on …"""
        from kehila_desktop.core.structure import queries

        return queries.memberships_of_body(self._conn, body_id)

    def chair(self, body_id: str) -> str | None:
        """The id of the body's chair, or None."""
        from kehila_desktop.core.structure import queries

        row = queries.body(self._conn, body_id)
        return row["chair_person_id"] if row else None

    def edit_program(self, **fields) -> None:
        """Change the program's settings (name, scope, start_date, end_date, timeline …)."""
        from kehila_desktop.core.structure import edits

        self._run(edits.edit_program, fields)

    # --- meetings, decisions and the composition ------------------------------------------
    def new_meeting(self, body_id: str, day: str) -> str:
        """Schedule a meeting of ``body_id`` on ``day`` (YYYY-MM-DD); returns its id."""
        from kehila_desktop.core.meetings import edits

        return self._run(edits.new_meeting, body_id, day)

    def record_decision(
        self,
        meeting_id: str,
        text: str,
        kind: str = "other",
        *,
        votes: tuple[int, int, int] = (0, 0, 0),
        payload: dict | None = None,
        outcome: str | None = None,
    ) -> str:
        """Record a decision; a passed steering decision of the scope, timeline, focus,
        channels or composition kind applies its ``payload``. Returns its id."""
        from kehila_desktop.core.meetings import records

        return self._run(
            records.record_decision,
            meeting_id,
            text,
            kind,
            votes=votes,
            payload=payload,
            outcome=outcome,
        )

    def decide_composition(
        self,
        meeting_id: str,
        membership_ids: list[str],
        text: str = "",
        *,
        votes: tuple[int, int, int] = (0, 0, 0),
        outcome: str | None = None,
    ) -> str:
        """Record the steering committee's decision on the design committee's composition:
        when it passes, the memberships named become "approved". Returns the decision's id."""
        from kehila_desktop.core.structure import approval

        return self._run(
            approval.decide_composition,
            meeting_id,
            list(membership_ids),
            text,
            votes=votes,
            outcome=outcome,
        )

    def attach_to_decision(self, decision_id: str, membership_ids: list[str]) -> None:
        """Add design-committee candidates to a passed composition decision and approve them."""
        from kehila_desktop.core.structure import approval

        self._run(approval.attach_to_decision, decision_id, list(membership_ids))

    def put_forward(self, membership_ids: list[str], meeting_id: str | None = None) -> str:
        """Propose candidates to a steering meeting (the next scheduled one unless told): its
        agenda item on the composition lists them. Returns the agenda item's id."""
        from kehila_desktop.core.structure import approval

        return self._run(approval.put_forward, list(membership_ids), meeting_id)

    def advance_memberships(
        self,
        membership_ids: list[str],
        *,
        decision_id: str | None = None,
        forward_to: str | None = None,
    ) -> dict[str, str]:
        """Move several memberships to their next pipeline step at once (one step); the
        design-committee candidates waiting for approval are attached to the passed
        composition decision ``decision_id`` or put forward to the steering meeting
        ``forward_to``. Returns {membership id: status afterwards}."""
        from kehila_desktop.core.structure import approval

        return self._run(
            approval.advance_memberships,
            list(membership_ids),
            decision_id=decision_id,
            forward_to=forward_to,
        )

    def approvals(self) -> dict[str, dict]:
        """{membership id: {decision_id, meeting_id, date, number}}: the steering decision on
        the composition that approved each membership."""
        from kehila_desktop.core.structure import approval

        return {
            mid: {
                "decision_id": a.decision_id,
                "meeting_id": a.meeting_id,
                "date": a.day,
                "number": a.number,
            }
            for mid, a in approval.approvals(self._conn).items()
        }

    def setup_guide(self) -> list[dict]:
        """The Overview's set-up guide: each step's key, title, done and detail."""
        from kehila_desktop.core.structure import guide

        return [
            {"key": s.key, "title": s.title, "done": s.done, "detail": s.detail}
            for s in guide.steps(self._conn, _i18n.language())
        ]

    # --- health and history ---------------------------------------------------------------
    def findings(self) -> list[dict]:
        """Program health: each finding with code, severity, message and target."""
        from kehila_desktop.core import health

        return [f.as_json() for f in health.findings(self._conn, _i18n.language())]

    def undo(self) -> str | None:
        """Undo the last edit of this handle; returns its label (None: nothing to undo)."""
        if self._pf is None:
            raise InvalidEdit(_i18n.tr("The program file is closed."))
        try:
            return self._ops.undo()
        except _errors.KehilaError as exc:
            raise _refused(exc) from None


def create(path: str | os.PathLike, *, name: str = "", locality: str = "") -> Program:
    """Create a new program file at ``path`` (never overwriting one) and open it."""
    from kehila_desktop.core.file.create import create_program

    try:
        create_program(path, name=name, locality=locality, language=_i18n.language())
    except _errors.KehilaError as exc:
        raise _refused(exc) from None
    return Program(path)


def open(path: str | os.PathLike, *, read_only: bool = False) -> Program:
    """Open an existing program file (``read_only``: no edits, no lock)."""
    return Program(path, read_only=read_only)
