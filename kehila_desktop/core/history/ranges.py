"""Runs of step numbers: how a merge records the steps it brought in (``merge_imported``)."""

from __future__ import annotations


def step_ranges(numbers) -> list[list[int]]:
    """Step numbers as ``[[first, last], …]`` runs (how ``merge_imported`` stores them)."""
    out: list[list[int]] = []
    for n in sorted(set(numbers)):
        if out and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return out
