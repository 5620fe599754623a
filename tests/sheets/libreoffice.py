"""LibreOffice headless for the tests: convert files with a profile of the test's own.

Locally a missing ``soffice`` skips the test; in CI (``CI=true``) it fails it, so the cases
made by LibreOffice always run there (.ci/run installs libreoffice-calc)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("LibreOffice (soffice) is missing; CI must install libreoffice-calc")
    pytest.skip("LibreOffice (soffice) is not installed")


def convert(src: Path, to: str, outdir: Path, *, infilter: str | None = None) -> Path:
    """``src`` converted by LibreOffice to ``to`` (e.g. "ods", "xls", "csv:Text - txt - csv
    (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "pdf") in ``outdir``."""
    exe = soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    command = [
        exe,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        str(outdir),
        str(src),
    ]
    if infilter:
        command[4:4] = [f"--infilter={infilter}"]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=180, env=dict(os.environ, HOME=str(outdir))
    )
    out = outdir / (src.stem + "." + to.split(":")[0])
    assert out.exists(), (done.stdout, done.stderr)
    return out
