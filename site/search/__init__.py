"""Search: each page in its own language, Arabic written forms, a query read as text."""
