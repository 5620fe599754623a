"""The Linux file association: the shared-mime-info definition validates, installs into a
fresh database, and the desktop's own detectors (GLib, Qt, file-mimeinfo, libmagic) call a
real program file ``application/x-kehila`` — by name and, once renamed, by its magic — while
an ordinary SQLite file stays ``application/vnd.sqlite3``."""

from __future__ import annotations

import configparser
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
MIME_XML = LINUX / "kehila-mime.xml"
DESKTOP = LINUX / "kehila-desktop.desktop"
MAGIC = LINUX / "kehila.magic"
SYSTEM_MIME = Path("/usr/share/mime/packages/freedesktop.org.xml")
KEHILA = "application/x-kehila"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="shared-mime-info is the Linux desktop's database"
)


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(
            f"{tool} is not installed (apt-get install "
            f"{ {'xmllint': 'libxml2-utils'}.get(tool, 'shared-mime-info') })"
        )
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """A real program file (made by `kehila new`; the sample's content does not change the
    header, and smoke_bundle.sh checks a `--sample` one), the same bytes under a foreign
    name, and a plain SQLite database."""
    from kehila_desktop.cli import main

    folder = tmp_path_factory.mktemp("mime-files")
    program = folder / "x.kehila"
    assert main(["new", str(program)]) == 0
    renamed = folder / "attachment.db"
    shutil.copyfile(program, renamed)
    plain = folder / "other.sqlite"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (a)")
    return {"program": program, "renamed": renamed, "plain": plain}


@pytest.fixture(scope="module")
def mime_home(tmp_path_factory) -> Path:
    """A throw-away XDG data dir with the system types plus ours, compiled."""
    need("update-mime-database")
    if not SYSTEM_MIME.is_file():
        pytest.skip("shared-mime-info's freedesktop.org.xml is not installed")
    data = tmp_path_factory.mktemp("xdg-data")
    packages = data / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(SYSTEM_MIME, packages / SYSTEM_MIME.name)
    shutil.copyfile(MIME_XML, packages / MIME_XML.name)
    run = subprocess.run(
        ["update-mime-database", "-V", str(data / "mime")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "kehila" not in run.stderr.lower() or "error" not in run.stderr.lower(), run.stderr
    assert (data / "mime" / "mime.cache").is_file()
    assert (data / "mime" / "application" / "x-kehila.xml").is_file()
    return data


def xdg_env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        XDG_DATA_DIRS=str(data),
        XDG_DATA_HOME=str(data / "empty-home"),
        XDG_CURRENT_DESKTOP="",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def test_definition_is_well_formed_xml():
    xmllint = need("xmllint")
    run = subprocess.run([xmllint, "--noout", str(MIME_XML)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_definition_says_name_and_magic_both():
    text = MIME_XML.read_text(encoding="utf-8")
    assert f'type="{KEHILA}"' in text and 'pattern="*.kehila"' in text
    assert 'value="SQLite format 3\\000" offset="0"' in text
    assert 'type="big32" value="0x4B484C41" offset="68"' in text  # nested: AND
    from kehila_desktop.core.file.programfile import APPLICATION_ID

    assert APPLICATION_ID == 0x4B484C41


def test_real_program_file_carries_the_magic(files):
    head = files["program"].read_bytes()[:72]
    assert head[:16] == b"SQLite format 3\x00"
    assert head[68:72] == b"KHLA"


def test_glib_detects_program_files(mime_home, files):
    gio = need("gio")

    def kind(path: Path) -> str:
        out = subprocess.run(
            [gio, "info", "-a", "standard::content-type", str(path)],
            capture_output=True,
            text=True,
            env=xdg_env(mime_home),
            timeout=30,
        ).stdout
        return out.rsplit(":", 1)[-1].strip()

    assert kind(files["program"]) == KEHILA
    assert kind(files["renamed"]) == KEHILA  # by magic: the name says .db
    assert kind(files["plain"]) == "application/vnd.sqlite3"


def test_qt_detects_program_files(mime_home, files):
    """Qt's QMimeDatabase reads the same shared-mime-info data (as file dialogs do)."""
    code = (
        "import sys\nfrom PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "for p in sys.argv[1:]:\n"
        "    print(db.mimeTypeForFile(p).name(),"
        " db.mimeTypeForFile(p, QMimeDatabase.MatchMode.MatchContent).name())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, files.values())],
        capture_output=True,
        text=True,
        env=xdg_env(mime_home),
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.split("\n")
    assert lines[0].split() == [KEHILA, KEHILA]
    assert lines[1].split()[1] == KEHILA
    assert KEHILA not in lines[2]


def test_xdg_mime_query_filetype(mime_home, files):
    xdg_mime = need("xdg-mime")
    if shutil.which("mimetype") is None:
        pytest.skip(
            "outside a desktop session xdg-mime reads shared-mime-info through "
            "mimetype (libfile-mimeinfo-perl), which is not installed"
        )
    for key in ("program", "renamed"):
        out = subprocess.run(
            [xdg_mime, "query", "filetype", str(files[key])],
            capture_output=True,
            text=True,
            env=xdg_env(mime_home),
            timeout=30,
        )
        assert out.stdout.strip() == KEHILA, (key, out.stdout, out.stderr)


def test_file_command_with_the_shipped_magic(files):
    file_cmd = shutil.which("file")
    if file_cmd is None:
        pytest.skip("file(1) is not installed")

    def kind(path: Path) -> str:
        return subprocess.run(
            [file_cmd, "-b", "--mime-type", "-m", str(MAGIC), str(path)],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()

    assert kind(files["program"]) == KEHILA
    assert kind(files["renamed"]) == KEHILA
    assert kind(files["plain"]) != KEHILA


def test_desktop_entry_opens_program_files():
    entry = configparser.ConfigParser(interpolation=None, strict=False)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert KEHILA in group["MimeType"].split(";")
    assert group["Exec"].split()[-1] in ("%f", "%F")
    assert (ROOT / "resources" / "icons" / "png" / "kehila-app-48.png").is_file()
    validator = shutil.which("desktop-file-validate")
    if validator:
        run = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
