"""A view reads the file once when it is first shown (it used to read everything twice: its
own constructor, then the main window), and once more after each edit — not per widget."""

from __future__ import annotations

import pytest

from kehila_desktop.gui.views import VIEW_KEYS, load_view_class


@pytest.mark.parametrize("key", VIEW_KEYS)
def test_first_show_reads_once(main_window, monkeypatch, key):
    cls = load_view_class(key)
    calls = []
    original = cls.refresh

    def counted(self, *args):
        calls.append(key)
        return original(self, *args)

    monkeypatch.setattr(cls, "refresh", counted)
    main_window.views.pop(key, None)  # build it afresh, as on first use
    main_window.show_view(key)
    assert calls == [key]
