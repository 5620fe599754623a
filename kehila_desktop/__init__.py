"""Kehila Desktop: an offline, right-to-left desktop app for the Kehila Metiva program."""

__version__ = "0.1.0"
