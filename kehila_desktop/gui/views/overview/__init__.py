"""The Overview view: the program at a glance and its health checklist."""
