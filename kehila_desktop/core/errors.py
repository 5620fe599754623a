"""Errors the core raises: each carries one plain sentence (an English message id that the
user's language translates) and, for program files, a reason code the CLI maps to exit 3."""

from __future__ import annotations


class KehilaError(Exception):
    """An error a user can understand: ``message`` is a message id, ``args`` fill it."""

    def __init__(self, message: str, **fields: object) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields

    def text(self, translate=None) -> str:
        """The sentence in the user's language (``translate`` is ``core.i18n.tr``)."""
        template = translate(self.message) if translate else self.message
        try:
            return template.format(**self.fields)
        except (KeyError, IndexError, ValueError):
            return template


class ProgramFileError(KehilaError):
    """A program file that cannot be used: missing, not a program file, damaged, newer, locked."""

    def __init__(self, reason: str, message: str, **fields: object) -> None:
        super().__init__(message, **fields)
        self.reason = reason


class ReadOnlyError(KehilaError):
    """An edit was asked of a file opened read-only."""


class InvalidEdit(KehilaError):
    """An edit that names a table, row or field that does not exist, or a bad value."""
