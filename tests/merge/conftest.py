"""Fixtures of the merge tests: one small program built once, copied for each test."""

from __future__ import annotations

import shutil

import pytest

from .helpers import make_program


@pytest.fixture(scope="session")
def small_program(tmp_path_factory):
    return make_program(tmp_path_factory.mktemp("merge-base"))


@pytest.fixture
def program(small_program, tmp_path):
    """A fresh file of the small program (a closed file, so a plain copy is safe here)."""
    target = tmp_path / "program.kehila"
    shutil.copyfile(small_program, target)
    return target
