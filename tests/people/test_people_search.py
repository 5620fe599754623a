"""Search: final letters, niqqud, Arabic diacritics and case never defeat a search."""

import pytest

from kehila_desktop.core.people.search import (
    PeopleFilter,
    filter_rows,
    normalise,
    people_rows,
    phone_digits,
    search_people,
)

from .helpers import add_person, body_id, join


def test_normalise_final_letters_niqqud_and_arabic_marks():
    assert normalise("שָׁלוֹם") == normalise("שלומ") == "שלומ"
    assert normalise("כהן") == normalise("כהנ")
    assert normalise("مُحَمَّـــد") == "محمد"  # harakat and tatweel removed
    assert normalise("أحمد") == normalise("احمد")  # alef forms
    assert normalise("  Dana  COHEN ") == "dana cohen"


def test_search_finds_people_by_any_spelling(ops):
    with ops.step("people"):
        add_person(
            ops,
            "מרים כהן",
            organisation="עמותת השכונה",
            phone="050-123 4567",
            email="Miriam@Example.org",
        )
        add_person(ops, "مُحَمَّد خَطيب", community="الحي الشرقي")
        add_person(ops, "Dana Levi", organisation="Tech Ltd")
    conn = ops.conn
    names = lambda text: [r.name for r in search_people(conn, text)]  # noqa: E731
    assert names("כהנ") == ["מרים כהן"]  # final nun typed as a regular nun
    assert names("מִרְיָם") == ["מרים כהן"]  # niqqud in the query
    assert names("محمد") == ["مُحَمَّد خَطيب"]  # no harakat in the query
    assert names("miriam@") == ["מרים כהן"]  # e-mail, case-folded
    assert names("0501234567") == ["מרים כהן"]  # phone without its spaces and dashes
    assert names("tech") == ["Dana Levi"]  # organisation
    assert names("الشرقي") == ["مُحَمَّد خَطيب"]  # community
    assert names("dana levi") == ["Dana Levi"] and names("levi dana") == ["Dana Levi"]
    assert names("nobody-like-this") == []


def test_filters_by_sector_area_body_and_status(ops):
    conn = ops.conn
    design = body_id(conn, "design")
    with ops.step("people"):
        area = ops.insert("area", {"name": "שכונת הזיתים"})
        a = add_person(ops, "א", sector="academia", area_id=area)
        b = add_person(ops, "ב", sector="resident")
        join(ops, a, design, status="invited")
        join(ops, b, design, status="joined")
    rows = people_rows(conn)
    ids = lambda **f: {r.id for r in filter_rows(rows, PeopleFilter(**f))}  # noqa: E731
    assert ids(sector="academia") == {a}
    assert ids(area_id=area) == {a}
    assert ids(body_id=design) == {a, b}
    assert ids(status="joined") == {b}
    assert ids(body_id=design, status="invited") == {a}
    row = next(r for r in rows if r.id == a)
    assert row.area == "שכונת הזיתים" and row.bodies  # the body's name is shown


@pytest.mark.parametrize(
    "phone, digits",
    [
        ("050-123 4567", "0501234567"),
        ("+972 (50) 123.4567/8", "9725012345678"),
        ("٠٥٠-١٢٣٤٥٦٧", "٠٥٠١٢٣٤٥٦٧"),  # Arabic-Indic digits are digits
        ("050²-123", "050123"),  # a superscript is not a digit
        ("tel: 050\t1234567", "0501234567"),
        ("- ( )", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_a_phone_keeps_only_its_digits(phone, digits):
    assert phone_digits(phone) == digits
