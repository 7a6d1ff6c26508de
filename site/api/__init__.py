"""The headless content API (Wagtail API v2): partner sites and apps read the same consented
content as the HTML site, from JSON alone, and are told when they must take a page down."""
