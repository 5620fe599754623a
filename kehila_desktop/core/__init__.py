"""The Qt-free core: domain model, program file, operations and history, rules."""
