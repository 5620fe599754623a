"""What the subcommands share: the CLI's language and opening a file for reading."""

from __future__ import annotations

import os
from contextlib import contextmanager
from collections.abc import Iterator

from kehila_desktop.core import i18n


def cli_language(explicit: str | None = None) -> str:
    """``--language`` if given, else KEHILA_LANGUAGE, else the locale (he/ar), else English."""
    for candidate in (
        explicit,
        os.environ.get("KEHILA_LANGUAGE"),
        (os.environ.get("LC_ALL") or os.environ.get("LANG") or "")[:2],
    ):
        if candidate in i18n.LANGUAGES:
            return candidate
    return "en"


def use_language(explicit: str | None = None) -> str:
    language = cli_language(explicit)
    i18n.set_language(language)
    return language


@contextmanager
def writing(path, command: str) -> Iterator:
    """Open ``path`` to write it, holding the program-file lock as ``command`` for the whole
    command: a file another instance or command holds, or one that cannot be written, is
    refused (exit 3) before anything is read from it. Yields ``(pf, ops)``."""
    from kehila_desktop.core.errors import ProgramFileError
    from kehila_desktop.core.file.lock import ProgramLock
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.history.operations import Operations

    with ProgramLock(path, command):
        with open_program(path) as pf:
            if pf.read_only:
                raise ProgramFileError(
                    "read_only",
                    "{path} cannot be changed: the file or its folder is "
                    "read-only. Nothing was changed.",
                    path=path,
                )
            yield pf, Operations(pf)
