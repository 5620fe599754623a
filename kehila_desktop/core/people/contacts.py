"""A person's contact details: a phone as people write it, and what is wrong with a phone or
an e-mail address (one sentence), for the person editor, the import and the named operations."""

from __future__ import annotations

import re

from kehila_desktop.core.i18n import tr

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_PUNCT = re.compile(r"[\s\-().\u200e\u200f]")


def clean_phone(text: str) -> str:
    """A phone as written, with a lost leading zero restored and international form kept."""
    text = (text or "").strip()
    if not text:
        return ""
    if re.fullmatch(r"\d{8,9}", text) and not text.startswith("0"):
        return "0" + text  # a spreadsheet number that lost its zero
    if re.fullmatch(r"972\d{8,9}", text):
        return "+" + text
    return text


def validate_phone(text: str) -> str | None:
    """None when ``text`` is a usable phone number (or empty), else why it is not."""
    if not text:
        return None
    bare = _PHONE_PUNCT.sub("", text)
    if not re.fullmatch(r"\+?\d+", bare):
        return tr("A phone number may contain only digits, spaces, dashes and a leading +.")
    if bare.startswith("+"):
        if not 8 <= len(bare) - 1 <= 15:
            return tr("An international number has 8 to 15 digits after the +.")
        return None
    if not bare.startswith("0"):
        return tr("An Israeli phone number starts with 0 (or write it with +972).")
    if len(bare) not in (9, 10):
        return tr(
            "An Israeli phone number has 9 or 10 digits; this one has {count}.", count=len(bare)
        )
    return None


def validate_email(text: str) -> str | None:
    """None when ``text`` looks like an e-mail address (or is empty), else why it does not."""
    if not text:
        return None
    if " " in text.strip():
        return tr("An e-mail address has no spaces.")
    if text.count("@") != 1:
        return tr("An e-mail address has exactly one @, as in name@example.org.")
    if not EMAIL_RE.match(text.strip()):
        return tr("After the @ comes a domain with a dot, as in name@example.org.")
    return None
