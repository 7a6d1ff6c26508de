"""Template comments: Django's `{# … #}` ends on its own line; one left open shows to readers as
text. Longer comments use `{% comment %}`."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_one_line_comment_runs_past_its_line():
    templates = [
        path
        for folder in ("templates", "site", "stories", "longread")
        for path in (ROOT / folder).rglob("*.html")
    ]
    assert templates
    open_comments = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in templates
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if line.count("{#") > line.count("#}")
    ]
    assert not open_comments, open_comments
