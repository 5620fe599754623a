"""The program-file lock (core/lock.py, Qt-free): who holds a file, stale locks, other hosts."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from kehila_desktop.core.file import lock
from kehila_desktop.core.errors import ProgramFileError


def _write(path, **data):
    lock.lock_path(path).write_text(json.dumps(data))


def test_acquire_writes_and_release_removes(tmp_path):
    program = tmp_path / "p.kehila"
    program.write_bytes(b"")
    held = lock.ProgramLock(program)
    held.acquire()
    info = lock.read_lock(program)
    assert info.pid == os.getpid() and info.host == socket.gethostname()
    assert lock.holder(program) is None  # this process is not "another instance"
    held.release()
    assert not lock.lock_path(program).exists()


def test_a_lock_from_another_computer_is_respected(tmp_path):
    program = tmp_path / "p.kehila"
    _write(program, pid=1, host="another-laptop", user="rana")
    assert lock.holder(program).user == "rana"
    with pytest.raises(ProgramFileError) as caught:
        lock.ProgramLock(program).acquire()
    assert caught.value.reason == "locked"
    assert json.loads(lock.lock_path(program).read_text())["host"] == "another-laptop"


def test_a_stale_lock_on_this_computer_is_replaced(tmp_path):
    program = tmp_path / "p.kehila"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    _write(program, pid=gone.pid, host=socket.gethostname())
    assert lock.holder(program) is None
    held = lock.ProgramLock(program)
    held.acquire()
    assert lock.read_lock(program).pid == os.getpid()
    held.release()


def test_an_unreadable_lock_file_does_not_block(tmp_path):
    program = tmp_path / "p.kehila"
    lock.lock_path(program).write_text("not json")
    assert lock.holder(program) is None
    held = lock.ProgramLock(program)
    held.acquire()
    assert held.held
    held.release()
