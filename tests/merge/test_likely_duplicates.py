"""The likely duplicates a merge lists: people who share an e-mail (trimmed, any case) or a
phone (its digits), the deleted left out, whatever the characters of the contacts."""

from __future__ import annotations

import random
import re

import pytest

from kehila_desktop.core.history.merge import likely_duplicates


def _expected(conn) -> list[tuple[str, str, list[str]]]:
    """The rule in a few lines: e-mail trimmed in any case, phone by its digits (7 or more)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for pid, email, phone in conn.execute("SELECT id, email, phone FROM live_person ORDER BY id"):
        if email and email.strip():
            groups.setdefault(("email", email.strip().casefold()), []).append(pid)
        digits = re.sub(r"\D+", "", phone or "")
        if len(digits) >= 7:
            groups.setdefault(("phone", digits), []).append(pid)
    found = {tuple(ids): key for key, ids in sorted(groups.items()) if len(ids) > 1}
    return sorted((key[0], key[1], list(ids)) for ids, key in found.items())


def _found(conn) -> list[tuple[str, str, list[str]]]:
    return sorted((d["by"], d["value"], d["people"]) for d in likely_duplicates(conn))


@pytest.mark.parametrize("odd", ["", "Ｒina@Example.org\u00a0", "٠٥٠-١٢٣٤٥٦٧"])
def test_people_sharing_an_email_or_phone_are_grouped_whatever_the_characters(ops, odd):
    rng = random.Random(7)
    emails = ["rina@example.org", " RINA@example.org", "dan@example.org", "", "   "]
    phones = ["050-1234567", "0501234567", "(050) 123 4567", "+972-50-1234567", "12-34", ""]
    with ops.step("people"):
        for n in range(60):
            ops.insert(
                "person",
                {"name": f"אדם {n}", "email": rng.choice(emails), "phone": rng.choice(phones)},
            )
        if odd:
            field = "phone" if odd[0].isdigit() else "email"
            ops.insert("person", {"name": "אחר", field: odd})
            ops.insert("person", {"name": "אחר 2", field: odd})
        gone = ops.insert("person", {"name": "נמחק", "email": "dan@example.org"})
        ops.delete("person", gone)
    expected = _expected(ops.conn)
    assert expected and _found(ops.conn) == expected
    assert all(gone not in ids for _by, _key, ids in expected)
