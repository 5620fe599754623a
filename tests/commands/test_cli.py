"""The ``kehila`` command as a user runs it: new, info, check; exit statuses; untouched files."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from kehila_desktop.core.file.programfile import FORMAT_VERSION


def kehila(*args, env_language="en"):
    import os

    env = dict(os.environ, KEHILA_LANGUAGE=env_language)
    return subprocess.run(
        [sys.executable, "-m", "kehila_desktop.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "x.kehila"
    result = kehila("new", path, "--sample")
    assert result.returncode == 0, result.stderr
    return path


def test_info_json_tells_the_truth(sample):
    result = kehila("info", sample, "--json")
    assert result.returncode == 0
    info = json.loads(result.stdout)
    assert info["format_version"] == FORMAT_VERSION
    assert info["program"]["locality"] == "גבעת הדקלים"
    assert info["counts"]["people"] == 40
    kinds = [b["kind"] for b in info["bodies"]]
    assert kinds[:2] == ["steering", "design"] and kinds.count("work_team") == 3
    assert "program_team" in kinds
    chosen = sorted(c["key"] for c in info["channels"] if c["chosen"])
    assert chosen == ["educational", "social", "urban"]
    work_teams = {b["channel"] for b in info["bodies"] if b["kind"] == "work_team"}
    assert work_teams == set(chosen)
    steering = next(b for b in info["bodies"] if b["kind"] == "steering")
    assert steering["members"] == 7
    statuses = {m["status"] for m in info["meetings"]}
    assert {"held", "planned"} <= statuses
    assert all(m["starts_at"][10] == "T" for m in info["meetings"])
    assert info["counts"]["attendance"] > 300 and info["counts"]["decisions"] >= 5


def test_info_does_not_count_tombstones(sample, tmp_path):
    from kehila_desktop.core.history.operations import Operations
    from kehila_desktop.core.file.programfile import open_program

    copy = tmp_path / "copy.kehila"
    copy.write_bytes(sample.read_bytes())
    with open_program(copy) as pf:
        pid = pf.conn.execute("SELECT id FROM person LIMIT 1").fetchone()[0]
        Operations(pf).delete("person", pid)
    assert json.loads(kehila("info", copy, "--json").stdout)["counts"]["people"] == 39


def test_check_finds_what_the_sample_was_built_to_miss(sample):
    result = kehila("check", sample, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["integrity"]["ok"]
    codes = {f["code"] for f in report["findings"]}
    # built-in gaps of the sample, one per subject
    assert codes, "the sample has deliberate gaps"
    messages = " ".join(f["message"] for f in report["findings"])
    assert "טל רוזן" in messages  # below expected attendance
    # and what it was built to get right is not reported
    for good in (
        "no_scope",
        "no_timeline",
        "no_focus",
        "no_channels",
        "channel_without_team",
        "no_members",
    ):
        assert good not in codes


def test_new_empty_program_is_flagged(tmp_path):
    path = tmp_path / "empty.kehila"
    assert kehila("new", path, "--locality", "חורה").returncode == 0
    report = json.loads(kehila("check", path, "--json").stdout)
    codes = {f["code"] for f in report["findings"]}
    assert {"no_scope", "no_focus", "no_channels", "no_members"} <= codes


def test_new_never_overwrites(sample):
    before = hashlib.sha256(sample.read_bytes()).hexdigest()
    result = kehila("new", sample)
    assert result.returncode == 3
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("content", [b"", b"hello", b"SQLite format 3\x00" + b"\x00" * 50])
def test_unusable_files_exit_3_with_one_line(tmp_path, content):
    path = tmp_path / "bad.kehila"
    path.write_bytes(content)
    for command in ("info", "check"):
        result = kehila(command, path)
        assert result.returncode == 3
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.kehila"]


def test_messages_follow_the_language(tmp_path):
    result = kehila("info", tmp_path / "missing.kehila", env_language="he")
    assert result.returncode == 3 and "לא קיים" in result.stderr


def test_usage_error_is_exit_2():
    assert kehila("info").returncode == 2
    assert kehila("frobnicate").returncode == 2


def test_people_below_the_samples_cast_is_a_usage_error(tmp_path):
    result = kehila("new", tmp_path / "s.kehila", "--sample", "--people", "8")
    assert result.returncode == 2 and "40" in result.stderr
    assert not (tmp_path / "s.kehila").exists()


def _helps(parser):
    import argparse

    if parser.description:
        yield parser.prog, parser.description
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield choice.dest, choice.help
            for sub in action.choices.values():
                yield from _helps(sub)
        elif not isinstance(action, argparse._HelpAction):
            yield f"{parser.prog} {action.dest}", action.help


@pytest.mark.parametrize("language", ["he", "ar"])
def test_every_help_text_is_there_and_translated(language):
    from kehila_desktop import cli
    from kehila_desktop.core import i18n

    i18n.set_language("en")
    english = dict(_helps(cli.build_parser()))
    i18n.set_language(language)
    try:
        translated = dict(_helps(cli.build_parser()))
    finally:
        i18n.set_language("he")
    assert all(english.values()), [k for k, v in english.items() if not v]  # no bare argument
    same = [k for k in english if translated[k] == english[k]]
    assert not same, f"untranslated --help texts in {language}: {same}"


def test_the_sample_is_the_same_program_every_time(tmp_path):
    """Every new sample holds the same program (its row ids differ, its findings may not):
    a facilitator comparing two laptops, or a test, sees the same warnings."""
    from kehila_desktop import cli

    outputs = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.kehila"
        assert cli.main(["new", str(path), "--sample"]) == 0
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "kehila_desktop.cli",
                "check",
                str(path),
                "--all",
                "--language",
                "en",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and outputs[0]
