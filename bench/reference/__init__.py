"""The bench's reference page: a stock Wagtail page type, installed by the bench's settings only
(bench/settings.py; the test settings install it for tests/serving/test_bench.py). Never in
production: the site's own settings do not name it."""
