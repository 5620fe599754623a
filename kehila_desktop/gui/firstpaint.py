"""What the widgets shown at the first paint set without Qt's enum namespace.

PySide builds every enum type of the ``Qt`` namespace (93 types, ``Qt.Key`` alone has 471
members) the first time any of them is used, or ``Qt`` is imported: 50–100 ms at start-up, a
third of what the window costs beyond a bare one. So the modules on the way to the first paint
import ``Qt`` inside the functions that run later, and the few settings made before it are
written as Qt properties, by value (tests/gui/test_first_paint.py checks the values against
the enums and that the first paint leaves the namespace unbuilt).
"""

from __future__ import annotations

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter (AlignHCenter | AlignVCenter)
LEFT_TO_RIGHT, RIGHT_TO_LEFT = 0, 1  # Qt.LayoutDirection
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole (item data roles are plain ints)


def plain_text(label, *, centred: bool = False) -> None:
    """``label`` shows its text literally (user text is never markup), centred if asked."""
    label.setProperty("textFormat", PLAIN_TEXT)
    if centred:
        label.setProperty("alignment", ALIGN_CENTER)


def set_direction(app, rtl: bool) -> None:
    """The application's layout direction (``QGuiApplication.setLayoutDirection``)."""
    app.setProperty("layoutDirection", RIGHT_TO_LEFT if rtl else LEFT_TO_RIGHT)
