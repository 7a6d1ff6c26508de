"""Serving: caching, compression, faults, static files, queries, scale-out, the task queue, load."""
