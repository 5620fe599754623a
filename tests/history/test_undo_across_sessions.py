"""Undo and redo survive closing the file: reopening offers this copy's last steps."""

from __future__ import annotations

from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history.operations import UNDO_DEPTH, Operations
from kehila_desktop.core.history.share import share_copy


def _reopen(path) -> Operations:
    return Operations(open_program(path))


def _name(ops, pid):
    return ops.conn.execute("SELECT name FROM person WHERE id=?", (pid,)).fetchone()[0]


def test_reopening_offers_undo_and_redo_of_the_last_steps(new_file):
    ops = _reopen(new_file)
    assert not ops.can_undo  # creating the file is not an undo step
    pid = ops.insert("person", {"name": "a"}, label="to a")
    ops.update("person", pid, {"name": "b"}, label="to b")
    ops.update("person", pid, {"name": "c"}, label="to c")
    ops.undo()
    ops.pf.close()

    ops = _reopen(new_file)
    assert (ops.undo_label, ops.redo_label) == ("to b", "to c")
    ops.redo()
    assert _name(ops, pid) == "c"
    ops.undo()
    ops.undo()
    assert _name(ops, pid) == "a"
    ops.pf.close()

    ops = _reopen(new_file)
    assert (ops.undo_label, ops.redo_label) == ("to a", "to b")
    ops.undo()
    assert ops.conn.execute("SELECT deleted FROM person WHERE id=?", (pid,)).fetchone()[0] == 1
    assert not ops.can_undo
    ops.pf.close()


def test_undo_reaches_back_a_bounded_number_of_steps(new_file):
    ops = _reopen(new_file)
    pid = ops.insert("person", {"name": "0"})
    for n in range(1, UNDO_DEPTH + 5):
        ops.update("person", pid, {"name": str(n)}, label=f"step {n}")
    ops.pf.close()
    ops = _reopen(new_file)
    count = 0
    while ops.can_undo:
        ops.undo()
        count += 1
    assert count == UNDO_DEPTH
    assert _name(ops, pid) == str(4)
    ops.pf.close()


def test_a_shared_copy_offers_no_undo_of_the_senders_steps(new_file, tmp_path):
    ops = _reopen(new_file)
    ops.insert("person", {"name": "a"}, label="to a")
    copy = share_copy(ops.pf, tmp_path / "copy.kehila").path
    ops.pf.close()
    other = _reopen(copy)
    assert not other.can_undo
    other.pf.close()
