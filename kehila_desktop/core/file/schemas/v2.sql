-- The frozen schema of format version 2 (taken from main on 2026-12-03).
-- Files of format 2 must have exactly these tables, columns and indexes to be opened
-- (and upgraded); core/file/guard.py compares them. Never edit this file.
CREATE TABLE action (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    objective_id TEXT NOT NULL REFERENCES objective(id),
    position REAL NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    owner_body_id TEXT REFERENCES body(id),
    owner_person_id TEXT REFERENCES person(id),
    start_quarter TEXT NOT NULL DEFAULT '',
    end_quarter TEXT NOT NULL DEFAULT '',
    budget INTEGER NOT NULL DEFAULT 0,
    budget_source TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned'
) STRICT;
CREATE TABLE action_area (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    action_id TEXT NOT NULL REFERENCES action(id),
    area_id TEXT NOT NULL REFERENCES area(id)
) STRICT;
CREATE TABLE action_item (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    meeting_id TEXT REFERENCES meeting(id),
    decision_id TEXT REFERENCES decision(id),
    text TEXT NOT NULL DEFAULT '',
    owner_person_id TEXT REFERENCES person(id),
    due TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    done_meeting_id TEXT
) STRICT;
CREATE TABLE agenda_item (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    position REAL NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    presenter TEXT NOT NULL DEFAULT '',
    minutes INTEGER NOT NULL DEFAULT 10,
    kind TEXT NOT NULL DEFAULT 'discussion',
    notes TEXT NOT NULL DEFAULT '',
    spent_seconds INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE area (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'neighborhood',
    in_focus INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE attendance (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    person_id TEXT REFERENCES person(id),
    guest_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'present'
) STRICT;
CREATE TABLE body (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    channel_key TEXT,
    chair_person_id TEXT REFERENCES person(id),
    cadence TEXT NOT NULL DEFAULT 'monthly',
    meeting_minutes INTEGER NOT NULL DEFAULT 90,
    preferred_weekday INTEGER NOT NULL DEFAULT 0,
    preferred_hour TEXT NOT NULL DEFAULT '17:00',
    responsibilities TEXT NOT NULL DEFAULT '',
    position REAL NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE change (
    n INTEGER PRIMARY KEY,
    step INTEGER NOT NULL REFERENCES step(n),
    tbl INTEGER NOT NULL REFERENCES history_name(n),
    row TEXT NOT NULL,
    field INTEGER REFERENCES history_name(n),
    old ANY,
    new ANY
) STRICT;
CREATE TABLE channel (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    key TEXT NOT NULL,
    chosen INTEGER NOT NULL DEFAULT 0,
    start TEXT NOT NULL DEFAULT 'start',
    chosen_on TEXT,
    situation_picture TEXT NOT NULL DEFAULT '',
    problem_space TEXT NOT NULL DEFAULT '',
    solution_space TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE decision (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    position REAL NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'other',
    votes_for INTEGER NOT NULL DEFAULT 0,
    votes_against INTEGER NOT NULL DEFAULT 0,
    votes_abstain INTEGER NOT NULL DEFAULT 0,
    payload TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE goal (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    channel_id TEXT NOT NULL REFERENCES channel(id),
    position REAL NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    recommended_by_body_id TEXT REFERENCES body(id),
    adopted INTEGER NOT NULL DEFAULT 0,
    adopted_decision_id TEXT REFERENCES decision(id)
) STRICT;
CREATE TABLE history_copy (
    n INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE
) STRICT;
CREATE TABLE history_name (
    n INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE
) STRICT;
CREATE TABLE meeting (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    body_id TEXT NOT NULL REFERENCES body(id),
    kind TEXT NOT NULL DEFAULT 'regular',
    starts_at TEXT NOT NULL DEFAULT '',
    minutes INTEGER NOT NULL DEFAULT 90,
    place TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned',
    notes TEXT NOT NULL DEFAULT '',
    schedule_note TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL DEFAULT '',
    clock_item_id TEXT NOT NULL DEFAULT '',
    clock_elapsed INTEGER NOT NULL DEFAULT 0,
    clock_mark TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE membership (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    person_id TEXT NOT NULL REFERENCES person(id),
    body_id TEXT NOT NULL REFERENCES body(id),
    role TEXT NOT NULL DEFAULT 'member',
    role_requirements TEXT NOT NULL DEFAULT '',
    expected_attendance INTEGER NOT NULL DEFAULT 75,
    responsibilities TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'mapped',
    source TEXT NOT NULL DEFAULT 'mapping',
    represents_body_id TEXT REFERENCES body(id),
    joined_on TEXT,
    left_on TEXT
) STRICT;
CREATE TABLE meta (
    key TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE objective (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    goal_id TEXT NOT NULL REFERENCES goal(id),
    position REAL NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    indicator TEXT NOT NULL DEFAULT '',
    baseline TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    target_date TEXT
) STRICT;
CREATE TABLE person (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT 'resident',
    area_id TEXT REFERENCES area(id),
    community TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    contact_consent INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE plan_approval (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    decision_id TEXT NOT NULL REFERENCES decision(id),
    channel_id TEXT REFERENCES channel(id),
    approved_at TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE program (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL DEFAULT '',
    locality TEXT NOT NULL DEFAULT '',
    authority TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    end_date TEXT,
    timeline TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    residents_target_pct INTEGER NOT NULL DEFAULT 30,
    language TEXT NOT NULL DEFAULT 'he'
) STRICT;
CREATE TABLE situation_section (
    id TEXT NOT NULL PRIMARY KEY,
    deleted INTEGER NOT NULL DEFAULT 0,
    channel_id TEXT NOT NULL REFERENCES channel(id),
    position REAL NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    figure TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE step (
    n INTEGER PRIMARY KEY,
    origin INTEGER NOT NULL REFERENCES history_copy(n),
    at INTEGER NOT NULL,
    label INTEGER NOT NULL REFERENCES history_name(n),
    kind TEXT NOT NULL DEFAULT 'edit',
    undoes INTEGER REFERENCES step(n)
) STRICT;
CREATE INDEX ix_action_objective_id ON action (objective_id);
CREATE INDEX ix_action_area_action_id ON action_area (action_id);
CREATE INDEX ix_action_item_meeting_id ON action_item (meeting_id);
CREATE INDEX ix_agenda_item_meeting_id ON agenda_item (meeting_id);
CREATE INDEX ix_attendance_meeting_id ON attendance (meeting_id);
CREATE INDEX ix_attendance_person_id ON attendance (person_id);
CREATE INDEX ix_body_kind ON body (kind);
CREATE INDEX ix_change_step ON change (step);
CREATE INDEX ix_channel_key ON channel (key);
CREATE INDEX ix_decision_meeting_id ON decision (meeting_id);
CREATE INDEX ix_goal_channel_id ON goal (channel_id);
CREATE INDEX ix_meeting_body_id ON meeting (body_id);
CREATE INDEX ix_meeting_starts_at ON meeting (starts_at);
CREATE INDEX ix_membership_body_id ON membership (body_id);
CREATE INDEX ix_membership_person_id ON membership (person_id);
CREATE INDEX ix_objective_goal_id ON objective (goal_id);
CREATE INDEX ix_person_name ON person (name);
CREATE INDEX ix_situation_section_channel_id ON situation_section (channel_id);
CREATE UNIQUE INDEX ux_step_origin_at ON step (origin, at);
