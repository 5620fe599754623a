"""handouts."""
