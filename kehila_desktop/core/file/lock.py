"""The program-file lock: a small file beside ``NAME.kehila`` (``NAME.kehila.lock``) saying
which process on which computer has the file open, so a second instance can offer
read-only instead of writing into the same file. No Qt.

A lock is *stale* (and silently replaced) when it names this computer and its process is
gone. A lock from another computer (a shared folder) is always respected.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime, UTC
from pathlib import Path

from kehila_desktop.core.errors import ProgramFileError


@dataclass
class LockInfo:
    pid: int
    host: str
    user: str = ""
    since: str = ""
    program: str = ""  # "Kehila Desktop", or the command (``kehila import``)


def lock_path(program_path: str | os.PathLike) -> Path:
    path = Path(program_path)
    return path.with_name(path.name + ".lock")


def read_lock(program_path: str | os.PathLike) -> LockInfo | None:
    """Who holds the file, or None (no lock, or a lock file that cannot be read)."""
    try:
        data = json.loads(lock_path(program_path).read_text(encoding="utf-8"))
        return LockInfo(
            int(data["pid"]),
            str(data["host"]),
            str(data.get("user", "")),
            str(data.get("since", "")),
            str(data.get("program", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(info: LockInfo) -> bool:
    return info.host == socket.gethostname() and not pid_alive(info.pid)


def holder(program_path: str | os.PathLike) -> LockInfo | None:
    """The live holder of the file's lock other than this process, or None."""
    info = read_lock(program_path)
    if info is None or is_stale(info):
        return None
    if info.host == socket.gethostname() and info.pid == os.getpid():
        return None
    return info


class ProgramLock:
    """This process's lock on one program file; ``release()`` removes it."""

    def __init__(self, program_path: str | os.PathLike, program: str = "Kehila Desktop") -> None:
        self.path = lock_path(program_path)
        self.program = program
        self.held = False

    def acquire(self) -> None:
        """Take the lock; raise ``ProgramFileError("locked")`` when another instance has it."""
        info = LockInfo(
            os.getpid(),
            socket.gethostname(),
            _user(),
            datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            self.program,
        )
        text = json.dumps(info.__dict__)
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                current = read_lock(self.path.with_name(self.path.name[: -len(".lock")]))
                if (
                    current is not None
                    and not is_stale(current)
                    and not (current.host == info.host and current.pid == info.pid)
                ):
                    raise ProgramFileError(
                        "locked",
                        "{path} is open in {program} on {host} (by {user}); try "
                        "again when it is closed.",
                        path=self.path.name[: -len(".lock")],
                        program=current.program or "Kehila Desktop",
                        host=current.host,
                        user=current.user or "?",
                    ) from None
                try:
                    self.path.unlink()
                except FileNotFoundError:
                    pass
                continue
            except OSError:
                return  # a read-only folder: nothing can write the file anyway
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.held = True
            return

    def __enter__(self) -> ProgramLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        info = read_lock(self.path.with_name(self.path.name[: -len(".lock")]))
        if info is not None and info.pid == os.getpid() and info.host == socket.gethostname():
            try:
                self.path.unlink()
            except OSError:
                pass


def _user() -> str:
    """The user's login name (environment, then the password database on Unix)."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no name anywhere (a service account without an entry)
        return ""
