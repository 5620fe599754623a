"""The subcommands of ``kehila`` (one module each, ``NAME_cmd.py``); see ``kehila_desktop.cli``."""
