"""Who counts as a reader: a person's browser, not a crawler or a prefetch. Decided per request
and forgotten: nothing of the request is kept."""

from crawlerdetect import CrawlerDetect

_detector = CrawlerDetect()
# The last answers by a hash of the agent string (never the string itself): a crawler check
# costs a regular expression over a long list, too much for every cached page view.
_answers: dict[int, bool] = {}
_REMEMBERED = 512


def is_crawler(user_agent: str) -> bool:
    key = hash(user_agent)
    answer = _answers.get(key)
    if answer is None:
        # Every browser names itself; a request that does not is a script.
        answer = not user_agent or _detector.isCrawler(user_agent)
        if len(_answers) >= _REMEMBERED:
            _answers.clear()
        _answers[key] = answer
    return answer


def counts(request) -> bool:
    """Whether this request comes from a reader's browser (a page view or its beacon)."""
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    if "prefetch" in purpose or "prerender" in purpose:
        return False
    return not is_crawler(request.headers.get("User-Agent", ""))
