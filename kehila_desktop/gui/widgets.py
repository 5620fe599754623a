"""Small shared widgets and helpers of the GUI: titled cards, headings, plain-text labels and
tooltips, date formatting."""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, QDateTime, QLocale
from kehila_desktop.core.i18n import month_name
from kehila_desktop.gui.firstpaint import plain_text
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDateTimeEdit,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class Card(QFrame):
    """A titled box of the overview: a heading and a body of plain text or widgets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(
            "#card { background: #ffffff; border: 1px solid #d8dee8; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        self.heading = heading_label(1.1)
        self.body = plain_label()
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addStretch(1)

    def set_texts(self, heading: str, body: str) -> None:
        self.heading.setText(heading)
        self.body.setText(body)
        self.setAccessibleName(heading)
        self.body.setAccessibleName(heading)
        self.body.setAccessibleDescription(body)


def plain_label(text: str = "") -> QLabel:
    from PySide6.QtCore import Qt  # not at import: see gui/firstpaint.py

    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def plain_tip(text: str) -> str:
    """A tooltip that shows *text* literally. Qt draws a tooltip as rich text when it looks
    like markup (``mightBeRichText``), so a name such as ``<b>Dana</b>`` is escaped then."""
    from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui

    if not text or not GuiQt.mightBeRichText(text):
        return text
    return "<qt><p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p></qt>"


def plain_title(text: str) -> str:
    """A window title that shows *text* literally: Qt hides "[*]" (the modified mark) unless
    it is doubled."""
    return text.replace("[*]", "[*][*]")


def plain_action_text(text: str) -> str:
    """Menu or button text that shows *text* literally: a single "&" would mark a shortcut."""
    return text.replace("&", "&&")


def heading_label(scale: float = 1.4) -> QLabel:
    label = QLabel()
    plain_text(label)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


_LATIN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


def latin_digits(text: str) -> str:
    """Dates and numbers use 0-9 in every language (as the printed handouts and the core's
    sentences do), also where Qt's Arabic locale would write Arabic-Indic digits."""
    return text.translate(_LATIN)


def number_locale() -> QLocale:
    """The locale for number and time fields: plain 0-9 digits, no grouping surprises."""
    return QLocale.c()


def latin_locale() -> QLocale:
    """The user's locale, writing 0-9. Qt's Arabic (Israel) writes Arabic-Indic digits, so
    Arabic takes Libya's Arabic: the same month and day names, written with 0-9."""
    locale = QLocale()
    if locale.zeroDigit() == "0":
        return locale
    if locale.language() == QLocale.Language.Arabic:
        return QLocale(QLocale.Language.Arabic, QLocale.Country.Libya)
    return QLocale.c()


def use_latin_digits(*editors: QWidget) -> None:
    """Spin boxes, date and time editors and calendars write 0-9 in every language, like the
    dates in labels and on the printed handouts (also after a language change:
    ``refresh_latin_digits``)."""
    if not editors:  # (the start-up's language, before any editor exists)
        return
    first_day = QLocale().firstDayOfWeek()
    locale = latin_locale()
    for editor in editors:
        editor.setProperty("latinDigits", True)
        editor.setLocale(locale)
        calendar = (
            editor
            if isinstance(editor, QCalendarWidget)
            else (
                editor.calendarWidget()
                if isinstance(editor, QDateTimeEdit) and editor.calendarPopup()
                else None
            )
        )
        if calendar is not None:
            calendar.setLocale(locale)
            calendar.setFirstDayOfWeek(first_day)  # the user's week, not Libya's
            israeli_weekend(calendar)


def israeli_weekend(calendar: QCalendarWidget) -> None:
    """Friday and Saturday drawn as the weekend, Sunday as a working day (the locale used for
    Latin digits would mark Saturday and Sunday)."""
    from PySide6.QtCore import Qt

    day = Qt.DayOfWeek
    weekday = calendar.weekdayTextFormat(day.Monday)
    weekend = calendar.weekdayTextFormat(day.Saturday)
    if weekend == weekday:  # a locale without a weekend colour: use the usual red
        from PySide6.QtGui import QColor

        weekend.setForeground(QColor("#c0392b"))
    calendar.setWeekdayTextFormat(day.Sunday, weekday)
    calendar.setWeekdayTextFormat(day.Friday, weekend)
    calendar.setWeekdayTextFormat(day.Saturday, weekend)


def refresh_latin_digits() -> None:
    """Re-apply ``use_latin_digits`` to every marked editor (the language has changed)."""
    app = QApplication.instance()
    if app is not None:
        use_latin_digits(*[w for w in app.allWidgets() if w.property("latinDigits")])


# How a date and a date with its time are typed and shown in fields and lists: day first, as
# people here write them (D/M/YYYY; two digits so a column of dates lines up), 0-9 digits.
DATE_FORMAT = "dd/MM/yyyy"
DATETIME_FORMAT = "dd/MM/yyyy HH:mm"


def short_datetime(iso: str | None) -> str:
    """``YYYY-MM-DDTHH:MM`` as a list shows it ("06/12/2026 09:00"; empty when not set)."""
    if not iso:
        return ""
    moment = QDateTime.fromString(iso[:16], "yyyy-MM-ddTHH:mm")
    return latin_digits(moment.toString(DATETIME_FORMAT)) if moment.isValid() else iso


def short_date(iso: str | None) -> str:
    """``YYYY-MM-DD`` as a list shows it ("06/12/2026"; empty when not set)."""
    if not iso:
        return ""
    day = QDate.fromString(iso[:10], "yyyy-MM-dd")
    return latin_digits(day.toString(DATE_FORMAT)) if day.isValid() else iso


def format_date(iso: str | None) -> str:
    """``YYYY-MM-DD`` as the user's language writes a date (empty when not set), with the
    month names the printed handouts use (``core.i18n.month_name``)."""
    if not iso:
        return ""
    day = QDate.fromString(iso[:10], "yyyy-MM-dd")
    if not day.isValid():
        return iso
    return f"{day.day()} {month_name(day.month())} {day.year()}"


def format_datetime(iso: str | None, *, weekday: bool = True) -> str:
    """A date and time as the user's language writes them ("Tuesday 9 February 2027, 17:30";
    without the day's name when ``weekday`` is false)."""
    if not iso:
        return ""
    moment = QDateTime.fromString(iso[:16], "yyyy-MM-ddTHH:mm")
    if not moment.isValid():
        return format_date(iso)
    comma = "،" if QLocale().language() == QLocale.Language.Arabic else ","  # Arabic comma
    day = moment.date()
    name = QLocale().dayName(day.dayOfWeek()) + " " if weekday else ""
    when = moment.time().toString("HH:mm")
    return latin_digits(f"{name}{format_date(iso[:10])}{comma} {when}")


def insert_menu_group(menu, actions, before=None) -> None:
    """Put ``actions`` in ``menu`` as one group, above the action ``before`` (else at the end)."""
    if before is not None:
        menu.insertActions(before, list(actions))
        menu.insertSeparator(before)
    else:
        menu.addActions(list(actions))


def attach_calendar(edit, on_picked=None) -> None:
    """Give a date text field (``QLineEdit``) a calendar pop-up: a button at its end opens a
    month calendar (0-9 digits, the user's first day of the week); picking a day writes it
    as DD/MM/YYYY and calls ``on_picked()`` (the field's commit). Typing still works: D/M/YYYY
    or YYYY-MM-DD (``core.i18n.parse_date``)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLineEdit, QStyle

    from kehila_desktop.core.i18n import format_date as core_format_date, parse_date, tr

    action = QAction(
        edit.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
        tr("Choose a date on the calendar"),
        edit,
    )
    edit.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
    edit.setProperty("calendarAction", action)

    def pop_up() -> None:
        calendar = QCalendarWidget(edit.window())
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAccessibleName(tr("Choose a date on the calendar"))
        calendar.setGridVisible(True)
        use_latin_digits(calendar)
        try:
            current = parse_date(edit.text())
        except ValueError:
            current = None
        if current:
            calendar.setSelectedDate(QDate.fromString(current, "yyyy-MM-dd"))

        def picked(day: QDate) -> None:
            edit.setText(core_format_date(day.toString("yyyy-MM-dd")))
            calendar.close()
            calendar.deleteLater()
            if on_picked is not None:
                on_picked()

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        below = edit.mapToGlobal(edit.rect().bottomLeft())
        calendar.move(below)
        calendar.show()
        calendar.setFocus()
        edit.setProperty("calendarPopup", calendar)

    action.triggered.connect(pop_up)
