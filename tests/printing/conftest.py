"""Fixtures for printing tests: one sample program per session (it is only read)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def printed_sample(tmp_path_factory):
    """A sample program file shared by the read-only printing tests."""
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.sample.build import populate_sample

    return create_program(
        tmp_path_factory.mktemp("print") / "sample.kehila", populate=populate_sample
    )


@pytest.fixture(scope="session")
def sample_ids(printed_sample):
    """Ids handouts need: a held design meeting, the design committee, one of its members."""
    import sqlite3

    conn = sqlite3.connect(printed_sample)
    try:
        design = conn.execute("SELECT id FROM body WHERE kind='design' AND deleted=0").fetchone()[0]
        meeting = conn.execute(
            "SELECT id FROM meeting WHERE body_id=? AND status='held' AND deleted=0 "
            "ORDER BY starts_at LIMIT 1",
            (design,),
        ).fetchone()[0]
        member = conn.execute(
            "SELECT person_id FROM membership WHERE body_id=? AND status='joined' "
            "AND deleted=0 LIMIT 1",
            (design,),
        ).fetchone()[0]
    finally:
        conn.close()
    return {"meeting": meeting, "body": design, "member": member}
