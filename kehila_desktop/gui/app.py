"""Start-up: the one QApplication set-up (language and direction, Qt's own translations,
bundled fonts, high-DPI, the global exception hook) and ``kehila-desktop [FILE]``.

``--quit-when-ready`` opens the file (or the sample), shows the main window with its first
view filled, then exits 0. With ``KEHILA_STARTUP_TIMING=1`` it prints on stderr the seconds
from ``KEHILA_T0`` (epoch, set by the benchmark) to the first paint and to the filled view.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from kehila_desktop import __version__
from kehila_desktop.core.i18n import LANGUAGES, set_language, tr, translate_argparse
from kehila_desktop.core.paths import resource
from kehila_desktop.gui import dialogs, lifecycle, settings
from kehila_desktop.gui.language import apply_language

_T0 = float(os.environ.get("KEHILA_T0") or time.time())


def _mark(what: str) -> None:
    if os.environ.get("KEHILA_STARTUP_TIMING"):
        print(f"{what} {time.time() - _T0:.4f}", file=sys.stderr, flush=True)


def register_fonts() -> list[str]:
    """Register the bundled fonts (Noto Sans, Hebrew, Arabic); returns their families."""
    families: list[str] = []
    folder = resource("fonts")
    if not folder.is_dir():
        return families
    for path in sorted(folder.glob("*.[ot]tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def create_application(
    argv: list[str] | None = None, language: str | None = None, *, exception_hook: bool = True
) -> QApplication:
    """The one QApplication of the process, set up (or the existing one, re-set up)."""
    app = QApplication.instance()
    if app is None:  # high DPI: Qt 6 scales by the screen's exact factor (PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName(tr("Kehila Desktop"))
    app.setDesktopFileName("kehila-desktop")  # packaging/linux/kehila-desktop.desktop
    icon = QIcon()  # the window and taskbar icon (resources/icons, made by make_icons.py)
    for png in sorted(resource("icons", "png").glob("kehila-app-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    families = register_fonts()
    if families:
        font = app.font()
        base = [f for f in ("Noto Sans",) if f in families]
        font.setFamilies([*base, *[f for f in families if f not in base], *font.families()])
        app.setFont(font)
    apply_language(language or settings.saved_language(), remember=language is None)
    if exception_hook:
        install_exception_hook()
    return app


def crash_log_path():
    try:
        return settings.user_data_dir() / "crash.log"
    except OSError:  # no writable data folder: the temporary folder will do
        import tempfile
        from pathlib import Path

        return Path(tempfile.gettempdir()) / "kehila-desktop-crash.log"


def install_exception_hook() -> None:
    """Uncaught exceptions (main thread and other threads) and faults go to the crash log;
    the user gets one sentence (shown on the GUI thread)."""
    sys.excepthook = exception_hook
    lifecycle.record_faults(crash_log_path(), exception_hook)


def exception_hook(kind, value, tb) -> None:
    """Unexpected errors: log them, tell the user in one sentence, keep the app running.

    Every edit is already committed (or rolled back) by the operations layer, so the data in
    the program file is safe whatever failed."""
    import logging
    import traceback
    from datetime import UTC, datetime

    details = "".join(traceback.format_exception(kind, value, tb))
    try:
        with open(crash_log_path(), "a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()}\n{details}\n")
    except OSError:
        pass
    logging.getLogger("kehila_desktop").error("unexpected error\n%s", details)
    if QApplication.instance() is None or kind is KeyboardInterrupt:
        sys.__excepthook__(kind, value, tb)
        return
    import threading

    if threading.current_thread() is not threading.main_thread():
        _crash_relay().happened.emit(details)  # queued to the GUI thread
        return
    if _hook_state["showing"]:  # an error while the dialog is up (e.g. in painting): log only
        return
    _hook_state["showing"] = True
    try:
        if _file_trouble(value) is not None:  # too long, busy: one sentence, not a crash
            dialogs.error(QApplication.activeWindow(), _file_trouble(value))
        else:
            _show_crash(details)
    finally:
        _hook_state["showing"] = False


_hook_state: dict = {"showing": False, "relay": None}


def _crash_relay():
    """A QObject on the GUI thread that shows a thread's crash there."""
    if _hook_state["relay"] is None:
        from PySide6.QtCore import QObject, Signal

        class Relay(QObject):
            happened = Signal(str)

        relay = Relay()
        relay.moveToThread(QApplication.instance().thread())
        relay.happened.connect(_show_crash_once)
        _hook_state["relay"] = relay
    return _hook_state["relay"]


def _show_crash_once(details: str) -> None:
    if _hook_state["showing"]:
        return
    _hook_state["showing"] = True
    try:
        _show_crash(details)
    finally:
        _hook_state["showing"] = False


def _file_trouble(value) -> str | None:
    """The sentence for an SQLite error that is about the file, not a bug: a statement stopped
    by the time limit, or a file another program is writing."""
    import sqlite3

    from kehila_desktop.core.file.guard import is_interrupted
    from kehila_desktop.core.file.recovery import is_busy

    if not isinstance(value, sqlite3.Error) or not (is_interrupted(value) or is_busy(value)):
        return None
    from kehila_desktop.core.file.programfile import explain_sqlite_error

    window = QApplication.activeWindow()
    context = getattr(window, "context", None)
    pf = getattr(context, "pf", None)
    name = pf.path.name if pf is not None else ""
    return explain_sqlite_error(name, value).text(tr)


def _show_crash(details: str) -> None:
    dialogs.error(
        QApplication.activeWindow(),
        tr(
            "Something went wrong inside Kehila Desktop. Your program file is "
            "safe: every change was saved as it was made. Details were written to "
            "{path}.",
            path=crash_log_path(),
        ),
        details,
    )


def parse_args(argv: list[str]) -> argparse.Namespace:
    # --help and argparse's errors in the language of this run: --language, else the saved one
    asked = next(
        (
            arg.split("=", 1)[1] if "=" in arg else argv[i + 1]
            for i, arg in enumerate(argv)
            if arg.startswith("--language") and ("=" in arg or i + 1 < len(argv))
        ),
        None,
    )
    set_language(asked if asked in LANGUAGES else settings.saved_language())
    translate_argparse()
    parser = argparse.ArgumentParser(
        prog="kehila-desktop", description=tr("Kehila Desktop: the Kehila Metiva program")
    )
    parser.add_argument("file", nargs="?", help=tr("a program file (*.kehila) to open"))
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help=tr("open, show the first view, then exit (for tests)"),
    )
    parser.add_argument(
        "--language", choices=LANGUAGES, help=tr("the language for this run (he, ar or en)")
    )
    parser.add_argument(
        "--in-room",
        metavar="MEETING_ID",
        dest="in_room",
        help=tr("open the meeting straight into in-room mode (with FILE)"),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kehila-desktop {__version__}",
        help=tr("show the version and exit"),
    )
    return parser.parse_args(argv)


def _export_then_quit(window, app, path: str) -> None:
    """For the bundle's smoke test: the print window makes the first view's handout, exports
    it to ``path`` the way Export PDF… does, and the app exits (0 when the PDF was saved)."""
    win = window.printing.open("export")
    timer = QTimer(app)

    def check() -> None:
        if win is None or (not win.busy and win.built is None):
            timer.stop()
            app.exit(3)
        elif not win.busy:
            timer.stop()
            app.exit(0 if win.export(path) else 3)

    timer.timeout.connect(check)
    timer.start(50)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    problem = lifecycle.display_problem()  # in the run's language (parse_args set it)
    if problem is not None:  # Qt would abort with a message that blames a library
        print(f"kehila-desktop: {problem}", file=sys.stderr)
        return 1
    app = create_application([sys.argv[0]], language=args.language)
    lifecycle.close_on_signals(app)
    if not args.quit_when_ready:
        from kehila_desktop.gui import single_instance

        if single_instance.hand_over(args.file, in_room=args.in_room):
            return 0  # the running app shows the file (one writer per file), in the room too
    from kehila_desktop.gui.mainwindow import MainWindow

    if args.quit_when_ready:  # nobody is there to click: dialogs go to stderr, answer "cancel"

        def unattended(box, buttons) -> str:
            print(box.text(), file=sys.stderr, flush=True)
            return "ok" if "ok" in buttons else "cancel"

        dialogs.answer = unattended
    window = MainWindow(unseen_later=True)
    app.aboutToQuit.connect(window.files.close)  # releases the lock however the app ends
    window.restore_geometry()
    window.show_opening(args.file or "")
    state = {"started": False, "opened": False}

    def open_file() -> None:
        # runs once, right after the first paint of the window (or a moment after show)
        if state["started"]:
            return
        state["started"] = True
        state["opened"] = (
            window.files.open_path(args.file) if args.file else window.files.open_sample()
        )
        if not state["opened"]:
            window.show_welcome()
        elif args.in_room:
            from kehila_desktop.gui.views.meetings.room_start import open_in_room

            open_in_room(window, args.in_room)
        _mark("view-filled")
        window.build_unseen()  # before any key is handled: Ctrl+P works as soon as it shows
        if args.quit_when_ready and state["opened"] and os.environ.get("KEHILA_SMOKE_EXPORT"):
            _export_then_quit(window, app, os.environ["KEHILA_SMOKE_EXPORT"])
        elif args.quit_when_ready:
            QTimer.singleShot(0, lambda: app.exit(0 if state["opened"] else 2))

    window.firstPainted.connect(lambda: (_mark("first-paint"), QTimer.singleShot(0, open_file)))
    QTimer.singleShot(300, open_file)  # if the window is never painted (minimised)
    window.show()
    if not args.quit_when_ready:
        single_instance.serve(window)  # later launches hand their files to this one
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
