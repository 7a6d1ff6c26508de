"""Byte ranges (RFC 9110 §14) for files served whole: audio and video seek with them (Safari
plays no video without them).

`with_byte_ranges(request, response)` takes the full 200 answer a view made (a FileResponse
from the disk, or a stream from the media bucket, with its Content-Length) and answers a single
`Range: bytes=a-b`, `a-` or `-n` with 206 and that part; a range that starts past the end with
416 and `Content-Range: bytes */<length>`. Several ranges at once, other units, or an If-Range
that no longer matches get the whole file (200), as the RFC allows. A position longer than 18
digits is past the end of any file (Python refuses to read numbers over 4,300 digits at all):
as a first position it answers 416, as a last position or a suffix length it reaches to the end.
"""

import re

from django.http import HttpResponse, StreamingHttpResponse

RANGE = re.compile(r"^bytes=([0-9]*)-([0-9]*)$")
CHUNK = 64 * 1024
COPIED = ("Content-Type", "Last-Modified", "ETag", "Cache-Control", "Content-Disposition")
MAX_DIGITS = 18  # 10**18 bytes is past the end of any file served here
PAST_ANY_END = 10**MAX_DIGITS


def _position(digits: str) -> int:
    digits = digits.lstrip("0") or "0"
    return PAST_ANY_END if len(digits) > MAX_DIGITS else int(digits)


def _part(response, start: int, length: int):
    source = getattr(response, "file_to_stream", None)
    try:
        if source is not None and hasattr(source, "seek"):
            source.seek(start)
            left = length
            while left > 0:
                chunk = source.read(min(CHUNK, left))
                if not chunk:
                    break
                left -= len(chunk)
                yield chunk
            return
        skip, left = start, length
        for chunk in response.streaming_content:
            if skip >= len(chunk):
                skip -= len(chunk)
                continue
            chunk = chunk[skip : skip + left]
            skip = 0
            left -= len(chunk)
            yield chunk
            if left <= 0:
                break
    finally:
        _release(response)


def _release(response) -> None:
    """Close what the full answer streams (its file, or the bucket's body) without
    `response.close()`, which also sends `request_finished`: the answer sent in its place sends
    that itself, and a second one closes the database connection of a request still in use (a
    test's transaction on PostgreSQL). Django keeps those closers in `_resource_closers`
    (docs/upgrading.md)."""
    for close in response._resource_closers:
        close()
    response._resource_closers.clear()


def _unsatisfiable(size: int) -> HttpResponse:
    response = HttpResponse(
        f"The requested range starts past the end of the file ({size} bytes).\n",
        status=416,
        content_type="text/plain; charset=utf-8",
    )
    response["Content-Range"] = f"bytes */{size}"
    return response


def with_byte_ranges(request, response):
    if response.status_code != 200 or not response.streaming:
        return response
    response["Accept-Ranges"] = "bytes"
    header = request.headers.get("Range")
    size = response.get("Content-Length")
    if not header or size is None or not size.isdigit():
        return response
    size = int(size)
    if_range = request.headers.get("If-Range")
    if if_range and if_range not in (response.get("ETag"), response.get("Last-Modified")):
        return response
    match = RANGE.match(header.strip())
    if not match or not (match[1] or match[2]):
        return response
    if match[1]:
        start = _position(match[1])
        end = min(_position(match[2]), size - 1) if match[2] else size - 1
        if start >= size:
            _release(response)
            return _unsatisfiable(size)
        if end < start:
            return response  # not a valid range: ignored
    else:
        suffix = _position(match[2])
        if suffix == 0:
            _release(response)
            return _unsatisfiable(size)
        start, end = max(size - suffix, 0), size - 1
    length = end - start + 1
    partial = StreamingHttpResponse(
        _part(response, start, length) if request.method != "HEAD" else iter(()),
        status=206,
    )
    for name in COPIED:
        if name in response:
            partial[name] = response[name]
    partial["Accept-Ranges"] = "bytes"
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Content-Length"] = str(length)
    if request.method == "HEAD":
        _release(response)
    return partial
