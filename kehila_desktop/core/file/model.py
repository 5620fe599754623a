"""The domain model (SQLModel): every table of the program file, format version 3.

The model is the one source of the schema: ``core.file.schema`` writes the ``CREATE``
statements from it (every table ``STRICT``: a value of the wrong type cannot be stored;
defaults written into the schema, so the operations layer reads them with ``PRAGMA
table_info`` and needs no ORM).

Every domain row has a random text key (``programfile.new_id``: these keys meet other copies
when copies of one program are merged) and a ``deleted`` tombstone flag; rows are never
removed by an edit. Dates are ISO 8601 text (``YYYY-MM-DD``;
meeting start ``YYYY-MM-DDTHH:MM`` in Israel's local time), booleans are 0/1, money is whole
shekels. Only the operations layer (``core.operations``) writes these tables.

Importing this module costs the ``sqlmodel`` import (~0.4 s): it is imported where a
schema is created, not on the read paths of the CLI or of start-up.
"""

from __future__ import annotations


from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class Row(SQLModel):
    id: str = Field(primary_key=True)
    deleted: bool = Field(default=False)


class Meta(SQLModel, table=True):
    """Key/value facts about this copy of the file (its copy id, when it was created)."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str = ""


class Program(Row, table=True):
    __tablename__ = "program"
    name: str = ""
    locality: str = ""
    authority: str = ""
    start_date: str | None = None
    end_date: str | None = None
    timeline: str = ""
    scope: str = ""
    residents_target_pct: int = 30
    language: str = "he"


class Channel(Row, table=True):
    """One of the four channels of action; its situation picture and problem/solution space."""

    __tablename__ = "channel"
    key: str = Field(index=True)
    chosen: bool = False
    start: str = "start"
    chosen_on: str | None = None
    situation_picture: str = ""
    problem_space: str = ""
    solution_space: str = ""


class SituationSection(Row, table=True):
    """A section of a channel's situation picture: a heading, text and a key figure."""

    __tablename__ = "situation_section"
    channel_id: str = Field(foreign_key="channel.id", index=True)
    position: float = 0
    title: str = ""
    text: str = ""
    figure: str = ""


class Area(Row, table=True):
    __tablename__ = "area"
    name: str = ""
    kind: str = "neighborhood"
    in_focus: bool = False


class Body(Row, table=True):
    """A collaborative mechanism: steering, design, a work team (per channel), program team."""

    __tablename__ = "body"
    kind: str = Field(index=True)
    name: str = ""
    channel_key: str | None = None
    chair_person_id: str | None = Field(default=None, foreign_key="person.id")
    cadence: str = "monthly"
    meeting_minutes: int = 90
    preferred_weekday: int = 0  # Monday=0 … Sunday=6 (Python's weekday())
    preferred_hour: str = "17:00"
    responsibilities: str = ""
    position: float = 0
    # format 3 (the program team's trainings and team days; upgrade_v3 adds them with these
    # DEFAULTs): enums.CADENCES keys, or "" for none. Only the program team's are used.
    training_cadence: str = Field(default="monthly", sa_column_kwargs={"server_default": "monthly"})
    team_day_cadence: str = Field(
        default="quarterly", sa_column_kwargs={"server_default": "quarterly"}
    )


class Person(Row, table=True):
    """A partner in the mapping."""

    __tablename__ = "person"
    name: str = Field(default="", index=True)
    organisation: str = ""
    title: str = ""
    sector: str = "resident"
    area_id: str | None = Field(default=None, foreign_key="area.id")
    community: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    contact_consent: bool = False


class Membership(Row, table=True):
    __tablename__ = "membership"
    person_id: str = Field(foreign_key="person.id", index=True)
    body_id: str = Field(foreign_key="body.id", index=True)
    role: str = "member"
    role_requirements: str = ""
    expected_attendance: int = 75  # percent of meetings
    responsibilities: str = ""
    status: str = "mapped"
    source: str = "mapping"
    represents_body_id: str | None = Field(default=None, foreign_key="body.id")
    joined_on: str | None = None
    left_on: str | None = None


class Meeting(Row, table=True):
    __tablename__ = "meeting"
    body_id: str = Field(foreign_key="body.id", index=True)
    kind: str = "regular"
    starts_at: str = Field(default="", index=True)
    minutes: int = 90
    place: str = ""
    status: str = "planned"
    notes: str = ""
    schedule_note: str = ""  # why a generated date moved (holiday, weekend)
    # In-room mode (format 2; with a DEFAULT, as upgrade_v2 adds them to a format-1 file):
    # started_at: when "Start meeting" was pressed (local YYYY-MM-DDTHH:MM:SS); clock_item_id:
    # the agenda item the room is on; clock_elapsed: seconds of meeting time counted up to
    # clock_mark, the wall time (UTC ISO) the clock runs from ("" while paused / stopped).
    started_at: str = Field(default="", sa_column_kwargs={"server_default": ""})
    clock_item_id: str = Field(default="", sa_column_kwargs={"server_default": ""})
    clock_elapsed: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    clock_mark: str = Field(default="", sa_column_kwargs={"server_default": ""})


class AgendaItem(Row, table=True):
    __tablename__ = "agenda_item"
    meeting_id: str = Field(foreign_key="meeting.id", index=True)
    position: float = 0
    title: str = ""
    presenter: str = ""
    minutes: int = 10
    kind: str = "discussion"
    notes: str = ""
    # time used in the room (format 2), counted up to the meeting's clock_mark
    spent_seconds: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class Attendance(Row, table=True):
    __tablename__ = "attendance"
    meeting_id: str = Field(foreign_key="meeting.id", index=True)
    person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    guest_name: str = ""
    status: str = "present"


class Decision(Row, table=True):
    __tablename__ = "decision"
    meeting_id: str = Field(foreign_key="meeting.id", index=True)
    position: float = 0
    text: str = ""
    kind: str = "other"
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0
    payload: str = ""  # JSON: what the decision sets, e.g. {"channels": ["urban", "social"]}
    # format 2: enums.DECISION_OUTCOMES ("" in files from format 1)
    outcome: str = Field(default="", sa_column_kwargs={"server_default": ""})


class ActionItem(Row, table=True):
    __tablename__ = "action_item"
    meeting_id: str | None = Field(default=None, foreign_key="meeting.id", index=True)
    decision_id: str | None = Field(default=None, foreign_key="decision.id")
    text: str = ""
    owner_person_id: str | None = Field(default=None, foreign_key="person.id")
    due: str | None = None
    status: str = "open"
    done_meeting_id: str | None = None  # format 2: the meeting that marked it done


class Goal(Row, table=True):
    __tablename__ = "goal"
    channel_id: str = Field(foreign_key="channel.id", index=True)
    position: float = 0
    title: str = ""
    description: str = ""
    recommended_by_body_id: str | None = Field(default=None, foreign_key="body.id")
    adopted: bool = False
    adopted_decision_id: str | None = Field(default=None, foreign_key="decision.id")


class Objective(Row, table=True):
    __tablename__ = "objective"
    goal_id: str = Field(foreign_key="goal.id", index=True)
    position: float = 0
    title: str = ""
    indicator: str = ""
    baseline: str = ""
    target: str = ""
    target_date: str | None = None


class Action(Row, table=True):
    __tablename__ = "action"
    objective_id: str = Field(foreign_key="objective.id", index=True)
    position: float = 0
    title: str = ""
    owner_body_id: str | None = Field(default=None, foreign_key="body.id")
    owner_person_id: str | None = Field(default=None, foreign_key="person.id")
    start_quarter: str = ""  # "2027Q1"
    end_quarter: str = ""
    budget: int = 0  # whole shekels
    budget_source: str = ""
    status: str = "planned"


class ActionArea(Row, table=True):
    """An action's focus area (an action may serve several areas)."""

    __tablename__ = "action_area"
    action_id: str = Field(foreign_key="action.id", index=True)
    area_id: str = Field(foreign_key="area.id")


class PlanApproval(Row, table=True):
    """A version of a channel's work plan approved by a steering decision (a JSON snapshot)."""

    __tablename__ = "plan_approval"
    decision_id: str = Field(foreign_key="decision.id")
    channel_id: str | None = Field(default=None, foreign_key="channel.id")
    approved_at: str = ""
    snapshot: str = ""


class HistoryCopy(SQLModel, table=True):
    """The copies of this program the history knows: each copy's id, once (interned)."""

    __tablename__ = "history_copy"
    n: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(sa_column_kwargs={"unique": True})


class HistoryName(SQLModel, table=True):
    """Table and field names and step labels of the history, each stored once (interned)."""

    __tablename__ = "history_name"
    n: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column_kwargs={"unique": True})


class Step(SQLModel, table=True):
    """One user action (one undo step), the unit the history is shared in.

    A step is known across copies by ``(origin, at)`` (the copy it was made on, and when): ``at`` is a hybrid logical clock
    (``core.history.clock``), strictly increasing on each copy, so no two steps of one copy
    share it. ``n`` is this file's own number for it (recording order here).
    """

    __tablename__ = "step"
    __table_args__ = (Index("ux_step_origin_at", "origin", "at", unique=True),)
    n: int | None = Field(default=None, primary_key=True)
    origin: int = Field(foreign_key="history_copy.n")
    at: int
    label: int = Field(foreign_key="history_name.n")
    kind: str = "edit"  # edit, undo, redo, import, merge
    undoes: int | None = Field(default=None, foreign_key="step.n")


class Change(SQLModel, table=True):
    """The change history: one row per field changed (insert: one row with ``field`` NULL).

    ``old``/``new`` are the plain values (any type). A whole-row insert records no values:
    a row's first value of a field is the ``old`` of its first change, or the row's value.
    """

    __tablename__ = "change"
    n: int | None = Field(default=None, primary_key=True)
    step: int = Field(foreign_key="step.n", index=True)
    tbl: int = Field(foreign_key="history_name.n")
    row: str
    field: int | None = Field(default=None, foreign_key="history_name.n")
    old: str | None = Field(default=None, sa_column_kwargs={"info": {"type": "ANY"}})
    new: str | None = Field(default=None, sa_column_kwargs={"info": {"type": "ANY"}})


HISTORY_TABLES = [HistoryCopy, HistoryName, Step, Change]

DOMAIN_TABLES: list[type[SQLModel]] = [
    Program,
    Channel,
    SituationSection,
    Area,
    Body,
    Person,
    Membership,
    Meeting,
    AgendaItem,
    Attendance,
    Decision,
    ActionItem,
    Goal,
    Objective,
    Action,
    ActionArea,
    PlanApproval,
]
