"""What the app remembers between runs (QSettings): the language and the recent files."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from kehila_desktop.core.i18n import DEFAULT_LANGUAGE, LANGUAGES

ORGANISATION = "Kehila Metiva"
APPLICATION = "Kehila Desktop"
RECENT_MAX = 8


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def saved_language() -> str:
    value = settings().value("language", DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    settings().setValue("language", language)


def recent_files() -> list[str]:
    """The recent program files, newest first; ones that no longer exist are dropped."""
    value = settings().value("recent", [])
    if isinstance(value, str):
        value = [value] if value else []
    kept = [p for p in (value or []) if isinstance(p, str) and os.path.isfile(p)]
    if kept != list(value or []):
        settings().setValue("recent", kept)
    return kept[:RECENT_MAX]


def add_recent(path: str | os.PathLike) -> None:
    text = str(Path(path).resolve())
    value = [p for p in recent_files() if p != text]
    settings().setValue("recent", [text, *value][:RECENT_MAX])


def forget_recent(path: str | os.PathLike) -> None:
    text = str(Path(path).resolve())
    settings().setValue("recent", [p for p in recent_files() if p != text])


def user_data_dir() -> Path:
    """Where the app keeps its own files (the sample program, the crash log)."""
    from PySide6.QtCore import QStandardPaths

    folder = os.environ.get("KEHILA_DATA_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation
    )
    path = Path(folder or Path.home() / ".kehila-desktop")
    path.mkdir(parents=True, exist_ok=True)
    return path
