"""Every handout builds from the sample program in Hebrew, Arabic and English, and every
character printed has a glyph in the font that printed it (no empty boxes)."""

from __future__ import annotations

import pdfplumber
import pytest
from reportlab.pdfbase.ttfonts import TTFont

from kehila_desktop.core.paths import resource
from kehila_desktop.printing import HANDOUTS, Cancelled, build

from .pdftext import fribidi, needs_fribidi, pdf_segments

_CMAPS: dict[str, set[int]] = {}


def _cmap(pdf_font_name: str) -> set[int]:
    """The cmap of the bundled font a PDF font name ("ABCDEF+NotoSansHebrew-Bold") is."""
    face = pdf_font_name.split("+", 1)[-1]
    if face not in _CMAPS:
        _CMAPS[face] = set(TTFont(face, str(resource("fonts", face + ".ttf"))).face.charToGlyph)
    return _CMAPS[face]


@pytest.fixture(scope="module")
def built(printed_sample, sample_ids, tmp_path_factory):
    folder = tmp_path_factory.mktemp("handouts")
    out = {}
    for language in ("he", "ar", "en"):
        for handout in HANDOUTS:
            path = folder / f"{language}-{handout}.pdf"
            options = dict(sample_ids)
            if handout == "role-letter":
                options.pop("body")  # one member's letter; the body's letters are below
            pages = build(handout, printed_sample, path, language=language, **options)
            out[language, handout] = (path, pages)
    return out


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_every_handout_builds_and_every_glyph_exists(built, language):
    for handout in HANDOUTS:
        path, pages = built[language, handout]
        assert pages >= 1
        with pdfplumber.open(str(path)) as pdf:
            assert len(pdf.pages) == pages
            chars = [c for p in pdf.pages for c in p.chars]
        assert len(chars) > 100, handout
        missing = {
            (c["text"], c["fontname"])
            for c in chars
            if any(ord(ch) not in _cmap(c["fontname"]) for ch in c["text"])
        }
        assert not missing, (handout, missing)


def test_pages_say_page_x_of_y_in_the_language(built):
    path, pages = built["he", "calendar"]
    assert pages >= 2
    segments = pdf_segments(path)
    for n, page in enumerate(segments, 1):
        expected = f"עמוד {n} מתוך {pages}"[::-1]  # Hebrew words reversed, numbers kept
        expected = expected.replace(str(n)[::-1], str(n)).replace(str(pages)[::-1], str(pages))
        assert any(expected in s for s in page), (n, page[-3:])
    path, pages = built["en", "calendar"]
    assert any(f"Page 1 of {pages}" in s for s in pdf_segments(path)[0])  # sentence case


def test_hebrew_handout_is_in_hebrew_and_arabic_in_arabic(built):
    he = " ".join(pdf_segments(built["he", "agenda"][0])[0])
    ar = " ".join(pdf_segments(built["ar", "agenda"][0])[0])
    assert "םוי רדס" in he  # "סדר יום", drawn right to left
    assert "\ufe8d" in ar or "ﻝﺎﻤﻋﻷﺍ" in ar  # shaped Arabic (presentation forms)


def test_role_letters_for_a_body_one_page_each(printed_sample, tmp_path):
    import sqlite3

    conn = sqlite3.connect(printed_sample)
    team, members = conn.execute(
        "SELECT b.id, count(*) FROM body b JOIN membership m ON m.body_id=b.id "
        "WHERE b.kind='program_team' AND m.status IN ('approved', 'invited', 'joined') "
        "AND m.deleted=0 GROUP BY b.id"
    ).fetchone()
    conn.close()
    out = tmp_path / "letters.pdf"
    pages = build("role-letter", printed_sample, out, language="he", body=team)
    assert pages == members >= 2
    first_lines = [page[3] for page in pdf_segments(out)]
    assert all(line == first_lines[0] for line in first_lines)  # each page opens a letter


def test_no_contacts_leaves_out_phones_and_emails(printed_sample, tmp_path):
    with_contacts, without = tmp_path / "a.pdf", tmp_path / "b.pdf"
    build("people", printed_sample, with_contacts, language="en")
    build("people", printed_sample, without, language="en", contacts=False)
    text_a = " ".join(s for p in pdf_segments(with_contacts) for s in p)
    text_b = " ".join(s for p in pdf_segments(without) for s in p)
    assert "@example.org" in text_a and "@example.org" not in text_b


def test_cancel_leaves_no_file_and_progress_counts_pages(printed_sample, tmp_path):
    out = tmp_path / "calendar.pdf"
    seen: list[int] = []
    with pytest.raises(Cancelled):
        build(
            "calendar", printed_sample, out, progress=seen.append, cancelled=lambda: len(seen) >= 1
        )
    assert not out.exists() and list(tmp_path.iterdir()) == []
    seen.clear()
    pages = build("calendar", printed_sample, out, progress=seen.append)
    assert seen == list(range(1, pages + 1)) and out.exists()


def test_an_empty_program_prints_every_handout_that_needs_no_meeting(new_file, tmp_path):
    from kehila_desktop.printing import NEEDS_MEETING

    for handout in HANDOUTS:
        if handout in NEEDS_MEETING:
            continue
        out = tmp_path / f"{handout}.pdf"
        assert build(handout, new_file, out, language="ar") >= 1, handout


@needs_fribidi
def test_markup_like_names_print_literally_in_a_handout(ops, new_file, tmp_path):
    names = ["<b>דנה</b>", "&amp; سارة", "<font>"]  # short: one line per cell
    design = ops.conn.execute("SELECT id FROM body WHERE kind='design'").fetchone()[0]
    with ops.step("add people"):
        for name in names:
            person = ops.insert(
                "person", {"name": name, "organisation": "<script>", "contact_consent": True}
            )
            ops.insert("membership", {"person_id": person, "body_id": design, "status": "joined"})
    for handout, language in (("people", "he"), ("roster", "ar"), ("signin", "en")):
        out = tmp_path / f"{handout}.pdf"
        options = {}
        if handout == "signin":
            options["meeting"] = ops.insert(
                "meeting", {"body_id": design, "starts_at": "2027-01-12T17:30"}
            )
        build(handout, new_file, out, language=language, **options)
        printed = [s for page in pdf_segments(out) for s in page]
        rtl = language != "en"
        for text in [*names, "<script>"]:
            assert fribidi([text], rtl, auto=True)[0] in printed, (handout, text)


def test_handout_names_for_menus_are_translated():
    from kehila_desktop.core.i18n import tr
    from kehila_desktop.printing import OPTIONS, TITLES

    assert set(TITLES) == set(OPTIONS) == set(HANDOUTS)
    for language in ("he", "ar"):
        for message in TITLES.values():
            assert tr(message, language) != message, (language, message)


def test_characters_no_font_has_print_as_a_replacement_mark(tmp_path):
    from kehila_desktop.printing.engine.document import PageInfo, build_pdf
    from kehila_desktop.printing.engine.flowables import Para
    from kehila_desktop.printing.engine.text import TextStyle

    out = tmp_path / "emoji.pdf"
    build_pdf(
        [Para("דנה 😀 中文 Ruth", TextStyle(rtl=True))],
        out,
        PageInfo("he", "p", "l", "b", "d", "t"),
    )
    with pdfplumber.open(str(out)) as pdf:
        chars = pdf.pages[0].chars
    assert not [c for c in chars if any(ord(ch) not in _cmap(c["fontname"]) for ch in c["text"])]
    assert "\ufffd" in "".join(c["text"] for c in chars)
