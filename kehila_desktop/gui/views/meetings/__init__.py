"""The Meetings view (list, month, detail) and in-room mode."""
