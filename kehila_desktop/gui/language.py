"""The app's language, applied in one place: the catalogue (``core.i18n``), the layout
direction (right-to-left for Hebrew and Arabic), Qt's own translations (standard dialogs and
buttons) and the remembered choice."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from kehila_desktop.core import i18n
from kehila_desktop.gui import settings
from kehila_desktop.gui.firstpaint import set_direction

_translators: list[QTranslator] = []

LOCALES = {
    "he": QLocale.Language.Hebrew,
    "ar": QLocale.Language.Arabic,
    "en": QLocale.Language.English,
}


# Qt 6's context of a string -> the contexts the shipped catalogues keep it under.
_OLD_CONTEXTS = {"QAbstractFileIconProvider": ("QFileDialog", "QFileIconProvider")}


class _QtTranslations(QTranslator):
    """Qt's own catalogue (``qtbase_LANG.qm`` from PySide6's translations folder), also for the
    strings Qt 6 gave a shortcut mark that the shipped catalogue still has without it: the
    file dialog's "&Look in:" and "Files of &type:" are translated as "Look in:" and "Files of
    type:" are (else they stay English in Hebrew and Arabic), and for the strings Qt 6 moved to a
    new context that the shipped catalogue still has under the old one: the file dialog's file
    types ("Folder", "Drive") are looked up where Qt 5 kept them."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.base = QTranslator(self)

    def load_language(self, language: str, folder: str) -> bool:
        return self.base.load(f"qtbase_{language}", folder)

    def isEmpty(self) -> bool:
        return self.base.isEmpty()

    def translate(self, context, source, disambiguation=None, n=-1):
        text = self.base.translate(context, source, disambiguation, n)
        if not text and source and "&" in source:
            text = self.base.translate(context, source.replace("&", ""), disambiguation, n)
        for old in _OLD_CONTEXTS.get(context, ()):
            if text or not source:
                break
            text = self.base.translate(old, source, disambiguation, n)
        return text or None  # None: a null string, so Qt keeps its own text


def apply_language(language: str, *, remember: bool = True) -> None:
    """Switch the whole app to ``language`` ("he", "ar" or "en")."""
    i18n.set_language(language)
    app = QApplication.instance()
    if remember and settings.saved_language() != language:  # no write at every start
        settings.save_language(language)
    if app is None:
        return
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = _QtTranslations(app)
    if translator.load_language(language, folder):
        app.installTranslator(translator)
        _translators.append(translator)
    country = QLocale.Country.Israel if language in ("he", "ar") else QLocale.Country.AnyCountry
    QLocale.setDefault(QLocale(LOCALES[language], country))
    app.setApplicationDisplayName(i18n.tr("Kehila Desktop"))
    set_direction(app, i18n.is_rtl(language))
    if app.allWidgets():  # (at start-up there are none yet: no editor to re-set)
        from kehila_desktop.gui.widgets import refresh_latin_digits

        refresh_latin_digits()
