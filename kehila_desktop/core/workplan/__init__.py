"""workplan."""
