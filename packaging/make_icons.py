"""Render the app and document icons from their one SVG source each.

Sources: ``resources/icons/kehila-app.svg`` and ``resources/icons/kehila-document.svg``.
Outputs (committed, regenerate after editing an SVG):

- ``resources/icons/png/kehila-app-<N>.png`` and ``kehila-document-<N>.png`` for N in SIZES
  (Linux hicolor theme, the window icon);
- ``resources/icons/kehila-app.ico`` and ``kehila-document.ico`` (Windows exe / file type);
- ``resources/icons/kehila-app.icns`` and ``kehila-document.icns`` (macOS bundle / file type).

Run: ``uv run --group build python packaging/make_icons.py``. ``--check`` (no Pillow needed)
renders the SVGs again and exits 1 when a committed PNG is missing or no longer matches its
SVG. Qt's SVG renderer draws offscreen (no display); Pillow, a build-only dependency, writes
the .ico and .icns containers.
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


def render_image(svg: Path, size: int):
    """The SVG drawn on a transparent ``size``×``size`` QImage (ARGB32)."""
    from PySide6.QtCore import Qt
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
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at ``size``×``size``, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render_image(svg, size).save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def _close(a, b, tolerance: int = 24) -> bool:
    """Same size and every channel of every pixel within ``tolerance`` (antialiasing may
    differ a little between Qt versions; an edited drawing differs a lot)."""
    if a.size() != b.size():
        return False
    pa, pb = bytes(a.constBits()), bytes(b.constBits())
    return len(pa) == len(pb) and all(abs(x - y) <= tolerance for x, y in zip(pa, pb))


def stale() -> list[Path]:
    """Committed PNGs that are missing or no longer drawn from their SVG, and containers
    that are missing."""
    from PySide6.QtGui import QImage

    result = []
    for name in NAMES:
        svg = ICONS / f"{name}.svg"
        for size in SIZES:
            path = ICONS / "png" / f"{name}-{size}.png"
            committed = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
            if not path.is_file() or not _close(committed, render_image(svg, size)):
                result.append(path)
        result += [p for p in (ICONS / f"{name}.ico", ICONS / f"{name}.icns") if not p.is_file()]
    return result


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
    largest.save(
        ICONS / f"{name}.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    images[512].save(
        ICONS / f"{name}.icns",
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != 512],
    )
    written += [ICONS / f"{name}.ico", ICONS / f"{name}.icns"]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a committed icon no longer matches its SVG",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    if args.check:
        missing = stale()
        for path in missing:
            print(f"stale or missing: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if missing else 0
    for name in NAMES:
        for path in make(name):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
