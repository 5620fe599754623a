"""The Decisions tab of a steering meeting fits a 1024x768 window in he, ar and en: choosing a
decision of kind "channels" shows the four channel boxes without widening the meeting panel
past its scroll area (it was cut and scrolled sideways)."""

from __future__ import annotations

import pytest

from .gui_helpers import build_small_program, view_at_1024


@pytest.mark.parametrize("kind", ["channels", "timeline", "focus"])
@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_every_steering_decision_form_fits_the_panel(qtbot, he_app, new_file, code, kind):
    ids = build_small_program(new_file)
    view = view_at_1024(qtbot, new_file, code)
    view.refresh()
    view.navigate("meeting", ids["meeting"])  # a steering meeting
    panel = view.panel.decisions
    view.panel.tabs.setCurrentWidget(panel)
    form = panel.form
    form.kind.setCurrentIndex(form.kind.findData(kind))
    qtbot.waitUntil(lambda: form.payload_editor.isVisible())
    if kind == "channels":
        assert all(box.isVisible() for box in form.channel_boxes.values())
    scroll = view.panel_scroll
    assert view.panel.minimumSizeHint().width() <= scroll.viewport().width()
    assert scroll.horizontalScrollBar().maximum() == 0
