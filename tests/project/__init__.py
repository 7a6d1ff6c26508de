"""The codebase itself: docs, layout, upgrade tripwires, the skip rule, settings, factories,
migrations."""
