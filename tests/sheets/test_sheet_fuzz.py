"""Sheet fuzz: good sheets of every format with bytes overwritten, cut or repeated. Reading
one either works or is refused with one sentence (``SheetReadError``) — no other error, no
crash, no hang. ``KEHILA_LONG_FUZZ=1`` runs many more cases."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from kehila_desktop.core.people.sheet_io import read_people_sheet
from kehila_desktop.core.sheets import SheetReadError

from .make import people_xlsx

DATA = Path(__file__).resolve().parent.parent / "data"
EXAMPLES = 2000 if os.environ.get("KEHILA_LONG_FUZZ") else 120


def _sources(tmp: Path) -> dict[str, bytes]:
    out = {
        name: (DATA / name).read_bytes()
        for name in (
            "people-libreoffice.ods",
            "people-libreoffice.xls",
            "people-libreoffice.xlsx",
            "people.csv",
            "calamine/date.xlsb",
        )
    }
    out["made.xlsx"] = people_xlsx(tmp / "made.xlsx").read_bytes()
    return out


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    source=st.sampled_from(
        [
            "people-libreoffice.ods",
            "people-libreoffice.xls",
            "people-libreoffice.xlsx",
            "people.csv",
            "made.xlsx",
            "calamine/date.xlsb",
        ]
    ),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), min_size=1, max_size=4
    ),
    cut=st.one_of(st.none(), st.floats(0.05, 1)),
    repeat=st.integers(1, 3),
)
def test_damaged_sheets_read_or_refuse_in_one_sentence(tmp_path, source, edits, cut, repeat):
    data = bytearray(_sources(tmp_path)[source])
    for where, replacement in edits:
        at = int(where * (len(data) - 1))
        data[at : at + len(replacement)] = replacement
    if cut is not None:
        data = data[: max(1, int(len(data) * cut))]
    path = tmp_path / ("fuzzed" + Path(source).suffix)
    path.write_bytes(bytes(data) * repeat if source.endswith(".csv") else bytes(data))
    try:
        read_people_sheet(path)
    except SheetReadError as exc:
        assert "\n" not in exc.text()
