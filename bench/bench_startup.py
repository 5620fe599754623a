"""Start-up of ``kehila-desktop --quit-when-ready`` beside a bare PySide6 window, one run.

Each figure is the median over several fresh processes of the seconds from spawning the
process to (a) the first paint of the main window and (b) the Overview filled, read from the
marks the app prints with ``KEHILA_STARTUP_TIMING=1``. The baseline, measured the same way in
the same run: a bare PySide6 ``QMainWindow`` with a label (its first paint). Targets (issue
18 item 2): first paint ≤ 1.3× the bare window (at every size: the window paints before the
file is read); the Overview filled ≤ 2× the bare window on the sample and ≤ 3× at 20,000
people (5,000 people is shown beside them, without a target of its own). Run with
``uv run python -m bench startup`` (offscreen unless ``QT_QPA_PLATFORM`` is set).

All processes run with cached bytecode (``PYTHONPYCACHEPREFIX`` in a temporary folder, filled
by a warm-up run; the environment may set ``PYTHONDONTWRITEBYTECODE``, which would make every
process compile every module, as no installed app does), and the candidates run in turns so
that load on the machine falls on all of them alike. The machine may be shared: compare the
ratios of one run, not seconds across runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import big_program

REPEAT = 7

BARE = r"""
import os, sys, time
T0 = float(os.environ["KEHILA_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 780); w.setCentralWidget(QLabel("ready"))
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.UpdateRequest:
            print(f"first-paint {time.time() - T0:.4f}", file=sys.stderr, flush=True)
            print(f"view-filled {time.time() - T0:.4f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, app.quit)
            w.removeEventFilter(self)
        return False
watch = Watch(); w.installEventFilter(watch)
w.show()
app.exec()
"""


def _marks(args: list[str], env_extra: dict[str, str]) -> dict[str, float]:
    env = dict(os.environ, KEHILA_STARTUP_TIMING="1", **env_extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["KEHILA_T0"] = repr(time.time())
    done = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        raise RuntimeError(f"{args} exited {done.returncode}: {done.stderr[-2000:]}")
    marks = {}
    for line in done.stderr.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("first-paint", "view-filled"):
            marks.setdefault(parts[0], float(parts[1]))
    return marks


def _medians(candidates: dict[str, tuple[list[str], dict[str, str]]]) -> dict[str, dict]:
    """Median marks per candidate; one warm-up each, then REPEAT rounds taking turns."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in candidates}
    for args, env in candidates.values():
        _marks(args, env)  # warm-up: bytecode, font and file caches
    for _ in range(REPEAT):
        for name, (args, env) in candidates.items():
            runs[name].append(_marks(args, env))
    return {
        name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for name, rs in runs.items()
    }


def run(report) -> None:
    data = Path(tempfile.mkdtemp(prefix="kehila-startup-"))
    env = {"KEHILA_DATA_DIR": str(data), "XDG_CONFIG_HOME": str(data)}
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.sample.build import populate_sample

    sample = create_program(data / "sample.kehila", populate=populate_sample)
    sizes = {"5000 people": big_program(5000), "20000 people": big_program(20000)}
    env["PYTHONPYCACHEPREFIX"] = str(data / "pycache")
    app = ["-m", "kehila_desktop.gui.app", "--quit-when-ready"]
    marks = _medians(
        {
            "bare": (["-c", BARE], env),
            "sample": ([*app, str(sample)], env),
            **{name: ([*app, str(path)], env) for name, path in sizes.items()},
        }
    )
    bare = marks["bare"]["first-paint"]
    targets = {"sample": 2.0, "5000 people": None, "20000 people": 3.0}
    for name, target in targets.items():
        report.add(
            f"first paint, {name}", marks[name]["first-paint"], "bare PySide6 window", bare, 1.3
        )
        report.add(
            f"Overview filled, {name}",
            marks[name]["view-filled"],
            "bare PySide6 window",
            bare,
            target,
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.common import Report

    run(Report())
