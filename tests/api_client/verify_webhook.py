import hashlib
import hmac
import time


def verify_webhook(secret: str, signature_header: str, body: bytes, tolerance: int = 300) -> bool:
    """True when `X-Longread-Signature` ("t=<unix time>,v1=<hex>") signs this exact body
    with the shared secret, and was made within `tolerance` seconds (no replays)."""
    try:
        parts = dict(part.split("=", 1) for part in signature_header.split(","))
        timestamp, digest = int(parts["t"]), parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), digest)
