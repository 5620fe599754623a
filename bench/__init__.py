"""Benchmarks, run on demand (``uv run python -m bench [NAME ...]``), never in CI's pass/fail.

Each ``bench_*.py`` module has ``run(report)``; every figure is printed beside a baseline
measured in the same run on the same machine, so the ratio — not the absolute time — is
what is compared against the target.
"""
