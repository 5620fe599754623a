"""Package build hook: compiles the gettext catalogues (``.po`` → ``.mo``) into the wheel.

The app reads only ``.mo`` files at run time (the standard library's ``gettext``); they are
built here, never committed. See docs/TRANSLATING.md.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):
    PLUGIN_NAME = "compile-catalogues"

    def initialize(self, version: str, build_data: dict) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        out = Path(tempfile.mkdtemp(prefix="kehila-mo-"))
        for po in sorted((root / "resources" / "translations").glob("*/LC_MESSAGES/*.po")):
            rel = po.relative_to(root / "resources").with_suffix(".mo")
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(po, "rb") as handle:
                catalogue = read_po(handle)
            buffer = io.BytesIO()
            write_mo(buffer, catalogue, use_fuzzy=False)
            target.write_bytes(buffer.getvalue())
            build_data["force_include"][str(target)] = f"kehila_desktop/resources/{rel.as_posix()}"
