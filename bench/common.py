"""What the benchmarks share: timing, a report table, and cached big sample programs."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

_CACHE = Path(tempfile.gettempdir()) / "kehila-bench"


def best_of(fn, repeat: int = 5) -> float:
    """The median of ``repeat`` runs of ``fn`` in seconds (after one warm-up run)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired(fn, baseline, repeat: int = 7) -> tuple[float, float]:
    """The medians of ``fn`` and of its ``baseline`` in seconds, run in turn (after one warm-up
    of each), so that both meet the same load on a shared machine."""
    fn(), baseline()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for runs, call in zip(times, (fn, baseline)):
            start = time.perf_counter()
            call()
            runs.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def big_program(people: int = 5000) -> Path:
    """A sample program of ``people`` people, built once and reused across benchmark runs."""
    from kehila_desktop.core.file.programfile import FORMAT_VERSION
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.sample.build import populate_sample

    _CACHE.mkdir(exist_ok=True)
    import hashlib

    from kehila_desktop.core.file import guard

    digest = hashlib.sha256(
        b"".join(p.read_bytes() for p in guard._model_sources() if p.is_file())
    ).hexdigest()[:12]
    path = _CACHE / f"sample-{people}-v{FORMAT_VERSION}-{digest}.kehila"
    if not path.exists():
        create_program(path, populate=lambda ops: populate_sample(ops, people=people))
    return path


class Report:
    """Rows of (what, seconds, baseline name, baseline seconds, target ratio)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, str, float, float | None]] = []

    def add(
        self,
        what: str,
        seconds: float,
        baseline: str,
        baseline_seconds: float,
        target_ratio: float | None = None,
    ) -> None:
        self.rows.append((what, seconds, baseline, baseline_seconds, target_ratio))
        ratio = seconds / baseline_seconds if baseline_seconds else float("inf")
        verdict = ""
        if target_ratio is not None:
            verdict = "  ok" if ratio <= target_ratio else f"  OVER target {target_ratio:g}×"
        print(
            f"{what:<48} {seconds * 1000:9.1f} ms   {baseline:<34} "
            f"{baseline_seconds * 1000:9.1f} ms   {ratio:6.2f}×{verdict}",
            flush=True,
        )

    def note(self, text: str) -> None:
        print(text, flush=True)
