"""Date and number formats where the site differs from Django's (FORMAT_MODULE_PATH)."""
