"""The names of the program file's tables and of the fields the named operations write, as
constants: the core's operations use these, so no table or field name is typed in a view.

(The model in ``core/file/model.py`` is the schema; these are only its names.)
"""

from __future__ import annotations

PROGRAM = "program"
CHANNEL = "channel"
AREA = "area"
BODY = "body"
PERSON = "person"
MEMBERSHIP = "membership"
MEETING = "meeting"
AGENDA_ITEM = "agenda_item"
ATTENDANCE = "attendance"
DECISION = "decision"
ACTION_ITEM = "action_item"
SITUATION_SECTION = "situation_section"
GOAL = "goal"
OBJECTIVE = "objective"
ACTION = "action"
ACTION_AREA = "action_area"
PLAN_APPROVAL = "plan_approval"

# fields a view edits one at a time (each is a keyword of a named operation)
PERSON_FIELDS = (
    "name",
    "organisation",
    "title",
    "sector",
    "area_id",
    "community",
    "phone",
    "email",
    "notes",
    "contact_consent",
)
MEMBERSHIP_FIELDS = (
    "role",
    "role_requirements",
    "expected_attendance",
    "responsibilities",
    "status",
    "source",
    "represents_body_id",
    "joined_on",
    "left_on",
)
BODY_FIELDS = (
    "name",
    "chair_person_id",
    "cadence",
    "meeting_minutes",
    "preferred_weekday",
    "preferred_hour",
    "responsibilities",
    "training_cadence",
    "team_day_cadence",
)
PROGRAM_FIELDS = (
    "name",
    "locality",
    "authority",
    "start_date",
    "end_date",
    "timeline",
    "scope",
    "residents_target_pct",
    "language",
)
MEETING_FIELDS = (
    "body_id",
    "kind",
    "starts_at",
    "minutes",
    "place",
    "status",
    "notes",
    "schedule_note",
)
AGENDA_ITEM_FIELDS = ("position", "title", "presenter", "minutes", "kind", "notes")

# every table whose rows are tombstoned (``deleted`` 0 → 1): each has a view of its live rows
LIVE_TABLES = (
    PROGRAM,
    CHANNEL,
    AREA,
    BODY,
    PERSON,
    MEMBERSHIP,
    MEETING,
    AGENDA_ITEM,
    ATTENDANCE,
    DECISION,
    ACTION_ITEM,
    SITUATION_SECTION,
    GOAL,
    OBJECTIVE,
    ACTION,
    ACTION_AREA,
    PLAN_APPROVAL,
)


def live(table: str) -> str:
    """The name of the view of ``table``'s live (not deleted) rows: ``live_<table>``."""
    return "live_" + table


def create_live_views(conn) -> None:
    """Create, on this connection, a TEMP view ``live_<table>`` of each table's live rows.

    This is the one place the tombstone filter is written; reads go through the views. TEMP
    views belong to the connection, not the file: the file's schema is unchanged.
    """
    for table in LIVE_TABLES:
        conn.execute(
            f"CREATE TEMP VIEW IF NOT EXISTS {live(table)} AS "
            f"SELECT * FROM main.{table} WHERE deleted = 0"
        )
