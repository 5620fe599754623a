"""The Structure view: the diagram of the four mechanisms, a body's details, program settings."""
