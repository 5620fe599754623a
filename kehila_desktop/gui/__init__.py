"""The desktop app (PySide6): start-up, main window, the views. Only this package imports Qt."""
