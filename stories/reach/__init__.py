"""Reach without tracking: how many readers opened a page and how far they read, as integer
counters per page, language, day and measure; nothing per reader (docs/reach.md)."""
