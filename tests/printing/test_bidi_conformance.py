"""``printing.engine.bidi`` against Unicode's own conformance tests, BidiTest.txt and
BidiCharacterTest.txt (Debian's ``unicode-data``, /usr/share/unicode), and its tables against
BidiMirroring.txt / BidiBrackets.txt.

Deliberate exclusions (the module's documented scope: one printed line is one isolating run
sequence at the paragraph level):
- cases holding explicit embeddings, overrides or isolates (LRE RLE LRO RLO PDF LRI RLI FSI
  PDI: rules X1–X8, X10, BD13): handouts never contain them; the module drops them;
- rule L3 (combining marks after their base in RTL runs) is applied by ``visual`` after the
  order compared here (the data files compare the order before L3, as they say);
- cases whose characters have another Bidi_Class in Python's ``unicodedata`` than in the
  data files' Unicode version (Python 3.11 ships Unicode 14.0, the files may be newer).
Without the files the tests skip, except in CI (CI=true), where missing files fail.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from kehila_desktop.printing.engine import bidi_tables
from kehila_desktop.printing.engine.bidi import first_strong_rtl, resolve

DATA = Path(os.environ.get("KEHILA_UNICODE_DATA", "/usr/share/unicode"))
EXPLICIT = {"LRE", "RLE", "LRO", "RLO", "PDF"}  # isolates (LRI … PDI) are tested
# one character of each Bidi_Class, for BidiTest.txt (which lists classes, not characters)
SAMPLE = {
    "L": "a",
    "R": "\u05d0",
    "AL": "\u0627",
    "EN": "1",
    "ES": "+",
    "ET": "$",
    "AN": "\u0660",
    "CS": ",",
    "NSM": "\u0300",
    "BN": "\u00ad",
    "B": "\u2029",
    "S": "\t",
    "WS": " ",
    "ON": "!",
    "LRI": "\u2066",
    "RLI": "\u2067",
    "FSI": "\u2068",
    "PDI": "\u2069",
}


def _data(name: str) -> Path:
    path = DATA / name
    if not path.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{path} is missing: CI installs Debian's unicode-data (.ci/run)")
        pytest.skip(f"{path} is missing (Debian: apt-get install unicode-data)")
    return path


def _version(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n", 1)[0].split("-")[-1][:-4]


def _file_classes() -> dict[str, str]:
    """Bidi_Class of every assigned character in the data files' UnicodeData.txt."""
    classes = {}
    path = DATA / "UnicodeData.txt"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split(";")
            classes[chr(int(fields[0], 16))] = fields[4]
    return classes


def test_the_tables_are_the_unicode_data_files():
    mirroring = _data("BidiMirroring.txt")
    assert bidi_tables.UNICODE_VERSION == _version(mirroring)
    pairs = {}
    for line in mirroring.read_text(encoding="utf-8").splitlines():
        data = line.split("#", 1)[0]
        if data.strip():
            a, b = (int(x, 16) for x in data.split(";"))
            pairs[chr(a)] = chr(b)
    assert bidi_tables.MIRROR == pairs and len(pairs) == 428
    brackets = _data("BidiBrackets.txt")
    opening = {}
    for line in brackets.read_text(encoding="utf-8").splitlines():
        data = line.split("#", 1)[0]
        if data.strip():
            a, b, kind = (x.strip() for x in data.split(";"))
            if kind == "o":
                opening[chr(int(a, 16))] = chr(int(b, 16))
    assert bidi_tables.OPEN_TO_CLOSE == opening


def _check(text: str, direction: int, want_levels: list[str], want_order: list[int]) -> bool:
    rtl = bool(first_strong_rtl(text)) if direction == 2 else direction == 1
    kept, levels, order = resolve(text, rtl)
    if [want_levels[i] for i in range(len(text)) if want_levels[i] != "x"] != [
        str(lv) for lv in levels
    ]:
        return False
    if [i for i, lv in enumerate(want_levels) if lv != "x"] != kept:
        return False
    return [kept[i] for i in order] == want_order


def test_bidi_character_test(record_property):
    path = _data("BidiCharacterTest.txt")
    file_classes = _file_classes()
    passed = failed = excluded = 0
    failures = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        points, direction, _, levels, order = line.split(";")
        text = "".join(chr(int(p, 16)) for p in points.split())
        if any(unicodedata.bidirectional(ch) in EXPLICIT for ch in text) or any(
            file_classes.get(ch, unicodedata.bidirectional(ch)) != unicodedata.bidirectional(ch)
            for ch in text
        ):
            excluded += 1
            continue
        if _check(text, int(direction), levels.split(), [int(i) for i in order.split()]):
            passed += 1
        else:
            failed += 1
            failures.append(points)
    record_property("passed", passed)
    print(f"\nBidiCharacterTest.txt: {passed} passed, {failed} failed, {excluded} excluded")
    assert passed > 90_000
    assert not failures, failures[:10]


def test_bidi_test(record_property):
    path = _data("BidiTest.txt")
    passed = failed = excluded = 0
    failures = []
    levels: list[str] = []
    order: list[int] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("@Levels:"):
            levels = line.split(":", 1)[1].split()
            continue
        if line.startswith("@Reorder:"):
            order = [int(i) for i in line.split(":", 1)[1].split()]
            continue
        classes, bits = line.split(";")
        classes = classes.split()
        bits = int(bits)
        cases = [d for bit, d in ((1, 2), (2, 0), (4, 1)) if bits & bit]
        if EXPLICIT & set(classes):
            excluded += len(cases)
            continue
        text = "".join(SAMPLE[c] for c in classes)
        for direction in cases:
            if _check(text, direction, levels, order):
                passed += 1
            else:
                failed += 1
                failures.append((" ".join(classes), direction))
    record_property("passed", passed)
    print(f"\nBidiTest.txt: {passed} passed, {failed} failed, {excluded} excluded")
    assert passed > 100_000
    assert not failures, failures[:10]
