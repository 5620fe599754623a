"""The merge report's list of likely duplicates reads in the screen's direction: in Hebrew the
first name of a pair stands at the right, even when the names are written in Latin letters."""

from kehila_desktop.core.history.merge_report import MergeReport
from kehila_desktop.core.i18n import isolated_fields
from kehila_desktop.printing.engine.bidi import visual


def _duplicate_line(language: str) -> str:
    report = MergeReport(history_added=1)
    report.duplicates.append(
        {"names": ["Rana Haddad", "Dana Levi"], "by": "email", "value": "rana@example.org"}
    )
    with isolated_fields():
        text = report.text(language)
    return next(line for line in text.splitlines() if "Rana Haddad" in line)


def test_in_hebrew_the_first_name_of_a_pair_is_read_first():
    shown = visual(_duplicate_line("he"), rtl=True)
    assert shown.index("Rana Haddad") > shown.index("Dana Levi"), shown


def test_in_english_the_first_name_of_a_pair_is_read_first():
    shown = visual(_duplicate_line("en"), rtl=False)
    assert shown.index("Rana Haddad") < shown.index("Dana Levi"), shown


def test_in_arabic_the_names_are_joined_with_the_arabic_comma():
    line = _duplicate_line("ar")
    assert "، " in line and ", " not in line, line
