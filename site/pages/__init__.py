"""What the site-wide pages list: the home pages and the featured stories."""
