"""Role letters: one per member with its own page numbers, an invitation for members approved
or invited and a welcome for those who joined, in correct Hebrew; counts in the language's
plural forms, and the same member count in every handout (members = joined)."""

from __future__ import annotations

import sqlite3

import pytest

from kehila_desktop.cli import main
from kehila_desktop.printing import build

from .pdftext import pdf_segments


def _design(path):
    conn = sqlite3.connect(path)
    try:
        design = conn.execute("SELECT id FROM body WHERE kind='design'").fetchone()[0]
        statuses = dict(
            conn.execute(
                "SELECT status, count(*) FROM membership WHERE body_id=? AND deleted=0 "
                "GROUP BY status",
                (design,),
            )
        )
    finally:
        conn.close()
    return design, statuses


def _text(path) -> list[str]:
    return [" ".join(page) for page in pdf_segments(path)]


def test_each_letter_has_its_own_page_numbers_and_its_status_text(printed_sample, tmp_path):
    design, statuses = _design(printed_sample)
    letters = statuses["approved"] + statuses["invited"] + statuses["joined"]
    out = tmp_path / "letters.pdf"
    pages = build("role-letter", printed_sample, out, language="en", body=design)
    texts = _text(out)
    assert pages == len(texts) >= letters
    assert sum("Page 1 of" in t for t in texts) == letters  # numbering restarts per letter
    assert not any(f"of {pages}" in t for t in texts if pages > 2)
    invitations = sum("You are invited to the design committee" in t for t in texts)
    welcomes = sum("We welcome you to the design committee" in t for t in texts)
    assert invitations == statuses["approved"] + statuses["invited"]
    assert welcomes == statuses["joined"]
    assert not any("thank you for joining" in t and "invited" in t for t in texts)


def test_hebrew_letter_says_to_the_design_committee_with_its_article(printed_sample, tmp_path):
    design, _ = _design(printed_sample)
    out = tmp_path / "he.pdf"
    build("role-letter", printed_sample, out, language="he", body=design)
    text = " ".join(_text(out))
    assert "תבצעמה הדעוול" in text  # "לוועדה המעצבת" drawn right to left
    assert "תבצעמ הדעול" not in text  # not "לועדה מעצבת"


def test_member_counts_agree_across_handouts(printed_sample, tmp_path):
    design, statuses = _design(printed_sample)
    joined = statuses["joined"]
    on_the_way = statuses["proposed"] + statuses["approved"] + statuses["invited"]
    for handout in ("roster", "composition", "structure"):
        out = tmp_path / f"{handout}.pdf"
        build(handout, printed_sample, out, language="en", body=design)
        text = " ".join(_text(out))
        assert f"{joined} members" in text, handout
        if handout == "roster":
            assert f"{on_the_way} more on the way" in text


@pytest.mark.parametrize(
    "language, one", [("en", "(1 page)."), ("he", "(דומע דחא)."), ("ar", "(ةدحاو ةحفص).")]
)
def test_cli_says_one_page_in_the_singular(
    printed_sample, tmp_path, capsys, monkeypatch, language, one
):
    from kehila_desktop.core.i18n import ntr

    monkeypatch.setenv("KEHILA_LANGUAGE", language)
    out = tmp_path / "open-call.pdf"
    assert main(["print", str(printed_sample), "open-call", str(out)]) == 0
    said = capsys.readouterr().out.strip()
    assert said == ntr(
        "Wrote {path} ({n} page).", "Wrote {path} ({n} pages).", 1, language, path=out
    )
    assert "1 pages" not in said and "1 עמודים" not in said and "1 صفحات" not in said
    assert one  # the expected wording, for readers of this test
