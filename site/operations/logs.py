"""Logs keep no reader's address: a logging filter for Django's handlers and gunicorn's logs.

Django's own messages carry no address, but exception texts and third-party messages may, and
gunicorn names the client of a malformed request ("Invalid request from ip=..."). The filter
replaces every IPv4 or IPv6 address in a message, and in its traceback, with "[address]".
Standard library only: gunicorn's master process loads it before Django.
"""

import ipaddress
import logging
import re

# Runs of the characters addresses are made of; each is checked with ipaddress, so times
# (12:30:45), version numbers (5.2.19) and hex strings stay as they are.
_CANDIDATE = re.compile(r"[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _replace(match: re.Match) -> str:
    text = match[0]
    core = text.rstrip(".:")  # punctuation after an address stays
    tail = text[len(core) :]
    if _is_address(text):
        return "[address]"
    if _is_address(core):
        return "[address]" + tail
    host, _, port = core.partition(":")
    if port.isdigit() and _is_address(host):  # an IPv4 address with its port
        return f"[address]:{port}{tail}"
    return text


def remove_addresses(text: str) -> str:
    return _CANDIDATE.sub(_replace, text)


class RemoveAddresses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        cleaned = remove_addresses(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = remove_addresses(record.exc_text)
        return True


class WithoutTraceback(logging.Filter):
    """One line per record: for expected refusals (a request for a host this site is not),
    whose traceback says nothing and fills the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
