"""The people view: partner mapping, memberships, the people × bodies matrix and the
composition of each body (see ``view.View``)."""
