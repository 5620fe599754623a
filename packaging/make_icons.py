"""Render the app and document icons from their one SVG source each.

Sources: ``resources/icons/kehila-app.svg`` and ``resources/icons/kehila-document.svg``.
Outputs (committed, regenerate after editing an SVG):

- ``resources/icons/png/kehila-app-<N>.png`` and ``kehila-document-<N>.png`` for N in SIZES
  (Linux hicolor theme, the window icon);
- ``resources/icons/kehila-app.ico`` and ``kehila-document.ico`` (Windows exe / file type);
- ``resources/icons/kehila-app.icns`` and ``kehila-document.icns`` (macOS bundle / file type).

Run: ``uv run --group build python packaging/make_icons.py`` (``--check`` exits 1 when an
output is missing or older than its SVG). Qt's SVG renderer draws offscreen (no display);
Pillow, a build-only dependency, writes the .ico and .icns containers.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
NAMES = ("kehila-app", "kehila-document")
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def outputs(name: str) -> list[Path]:
    pngs = [ICONS / "png" / f"{name}-{size}.png" for size in SIZES]
    return [*pngs, ICONS / f"{name}.ico", ICONS / f"{name}.icns"]


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size``×``size`` canvas, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def make(name: str) -> list[Path]:
    from PIL import Image

    svg = ICONS / f"{name}.svg"
    (ICONS / "png").mkdir(parents=True, exist_ok=True)
    images: dict[int, Image.Image] = {}
    written = []
    for size in SIZES:
        data = render_png(svg, size)
        target = ICONS / "png" / f"{name}-{size}.png"
        target.write_bytes(data)
        written.append(target)
        images[size] = Image.open(io.BytesIO(data)).convert("RGBA")
    # Each size in the containers is the one Qt drew at that size (not a downscale).
    largest = images[max(ICO_SIZES)]
    largest.save(ICONS / f"{name}.ico", format="ICO",
                 sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    images[512].save(ICONS / f"{name}.icns", format="ICNS",
                     append_images=[images[s] for s in ICNS_SIZES if s != 512])
    written += [ICONS / f"{name}.ico", ICONS / f"{name}.icns"]
    return written


def stale() -> list[Path]:
    """Outputs that are missing or older than their SVG."""
    result = []
    for name in NAMES:
        source = (ICONS / f"{name}.svg").stat().st_mtime
        result += [p for p in outputs(name) if not p.exists() or p.stat().st_mtime < source]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when an icon is missing or older than its SVG")
    args = parser.parse_args(argv)
    if args.check:
        missing = stale()
        for path in missing:
            print(f"stale or missing: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if missing else 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    for name in NAMES:
        for path in make(name):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
