"""The work-plan view: situation picture, goals → objectives → actions, timeline, budget."""
