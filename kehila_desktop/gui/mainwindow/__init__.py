"""The main window (``window.MainWindow``), split by job: ``menus`` (menus and actions, undo /
redo), ``files`` (file dialogs, recent files, drag and drop), ``welcome`` (the page shown with no
file open), ``switching`` (the side bar and the views) and ``status`` (title, read-only banner,
window geometry)."""

from kehila_desktop.gui.mainwindow.window import MainWindow

__all__ = ["MainWindow"]
