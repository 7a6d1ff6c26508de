"""The translation workflow: roles, status, review, memory, files, hand-off."""
