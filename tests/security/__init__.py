"""Security: headers, XSS, two-factor sign-in, privacy, image metadata, uploads."""
