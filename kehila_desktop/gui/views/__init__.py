"""The views of the main window: their keys, titles and lazy loading.

Each view is ``kehila_desktop.gui.views.<key>.view.View`` (see the view contract in the
design notes). A view that fails to import is an error, not a silently missing view.
"""

from __future__ import annotations

import importlib

from kehila_desktop.core.i18n import tr

VIEW_KEYS = ("overview", "structure", "people", "meetings", "workplan")


def view_title(key: str) -> str:
    return {
        "overview": tr("Overview"),
        "structure": tr("Structure"),
        "people": tr("People & mapping"),
        "meetings": tr("Meetings"),
        "workplan": tr("Work plan"),
    }.get(key, key)


def load_view_class(key: str):
    """The view's class (``kehila_desktop.gui.views.<key>.view.View``)."""
    return importlib.import_module(f"{__name__}.{key}.view").View
