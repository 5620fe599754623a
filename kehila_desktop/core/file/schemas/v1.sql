-- The frozen schema of format version 1 (taken from main on 2026-12-03).
-- Files of format 1 must have exactly these tables, columns and indexes to be opened
-- (and upgraded); core/file/guard.py compares them. Never edit this file.
CREATE TABLE area (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	name VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	in_focus BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE change (
	id VARCHAR NOT NULL, 
	seq INTEGER NOT NULL, 
	step_id VARCHAR NOT NULL, 
	table_name VARCHAR NOT NULL, 
	row_id VARCHAR NOT NULL, 
	field VARCHAR NOT NULL, 
	old VARCHAR, 
	new VARCHAR, 
	at VARCHAR NOT NULL, 
	copy_id VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_change_step_id ON change (step_id);
CREATE INDEX ix_change_row_id ON change (row_id);
CREATE INDEX ix_change_seq ON change (seq);
CREATE TABLE channel (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	"key" VARCHAR NOT NULL, 
	chosen BOOLEAN NOT NULL, 
	start VARCHAR NOT NULL, 
	chosen_on VARCHAR, 
	situation_picture VARCHAR NOT NULL, 
	problem_space VARCHAR NOT NULL, 
	solution_space VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_channel_key ON channel ("key");
CREATE TABLE meta (
	"key" VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE program (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	name VARCHAR NOT NULL, 
	locality VARCHAR NOT NULL, 
	authority VARCHAR NOT NULL, 
	start_date VARCHAR, 
	end_date VARCHAR, 
	timeline VARCHAR NOT NULL, 
	scope VARCHAR NOT NULL, 
	residents_target_pct INTEGER NOT NULL, 
	language VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE step (
	id VARCHAR NOT NULL, 
	seq INTEGER NOT NULL, 
	label VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	undoes VARCHAR, 
	at VARCHAR NOT NULL, 
	copy_id VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_step_seq ON step (seq);
CREATE TABLE person (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	name VARCHAR NOT NULL, 
	organisation VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	sector VARCHAR NOT NULL, 
	area_id VARCHAR, 
	community VARCHAR NOT NULL, 
	phone VARCHAR NOT NULL, 
	email VARCHAR NOT NULL, 
	notes VARCHAR NOT NULL, 
	contact_consent BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(area_id) REFERENCES area (id)
);
CREATE INDEX ix_person_name ON person (name);
CREATE TABLE situation_section (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	channel_id VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	title VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	figure VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(channel_id) REFERENCES channel (id)
);
CREATE INDEX ix_situation_section_channel_id ON situation_section (channel_id);
CREATE TABLE body (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	kind VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	channel_key VARCHAR, 
	chair_person_id VARCHAR, 
	cadence VARCHAR NOT NULL, 
	meeting_minutes INTEGER NOT NULL, 
	preferred_weekday INTEGER NOT NULL, 
	preferred_hour VARCHAR NOT NULL, 
	responsibilities VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(chair_person_id) REFERENCES person (id)
);
CREATE INDEX ix_body_kind ON body (kind);
CREATE TABLE meeting (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	body_id VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	starts_at VARCHAR NOT NULL, 
	minutes INTEGER NOT NULL, 
	place VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	notes VARCHAR NOT NULL, 
	schedule_note VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(body_id) REFERENCES body (id)
);
CREATE INDEX ix_meeting_body_id ON meeting (body_id);
CREATE INDEX ix_meeting_starts_at ON meeting (starts_at);
CREATE TABLE membership (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	person_id VARCHAR NOT NULL, 
	body_id VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	role_requirements VARCHAR NOT NULL, 
	expected_attendance INTEGER NOT NULL, 
	responsibilities VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	represents_body_id VARCHAR, 
	joined_on VARCHAR, 
	left_on VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(body_id) REFERENCES body (id), 
	FOREIGN KEY(represents_body_id) REFERENCES body (id)
);
CREATE INDEX ix_membership_body_id ON membership (body_id);
CREATE INDEX ix_membership_person_id ON membership (person_id);
CREATE TABLE agenda_item (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	meeting_id VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	title VARCHAR NOT NULL, 
	presenter VARCHAR NOT NULL, 
	minutes INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	notes VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);
CREATE INDEX ix_agenda_item_meeting_id ON agenda_item (meeting_id);
CREATE TABLE attendance (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	meeting_id VARCHAR NOT NULL, 
	person_id VARCHAR, 
	guest_name VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);
CREATE INDEX ix_attendance_meeting_id ON attendance (meeting_id);
CREATE INDEX ix_attendance_person_id ON attendance (person_id);
CREATE TABLE decision (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	meeting_id VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	text VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	votes_for INTEGER NOT NULL, 
	votes_against INTEGER NOT NULL, 
	votes_abstain INTEGER NOT NULL, 
	payload VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id)
);
CREATE INDEX ix_decision_meeting_id ON decision (meeting_id);
CREATE TABLE action_item (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	meeting_id VARCHAR, 
	decision_id VARCHAR, 
	text VARCHAR NOT NULL, 
	owner_person_id VARCHAR, 
	due VARCHAR, 
	status VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id), 
	FOREIGN KEY(decision_id) REFERENCES decision (id), 
	FOREIGN KEY(owner_person_id) REFERENCES person (id)
);
CREATE INDEX ix_action_item_meeting_id ON action_item (meeting_id);
CREATE TABLE goal (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	channel_id VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	title VARCHAR NOT NULL, 
	description VARCHAR NOT NULL, 
	recommended_by_body_id VARCHAR, 
	adopted BOOLEAN NOT NULL, 
	adopted_decision_id VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(channel_id) REFERENCES channel (id), 
	FOREIGN KEY(recommended_by_body_id) REFERENCES body (id), 
	FOREIGN KEY(adopted_decision_id) REFERENCES decision (id)
);
CREATE INDEX ix_goal_channel_id ON goal (channel_id);
CREATE TABLE plan_approval (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	decision_id VARCHAR NOT NULL, 
	channel_id VARCHAR, 
	approved_at VARCHAR NOT NULL, 
	snapshot VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(decision_id) REFERENCES decision (id), 
	FOREIGN KEY(channel_id) REFERENCES channel (id)
);
CREATE TABLE objective (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	goal_id VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	title VARCHAR NOT NULL, 
	indicator VARCHAR NOT NULL, 
	baseline VARCHAR NOT NULL, 
	target VARCHAR NOT NULL, 
	target_date VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(goal_id) REFERENCES goal (id)
);
CREATE INDEX ix_objective_goal_id ON objective (goal_id);
CREATE TABLE action (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	objective_id VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	title VARCHAR NOT NULL, 
	owner_body_id VARCHAR, 
	owner_person_id VARCHAR, 
	start_quarter VARCHAR NOT NULL, 
	end_quarter VARCHAR NOT NULL, 
	budget INTEGER NOT NULL, 
	budget_source VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(objective_id) REFERENCES objective (id), 
	FOREIGN KEY(owner_body_id) REFERENCES body (id), 
	FOREIGN KEY(owner_person_id) REFERENCES person (id)
);
CREATE INDEX ix_action_objective_id ON action (objective_id);
CREATE TABLE action_area (
	id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	action_id VARCHAR NOT NULL, 
	area_id VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(action_id) REFERENCES action (id), 
	FOREIGN KEY(area_id) REFERENCES area (id)
);
CREATE INDEX ix_action_area_action_id ON action_area (action_id);
