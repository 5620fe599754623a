"""Run the benchmarks: ``uv run python -m bench`` (all) or ``uv run python -m bench core``."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import bench
from bench.common import Report


def main(argv: list[str]) -> int:
    names = sorted(
        m.name[len("bench_") :]
        for m in pkgutil.iter_modules(bench.__path__)
        if m.name.startswith("bench_")
    )
    wanted = argv or names
    report = Report()
    for name in wanted:
        if name not in names:
            print(f"no benchmark {name!r}; there are: {', '.join(names)}", file=sys.stderr)
            return 2
        print(f"\n== {name} ==", flush=True)
        importlib.import_module(f"bench.bench_{name}").run(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
