"""A long job (the partner mapping of 1,500 people, about 60 pages): the window answers while
it is built, Cancel really stops it, no file is left, and the window is usable afterwards."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from PySide6.QtCore import Qt, QTimer

from kehila_desktop import printing
from kehila_desktop.core.i18n import tr


def _open_people(window):
    window.show_view("people")
    win = window.printing.open("print")
    assert win.handout.currentData() == "people" and win.job is not None
    return win


def test_cancel_button_stops_the_build_and_leaves_no_file(qtbot, big_window):
    win = _open_people(big_window)
    job = win.job
    pages = []
    job.progressed.connect(pages.append, Qt.ConnectionType.DirectConnection)
    assert win.cancel.isVisible() and win.progress.isVisible()
    qtbot.mouseClick(win.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not win.busy, timeout=20000)
    assert win.status.text() == tr("Cancelled: no handout was made.")
    assert win.built is None and win.preview.page_count() == 0
    assert len(pages) < 30  # stopped long before the end (the whole handout has about 60 pages)
    assert list(win.folder.iterdir()) == []  # not even a partial file
    assert not win.cancel.isVisible() and not win.print_button.isEnabled()
    # the window is usable: another handout builds
    win.handout.setCurrentIndex(win.handout.findData("structure"))
    qtbot.waitUntil(lambda: not win.busy and win.built is not None, timeout=20000)
    assert win.preview.page_count() >= 1


def test_cancel_in_the_middle_of_the_pages(qtbot, big_window, monkeypatch):
    pages, jobs, known = [], [], threading.Event()
    real_build = printing.build

    def build(*args, progress, **kwargs):  # on the worker thread
        def seen(n):  # as each page is made (the window's signal is sent less often)
            pages.append(n)
            if n == 3 and known.wait(30):
                jobs[0].cancel()  # as the Cancel button does
            progress(n)

        return real_build(*args, progress=seen, **kwargs)

    monkeypatch.setattr(printing, "build", build)
    win = _open_people(big_window)
    jobs.append(win.job)
    known.set()
    qtbot.waitUntil(lambda: not win.busy, timeout=20000)
    assert 3 <= max(pages) < 10
    assert win.built is None and list(win.folder.iterdir()) == []
    assert win.status.text() == tr("Cancelled: no handout was made.")


def test_the_window_answers_while_a_long_handout_is_made(qtbot, big_window, monkeypatch):
    # The build runs off the GUI thread: the worker waits at its first page until the window
    # has handled an event posted after the build started, so the event is seen while the job
    # is still running, whatever the machine's speed. (How long the event loop may pause is a
    # speed figure: bench/bench_printgui.py measures it.)
    answered = threading.Event()
    real_build = printing.build

    def build(*args, progress, **kwargs):  # on the worker thread
        def first_page_waits(pages):
            if pages == 1:
                answered.wait(30)
            progress(pages)

        return real_build(*args, progress=first_page_waits, **kwargs)

    monkeypatch.setattr(printing, "build", build)
    win = _open_people(big_window)
    job = win.job
    during = []

    def answer():  # on the GUI thread
        during.append(job.isRunning())
        answered.set()

    QTimer.singleShot(0, answer)
    progress = []
    job.progressed.connect(progress.append)  # queued: shown on the GUI thread
    qtbot.waitUntil(lambda: not win.busy and win.built is not None, timeout=60000)
    assert during == [True]
    pages = win.built[2]
    assert pages >= 40 and win.preview.page_count() == pages
    assert progress and progress[-1] == pages


def test_progress_is_sent_a_few_times_a_second_and_the_last_page_always(
    qtbot, big_window, monkeypatch
):
    # A signal per page (every 2-3 ms on a fast machine) starved the GUI thread of the GIL
    # and froze the window; with the clock standing still only the first and the last page
    # are sent, and the status still ends on the whole count.
    from kehila_desktop.gui.printing import job as job_module

    monkeypatch.setattr(job_module, "time", SimpleNamespace(monotonic=lambda: 1000.0))
    win = _open_people(big_window)
    progress = []
    win.job.progressed.connect(progress.append, Qt.ConnectionType.DirectConnection)
    qtbot.waitUntil(lambda: not win.busy and win.built is not None, timeout=60000)
    pages = win.built[2]
    assert pages >= 40 and progress[-1] == pages
    assert len(progress) <= 2
