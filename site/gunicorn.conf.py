"""gunicorn's settings for `make run`, and the ones to keep in production (`gunicorn -c`).

The access log records what running the site needs and nothing about the reader: the time, the
method, the path without its query string (search terms are the reader's), the protocol, the
status, the size and the duration. No address (%(h)s), no referrer (%(f)s), no user agent
(%(a)s), no query string (%(q)s, %(r)s). The error log loses every address too (gunicorn names
the client of a malformed request). The privacy statement promises exactly this.
"""

from gunicorn.glogging import Logger

from sitewide.logs import RemoveAddresses

accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(L)ss'
errorlog = "-"
loglevel = "info"


class AddressFreeLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, RemoveAddresses) for f in log.filters):
                log.addFilter(RemoveAddresses())


logger_class = AddressFreeLogger
