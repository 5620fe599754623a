"""The app's language, applied in one place: the catalogue (``core.i18n``), the layout
direction (right-to-left for Hebrew and Arabic), Qt's own translations (standard dialogs and
buttons) and the remembered choice."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from kehila_desktop.core import i18n
from kehila_desktop.gui import settings

_translators: list[QTranslator] = []

LOCALES = {"he": QLocale.Language.Hebrew, "ar": QLocale.Language.Arabic,
           "en": QLocale.Language.English}


def apply_language(language: str, *, remember: bool = True) -> None:
    """Switch the whole app to ``language`` ("he", "ar" or "en")."""
    i18n.set_language(language)
    app = QApplication.instance()
    if remember:
        settings.save_language(language)
    if app is None:
        return
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            _translators.append(translator)
    country = QLocale.Country.Israel if language in ("he", "ar") else QLocale.Country.AnyCountry
    QLocale.setDefault(QLocale(LOCALES[language], country))
    app.setApplicationDisplayName(i18n.tr("Kehila Desktop"))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if i18n.is_rtl(language)
                           else Qt.LayoutDirection.LeftToRight)
    from kehila_desktop.gui.widgets import refresh_latin_digits

    refresh_latin_digits()
