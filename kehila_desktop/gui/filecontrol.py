"""The program-file lifecycle of the window: open (with the lock and read-only choices),
new (empty or from the sample), close, save a copy, the recent list, the bundled sample.

Every failure becomes one sentence in a dialog; the app keeps whatever was open before.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kehila_desktop.core.errors import KehilaError, ProgramFileError
from kehila_desktop.core.i18n import language, tr
from kehila_desktop.core.paths import resource
from kehila_desktop.gui import dialogs, settings

# core.programfile and core.lock are imported when a file is first opened, after the window
# has painted (start-up speed); this is their SUFFIX.
SUFFIX = ".kehila"


def sample_path() -> Path:
    """The user's copy of the sample program; made on first use (from the bundled file, or
    generated from ``core.sample``)."""
    from kehila_desktop.core.file.create import create_program

    target = settings.user_data_dir() / f"sample{SUFFIX}"
    if target.exists():
        return target
    bundled = resource("sample", f"sample{SUFFIX}")
    if bundled.is_file():
        tmp = target.with_name(target.name + ".tmp")
        shutil.copyfile(bundled, tmp)
        os.replace(tmp, target)
        return target
    from kehila_desktop.core.sample.build import populate_sample

    return create_program(target, language=language(), populate=populate_sample)


class FileController(QObject):
    """Opens and closes program files for one window's ``AppContext``."""

    recentChanged = Signal()

    def __init__(self, context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lock = None  # core.lock.ProgramLock of the open file
        self.read_only_reason = ""  # "", "newer", "locked", "permission"

    @property
    def parent_widget(self):
        return self.context.dialog_parent

    @staticmethod
    def commit_pending_edit() -> None:
        """A field being typed in commits when it loses focus: make that happen before the
        file it belongs to is closed (edits are never lost)."""
        from PySide6.QtWidgets import QApplication

        widget = QApplication.focusWidget()
        if widget is not None:
            widget.clearFocus()

    # --- opening ----------------------------------------------------------------------
    def open_path(self, path: str | os.PathLike) -> bool:
        """Open ``path`` in place of the current file; False (and a dialog) when it can't."""
        from kehila_desktop.core.file import lock as locks
        from kehila_desktop.core.file.programfile import FORMAT_VERSION, open_program

        path = Path(path)
        if self.context.pf is not None and _same(self.context.pf.path, path):
            return True
        self.commit_pending_edit()
        read_only, reason = False, ""
        held = locks.holder(path) if path.is_file() else None
        if held is not None:
            text = tr("{file} is already open in Kehila Desktop on {host} (by {user}). "
                      "Open it read-only, or cancel?", file=path.name, host=held.host,
                      user=held.user or "?")
            if not dialogs.ask_read_only(self.parent_widget, text):
                return False
            read_only, reason = True, "locked"
        try:
            pf = open_program(path, read_only=read_only, allow_newer=True)
        except ProgramFileError as exc:
            dialogs.error(self.parent_widget, exc.text(tr))
            if exc.reason != "locked":  # a file that cannot be read leaves the recent list
                settings.forget_recent(path)
                self.recentChanged.emit()
            return False
        except (OSError, sqlite3.Error) as exc:
            dialogs.error(self.parent_widget, tr("The file {path} cannot be opened ({error}).",
                                                 path=path, error=exc))
            return False
        new_lock = None
        if not pf.read_only:
            new_lock = locks.ProgramLock(path)
            try:
                new_lock.acquire()
            except ProgramFileError as exc:  # another instance took it just now
                pf.close()
                if not dialogs.ask_read_only(self.parent_widget, exc.text(tr)):
                    return False
                pf = open_program(path, read_only=True, allow_newer=True)
                new_lock, reason = None, "locked"
        elif not reason:
            reason = "newer" if pf.format_version > FORMAT_VERSION else "permission"
        self._release()
        self.lock = new_lock
        self.read_only_reason = reason if pf.read_only else ""
        self.context.set_file(pf)
        settings.add_recent(path)
        self.recentChanged.emit()
        return True

    def open_sample(self) -> bool:
        try:
            path = sample_path()
        except (KehilaError, OSError, sqlite3.Error) as exc:
            text = exc.text(tr) if isinstance(exc, KehilaError) else str(exc)
            dialogs.error(self.parent_widget, text)
            return False
        return self.open_path(path)

    def new_file(self, path: str | os.PathLike, *, from_sample: bool = False,
                 name: str = "") -> bool:
        """Create a program file at ``path`` (never over an existing one) and open it."""
        from kehila_desktop.core.file.create import create_program

        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        populate = None
        if from_sample:
            from kehila_desktop.core.sample.build import populate_sample

            populate = populate_sample
        try:
            create_program(path, name=name, language=language(), populate=populate)
        except KehilaError as exc:
            dialogs.error(self.parent_widget, exc.text(tr))
            return False
        except (OSError, sqlite3.Error) as exc:
            dialogs.error(self.parent_widget, tr("The file {path} cannot be created ({error}).",
                                                 path=path, error=exc))
            return False
        return self.open_path(path)

    # --- closing and copying ------------------------------------------------------------
    def close(self) -> None:
        self.commit_pending_edit()
        pf = self.context.pf
        self.context.set_file(None)
        self.read_only_reason = ""
        if pf is not None:
            pf.close()
        self._release()

    def _release(self) -> None:
        pf = self.context.pf
        if pf is not None:
            pf.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def save_copy(self, target: str | os.PathLike) -> bool:
        """A consistent copy of the open file at ``target`` (the open file stays open)."""
        from kehila_desktop.core.file import lock as locks
        from kehila_desktop.core.file.programfile import copy_consistent

        pf = self.context.pf
        if pf is None:
            return False
        target = Path(target)
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        if _same(target, pf.path):
            dialogs.error(self.parent_widget, tr("A copy cannot replace the open file itself; "
                                                 "choose another name."))
            return False
        if locks.holder(target) is not None:
            dialogs.error(self.parent_widget, tr("{file} is open in Kehila Desktop; close it "
                                                 "there first.", file=target.name))
            return False
        try:
            copy_consistent(pf.conn, target)
        except (OSError, sqlite3.Error) as exc:
            dialogs.error(self.parent_widget, tr("The copy could not be saved ({error}).",
                                                 error=exc))
            return False
        return True


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
