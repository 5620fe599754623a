"""The views of the main window: their keys, titles and lazy loading.

Each view is ``kehila_desktop.gui.views.<key>.view.View`` (see the view contract in the
design notes). A view that does not exist yet shows a placeholder saying what will be there.
"""

from __future__ import annotations

import importlib
import logging

from kehila_desktop.core.i18n import tr

VIEW_KEYS = ("overview", "structure", "people", "meetings", "workplan")

log = logging.getLogger(__name__)


def view_title(key: str) -> str:
    return {
        "overview": tr("Overview"),
        "structure": tr("Structure"),
        "people": tr("People & mapping"),
        "meetings": tr("Meetings"),
        "workplan": tr("Work plan"),
    }.get(key, key)


def view_promise(key: str) -> str:
    """What the view will show, for its placeholder until it is built."""
    return {
        "people": tr("Here you will map partners by sector and area, see who sits in which "
                     "body, and follow each person from mapping to joining."),
        "meetings": tr("Here you will plan and record the meetings of every body: dates, "
                       "agendas, attendance, decisions and action items."),
        "workplan": tr("Here you will build each chosen channel's work plan: goals, "
                       "objectives, actions, owners, quarters and budget."),
    }.get(key, tr("This part of the program is not available yet."))


def load_view_class(key: str):
    """The view's class, or None when the view is not there yet (or fails to import)."""
    name = f"{__name__}.{key}.view"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            return None
        log.exception("view %s could not be loaded", key)
        return None
    except Exception:  # a broken view must not take the window down
        log.exception("view %s could not be loaded", key)
        return None
    return getattr(module, "View", None)
