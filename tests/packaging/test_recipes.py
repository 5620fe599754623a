"""The packaging recipes agree with each other and with the app: icons in every size, the
PyInstaller spec (resources in, unused Qt out, a valid macOS document type), the Windows
installer (Hebrew, the .kehila association, the version) and the Linux installer's names.
These run everywhere in milliseconds; the real build is ``packaging/smoke_bundle.sh``."""

from __future__ import annotations

import ast
import plistlib
import struct
from pathlib import Path

import pytest

from kehila_desktop import __version__
from kehila_desktop.core.paths import resource

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
SPEC = PACKAGING / "kehila-desktop.spec"
ISS = PACKAGING / "windows" / "kehila.iss"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.parametrize("name", ["kehila-app", "kehila-document"])
def test_icons_in_every_size_from_one_svg(name):
    assert (ICONS / f"{name}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in SIZES:
        data = (ICONS / "png" / f"{name}-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)
    ico = (ICONS / f"{name}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    widths = sorted(ico[6 + 16 * i] or 256 for i in range(count))
    assert widths == [16, 24, 32, 48, 64, 128, 256]
    icns = (ICONS / f"{name}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_icons_are_found_through_the_resource_helper():
    assert resource("icons", "png", "kehila-app-256.png").is_file()


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def _literal(tree: ast.Module, name: str):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not in the spec")


def test_spec_leaves_out_what_the_app_does_not_use():
    tree = _spec_tree()
    excludes = _literal(tree, "EXCLUDES")
    for module in (
        "tkinter",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtWebEngineCore",
        "PySide6.Qt3DCore",
        "PySide6.QtMultimedia",
        "pytest",
    ):
        assert module in excludes
    assert "PySide6.QtNetwork" not in excludes  # the single-instance socket needs it
    drops = _literal(tree, "DROP_PARTS")
    assert "plugins/platforminputcontexts/libqtvirtualkeyboard" in drops  # pulls in QML
    assert not any("libqxcb" in d or "ibus" in d or "libqwayland" in d for d in drops)


def test_spec_bundles_every_resource_folder_the_app_reads():
    text = SPEC.read_text(encoding="utf-8")
    for folder in ("fonts", "translations", "icons", "sample"):
        assert f'"resources/{folder}' in text
    for folder in ("fonts", "translations", "icons"):
        assert any((ROOT / "resources" / folder).iterdir())
    assert "populate_sample" in text  # the sample program is made fresh at build time


def test_macos_document_type_is_a_valid_plist():
    call = next(
        node
        for node in ast.walk(_spec_tree())
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "BUNDLE"
    )
    keyword = next(k for k in call.keywords if k.arg == "info_plist")
    plist = {}
    for key, value in zip(keyword.value.keys, keyword.value.values):
        try:
            plist[ast.literal_eval(key)] = ast.literal_eval(value)
        except ValueError:  # a name such as VERSION: not a literal, checked elsewhere
            continue
    plistlib.loads(plistlib.dumps(plist))  # serialisable as an Info.plist
    (document,) = plist["CFBundleDocumentTypes"]
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert document["CFBundleTypeExtensions"] == ["kehila"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["kehila"]
    assert exported["UTTypeTagSpecification"]["public.mime-type"] == ["application/x-kehila"]
    assert (ICONS / document["CFBundleTypeIconFile"]).is_file()


def test_windows_installer_registers_program_files_in_hebrew():
    text = ISS.read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in text
    assert 'Name: "he"; MessagesFile: "compiler:Languages\\Hebrew.isl"' in text
    assert text.index('Name: "he"') < text.index('Name: "en"')  # Hebrew is the default
    assert 'Subkey: "Software\\Classes\\.kehila"' in text
    assert (
        'shell\\open\\command"; ValueType: string; ValueName: ""; ValueData: '
        '"""{app}\\{#AppExe}"" ""%1"""' in text
    )
    assert "_internal\\resources\\icons\\kehila-document.ico" in text
    assert "{autoprograms}" in text and "ChangesAssociations=yes" in text
    assert "he.FileTypeName=" in text and "ar.FileTypeName=" in text


def test_linux_installer_uses_the_names_of_the_desktop_entry_and_mime_type():
    install = (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")
    desktop = (PACKAGING / "linux" / "kehila-desktop.desktop").read_text(encoding="utf-8")
    mime = (PACKAGING / "linux" / "kehila-mime.xml").read_text(encoding="utf-8")
    assert "Icon=kehila-desktop\n" in desktop and "apps/kehila-desktop.png" in install
    assert '<icon name="application-x-kehila"/>' in mime
    assert "mimetypes/application-x-kehila.png" in install
    assert "xdg-mime default kehila-desktop.desktop application/x-kehila" in install


def _make_icons():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_icons_are_drawn_from_their_svg(qapp, tmp_path, monkeypatch):
    import shutil

    make_icons = _make_icons()
    assert make_icons.stale() == []
    # An edited drawing whose PNGs were not made again is caught.
    copy = tmp_path / "icons"
    shutil.copytree(ICONS, copy)
    svg = copy / "kehila-app.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace("#1d5b8c", "#8c1d1d"), encoding="utf-8")
    monkeypatch.setattr(make_icons, "ICONS", copy)
    stale = {p.name for p in make_icons.stale()}
    assert "kehila-app-16.png" in stale and "kehila-app-512.png" in stale
    assert not any(name.startswith("kehila-document") for name in stale)


def test_the_bundle_and_the_wheel_ship_compiled_catalogues():
    """The app reads .mo files (stdlib gettext); the spec and the wheel's build hook make them
    from the .po catalogues, and Babel (a build-time tool) stays out of the bundle."""
    text = SPEC.read_text(encoding="utf-8")
    assert "compile_catalogues()" in text and "+ CATALOGUES" in text
    assert "babel" in _literal(_spec_tree(), "EXCLUDES")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "[tool.hatch.build.targets.wheel.hooks.custom]" in pyproject
    assert "CompileCatalogues" in (ROOT / "hatch_build.py").read_text(encoding="utf-8")
