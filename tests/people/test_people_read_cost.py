"""Reading the people table does no Python work per person (issue 18: the read stays within
2× of raw sqlite3 at 20,000 people), and what the table shows is still read whole."""

import sys

from kehila_desktop.core.people.search import PeopleFilter, ensure_keys, filter_rows, people_rows

from .helpers import add_person, body_id, join


def _python_calls(fn) -> int:
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return calls


def _add_people(ops, count: int, design: str) -> None:
    with ops.step("people"):
        for i in range(count):
            join(ops, add_person(ops, f"Person {i:03}"), design, status="invited")


def test_reading_the_people_table_costs_the_same_python_calls_for_5_or_200_people(ops):
    design = body_id(ops.conn, "design")
    _add_people(ops, 5, design)
    few = _python_calls(lambda: people_rows(ops.conn))
    _add_people(ops, 195, design)
    many = _python_calls(lambda: people_rows(ops.conn))
    assert len(people_rows(ops.conn)) >= 200
    assert many == few  # nothing per row: the rows are the query's own


def test_a_row_shows_its_bodies_once_in_order_and_its_statuses(ops):
    conn = ops.conn
    design, steering = body_id(conn, "design"), body_id(conn, "steering")
    with ops.step("people"):
        dana = add_person(ops, "Dana", phone="050-123 4567", contact_consent=1)
        join(ops, dana, design, status="invited")
        join(ops, dana, design, role="chair", status="joined")
        join(ops, dana, steering, status="proposed")
        add_person(ops, "Alone")
    rows = {r.name: r for r in people_rows(conn)}
    names = rows["Dana"].bodies.split(", ")
    assert sorted(names) == sorted(set(names)) and len(names) == 2  # each body once
    assert rows["Dana"].body_ids == {design, steering}
    assert rows["Dana"].statuses == {"invited", "joined", "proposed"}
    assert rows["Dana"].contact_consent is True and rows["Alone"].contact_consent is False
    assert (rows["Alone"].bodies, rows["Alone"].body_ids) == ("", frozenset())
    ensure_keys(list(rows.values()))
    found = filter_rows(list(rows.values()), PeopleFilter("0501234567", status="joined"))
    assert [r.name for r in found] == ["Dana"]


def test_people_are_listed_by_name_and_equal_names_in_the_order_they_were_added(ops):
    conn = ops.conn
    design, steering = body_id(conn, "design"), body_id(conn, "steering")
    with ops.step("people"):
        second = add_person(ops, "Noa", organisation="added first")
        add_person(ops, "Avi")
        third = add_person(ops, "Noa", organisation="added second")
        join(ops, third, steering, status="joined")
        join(ops, third, design, status="invited")  # added after steering: listed after it
        join(ops, second, design, status="joined")
    rows = people_rows(conn)
    assert [(r.name, r.organisation) for r in rows if r.name in ("Avi", "Noa")] == [
        ("Avi", ""),
        ("Noa", "added first"),
        ("Noa", "added second"),
    ]
    name = dict(conn.execute("SELECT id, name FROM body").fetchall())
    assert next(r for r in rows if r.id == third).bodies == f"{name[steering]}, {name[design]}"
