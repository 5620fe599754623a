"""The one resource-path helper: finds bundled resources in the source tree, an installed
wheel, or a PyInstaller bundle."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The folder that holds fonts, translations, icons and the sample program."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package = Path(__file__).resolve().parent.parent
    candidates.append(package / "resources")  # installed wheel
    candidates.append(package.parent / "resources")  # source tree
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Kehila Desktop's resources folder was not found")


def resource(*parts: str) -> Path:
    """Path of one resource, e.g. ``resource("fonts", "NotoSans-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)
