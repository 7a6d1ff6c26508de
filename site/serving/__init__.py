"""Serving readers: routing, media, compression, security headers, refusals, outages."""
