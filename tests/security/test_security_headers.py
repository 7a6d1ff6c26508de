"""Security headers, scored as the MDN HTTP Observatory scores them, in production settings.

The scorer below implements the Observatory's published rules ("HTTP Observatory scoring
methodology", https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring, as coded in
mdn/mdn-http-observatory: src/analyzer/tests/*.js, src/grader/charts.js, src/scanner/index.js).

Every site starts at 100. Round one deducts the penalties; round two adds the bonuses, but only if
round one left 90 or more. Grades: 100+ A+, 90 A, 85 A-, 80 B+, 70 B, 65 B-, 60 C+, 50 C, 45 C-,
40 D+, 30 D, 25 D-, below F. The ten tests and their modifiers:

- Content-Security-Policy: default-src 'none' and nothing unsafe +10; nothing unsafe +5;
  unsafe sources in style-src only 0; http: images or media on an https site -10; 'unsafe-eval'
  -10; 'unsafe-inline' or data: in script-src, broad sources (*, https: ...) in script-src or
  object-src, or neither set -20; http: active content -20; unparsable -25; missing -25.
  'unsafe-inline' next to a nonce or hash is ignored (browsers ignore it too).
- Cookies: Secure everywhere, HttpOnly sessions and SameSite +5; Secure and HttpOnly sessions 0;
  none 0; without Secure but HSTS -5; session without Secure but HSTS -10; without Secure -20;
  invalid SameSite -20; anti-CSRF cookie without SameSite -20; session without HttpOnly -30;
  session without Secure -40.
- Cross-origin resource sharing: not readable, public (*) or restricted 0; the Origin reflected
  with credentials -50.
- Redirection: http redirects to https on the same host 0; to another host first -5; to http
  first -10; never to https -20; no redirect -20.
- Referrer-Policy: no-referrer, same-origin, strict-origin(-when-cross-origin) +5; none 0;
  unsafe values or unrecognised -5.
- Strict-Transport-Security: preloaded +5; max-age of six months or more 0; shorter -10;
  missing, unparsable or no https -20.
- Subresource Integrity: every script on this site's domain with integrity +5; scripts on this
  domain without it 0; not HTML or no scripts 0; scripts elsewhere over https without it -5;
  elsewhere over http -20 (with integrity) or -50.
- X-Content-Type-Options: nosniff 0; missing or invalid -5.
- X-Frame-Options: via CSP frame-ancestors +5; DENY or SAMEORIGIN 0; missing or invalid -20.
- Cross-Origin-Resource-Policy: same-origin or same-site +10; cross-origin or missing 0;
  invalid -5.

What the Observatory learns over the network is taken from Django's test client here: the https
answer (redirects followed), the http answer and its redirects, and the answer to a request with
an Origin header. The TLS certificate is taken as valid and the domain as not HSTS-preloaded; the
CSP is read from headers (the site writes no <meta> policies).
"""

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse

from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
OBSERVATORY_ORIGIN = "https://http-observatory.security.mozilla.org"
SIX_MONTHS = 15_552_000  # the Observatory's threshold (it allows 15552000 for 15768000)
GRADES = [
    (100, "A+"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (30, "D"),
    (25, "D-"),
    (0, "F"),
]
BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
REDIRECTS = {301, 302, 303, 307, 308}


# --- what the Observatory retrieves -------------------------------------------------------------


@dataclass
class Retrieved:
    """The answers the Observatory works from, for one address."""

    url: str
    auto: HttpResponse  # https, redirects followed
    http_route: list[tuple[str, HttpResponse]]  # the http request and every redirect after it
    cors: HttpResponse  # https, with an Origin header
    responses: list[HttpResponse] = field(default_factory=list)  # every answer (for cookies)


def _follow(client, url: str, **headers) -> list[tuple[str, HttpResponse]]:
    route = []
    for _ in range(10):
        parts = urlsplit(url)
        response = client.get(
            parts.path,
            QUERY_STRING=parts.query,
            secure=parts.scheme == "https",
            HTTP_HOST=parts.netloc,
            **headers,
        )
        route.append((url, response))
        if response.status_code not in REDIRECTS:
            break
        url = urljoin(url, response["Location"])
    return route


def retrieve(client, path: str) -> Retrieved:
    https = _follow(client, f"https://testserver{path}")
    http = _follow(client, f"http://testserver{path}")
    cors = _follow(client, f"https://testserver{path}", HTTP_ORIGIN=OBSERVATORY_ORIGIN)
    return Retrieved(
        url=https[-1][0],
        auto=https[-1][1],
        http_route=http,
        cors=cors[-1][1],
        responses=[response for _url, response in https + http + cors],
    )


def headers(response, name: str) -> list[str]:
    value = response.headers.get(name)
    return [value] if value is not None else []


# --- the ten tests ------------------------------------------------------------------------------


class InvalidPolicy(ValueError):
    pass


def parse_csp(policy: str) -> dict[str, set[str]]:
    policy = policy.replace("\r", "").replace("\n", "").strip()
    if len(policy) < len("img-src") - 1:
        raise InvalidPolicy(policy)
    parsed: dict[str, set[str]] = {}
    for entry in policy.split(";"):
        directive, *sources = entry.strip().split()
        directive = directive.lower() if directive else ""
        if not directive:
            continue
        if directive in parsed and directive not in ("report-uri", "report-to"):
            raise InvalidPolicy(f"duplicate {directive}")
        values = {source.lower() for source in sources}
        if not values and directive.endswith("-src"):
            values = {"'none'"}
        parsed.setdefault(directive, values)
    return parsed


def csp_test(site: Retrieved) -> tuple[str, int, dict | None]:
    policies = [
        p.strip()
        for value in headers(site.auto, "Content-Security-Policy")
        for p in value.split(",")
    ]
    if not policies:
        if headers(site.auto, "Content-Security-Policy-Report-Only"):
            return "csp-not-implemented-but-reporting-enabled", -25, None
        return "csp-not-implemented", -25, None
    try:
        csp = parse_csp(policies[0])
    except InvalidPolicy:
        return "csp-header-invalid", -25, None
    default = csp.get("default-src")
    script_src = set(csp.get("script-src") or default or {"*"})
    style_src = set(csp.get("style-src") or default or {"*"})
    object_src = set(csp.get("object-src") or default or {"*"})
    for sources in (script_src, style_src):
        if any(s.startswith(("'sha256-", "'sha384-", "'sha512-", "'nonce-")) for s in sources):
            sources.discard("'unsafe-inline'")
    https = urlsplit(site.url).scheme == "https"
    active = [
        source
        for directive, sources in csp.items()
        if directive not in ("img-src", "media-src", "script-src")
        for source in sources
    ] + list(script_src)
    passive = [s for d in ("img-src", "media-src") for s in (csp.get(d) or default or set())]

    def insecure(sources):
        return any(s.startswith(("http:", "ftp:")) for s in sources)

    if script_src & (BROAD | UNSAFE_INLINE) or object_src & BROAD:
        result = ("csp-implemented-with-unsafe-inline", -20)
    elif https and insecure(active):
        result = ("csp-implemented-with-insecure-scheme", -20)
    elif "'unsafe-eval'" in script_src | style_src:
        result = ("csp-implemented-with-unsafe-eval", -10)
    elif https and insecure(passive):
        result = ("csp-implemented-with-insecure-scheme-in-passive-content-only", -10)
    elif style_src & (BROAD | UNSAFE_INLINE):
        result = ("csp-implemented-with-unsafe-inline-in-style-src-only", 0)
    elif default == {"'none'"}:
        result = ("csp-implemented-with-no-unsafe-default-src-none", 10)
    else:
        result = ("csp-implemented-with-no-unsafe", 5)
    return (*result, csp)


def hsts_test(site: Retrieved) -> tuple[str, int]:
    if urlsplit(site.url).scheme != "https":
        return "hsts-not-implemented-no-https", -20
    values = headers(site.auto, "Strict-Transport-Security")
    if not values:
        return "hsts-not-implemented", -20
    if "," in values[0]:
        return "hsts-header-invalid", -20
    max_age = None
    for parameter in (part.strip().lower() for part in values[0].split(";")):
        if parameter.startswith("max-age="):
            try:
                max_age = int(parameter[len("max-age=") :])
            except ValueError:
                return "hsts-header-invalid", -20
    if max_age is None:
        return "hsts-header-invalid", -20
    if max_age < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


# Ordered from least to most severe, as the Observatory's "only if worse".
COOKIE_RESULTS = [
    ("cookies-without-secure-flag-but-protected-by-hsts", -5),
    ("cookies-without-secure-flag", -20),
    ("cookies-session-without-secure-flag-but-protected-by-hsts", -10),
    ("cookies-samesite-flag-invalid", -20),
    ("cookies-anticsrf-without-samesite-flag", -20),
    ("cookies-session-without-httponly-flag", -30),
    ("cookies-session-without-secure-flag", -40),
]


def cookies_test(site: Retrieved) -> tuple[str, int]:
    hsts = hsts_test(site)[1] == 0
    jar: dict[str, dict] = {}
    for response in site.responses:
        for name, morsel in response.cookies.items():
            jar[name] = {
                "secure": bool(morsel["secure"]),
                "httponly": bool(morsel["httponly"]),
                "samesite": morsel["samesite"] or None,
            }
    if not jar:
        return "cookies-not-found", 0
    worst = -1
    order = [name for name, _ in COOKIE_RESULTS]

    def worse(name):
        nonlocal worst
        worst = max(worst, order.index(name))

    for name, cookie in jar.items():
        session = any(word in name.lower() for word in ("login", "sess"))
        samesite = (cookie["samesite"] or "").lower()
        if samesite and samesite not in ("lax", "strict", "none"):
            worse("cookies-samesite-flag-invalid")
        if not cookie["secure"] and samesite == "none":
            worse("cookies-samesite-flag-invalid")
        if not cookie["secure"]:
            worse(
                "cookies-without-secure-flag-but-protected-by-hsts"
                if hsts
                else "cookies-without-secure-flag"
            )
        if "csrf" in name.lower() and not samesite:
            worse("cookies-anticsrf-without-samesite-flag")
        if session and not cookie["secure"]:
            worse(
                "cookies-session-without-secure-flag-but-protected-by-hsts"
                if hsts
                else "cookies-session-without-secure-flag"
            )
        if session and not cookie["httponly"]:
            worse("cookies-session-without-httponly-flag")
    if worst >= 0:
        return COOKIE_RESULTS[worst]
    if all(cookie["samesite"] for cookie in jar.values()):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def cors_test(site: Retrieved) -> tuple[str, int]:
    allowed = site.cors.headers.get("Access-Control-Allow-Origin")
    if not allowed:
        return "cross-origin-resource-sharing-not-implemented", 0
    allowed = allowed.strip().lower()
    if allowed == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    credentials = site.cors.headers.get("Access-Control-Allow-Credentials", "")
    if allowed == OBSERVATORY_ORIGIN and credentials.strip().lower() == "true":
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    return "cross-origin-resource-sharing-implemented-with-restricted-access", 0


def redirection_test(site: Retrieved) -> tuple[str, int]:
    route = [url for url, _response in site.http_route]
    if len(route) == 1:
        return "redirection-missing", -20
    first, second, last = urlsplit(route[0]), urlsplit(route[1]), urlsplit(route[-1])
    if last.scheme != "https":
        return "redirection-not-to-https", -20
    if second.scheme == "http":
        return "redirection-not-to-https-on-initial-redirection", -10
    if first.hostname != second.hostname:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def referrer_policy_test(site: Retrieved) -> tuple[str, int]:
    good = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"]
    bad = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"]
    values = headers(site.auto, "Referrer-Policy")
    if not values:
        return "referrer-policy-not-implemented", 0
    known = [
        v.strip().lower() for v in ",".join(values).split(",") if v.strip().lower() in good + bad
    ]
    policy = known[-1] if known else ""
    if policy in good:
        return "referrer-policy-private", 5
    if policy in bad:
        return "referrer-policy-unsafe", -5
    return "referrer-policy-header-invalid", -5


# Ordered from least to most severe, as the Observatory's "only if worse".
SRI_RESULTS = [
    ("sri-implemented-and-all-scripts-loaded-securely", 5),
    ("sri-implemented-and-external-scripts-loaded-securely", 5),
    ("sri-implemented-but-external-scripts-not-loaded-securely", -20),
    ("sri-not-implemented-but-external-scripts-loaded-securely", -5),
    ("sri-not-implemented-and-external-scripts-not-loaded-securely", -50),
    ("sri-not-implemented-response-not-html", 0),
]


def _domain(host: str) -> str:
    return ".".join(host.lower().split(".")[-2:])


def sri_test(site: Retrieved) -> tuple[str, int]:
    mime = site.auto.headers.get("Content-Type", "").split(";")[0].strip()
    if mime and mime not in ("text/html", "application/xhtml+xml"):
        return "sri-not-implemented-response-not-html", 0
    page = urlsplit(site.url)
    scripts = BeautifulSoup(site.auto.content, "html.parser").find_all("script")
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    result = None
    foreign = False
    order = [name for name, _ in SRI_RESULTS]

    def worse(name):
        nonlocal result
        if result is None or order.index(name) > order.index(result):
            result = name

    for script in scripts:
        src = script.get("src")
        if not src:
            continue
        integrity = script.get("integrity")
        parts = urlsplit(src)
        protocol_relative = src.startswith("//")
        relative = not parts.scheme and not protocol_relative
        same_domain = (
            relative or protocol_relative or _domain(parts.hostname or "") == _domain(page.hostname)
        )
        secure_origin = relative or (same_domain and not protocol_relative)
        secure_scheme = parts.scheme == "https" or (relative and page.scheme == "https")
        if not secure_origin:
            foreign = True
            if integrity and not secure_scheme:
                worse("sri-implemented-but-external-scripts-not-loaded-securely")
            elif not integrity and secure_scheme:
                worse("sri-not-implemented-but-external-scripts-loaded-securely")
            elif not integrity:
                worse("sri-not-implemented-and-external-scripts-not-loaded-securely")
        elif integrity and secure_scheme and result is None:
            result = "sri-implemented-and-all-scripts-loaded-securely"
    if result is None:
        if foreign:
            return "sri-implemented-and-external-scripts-loaded-securely", 5
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    return result, dict(SRI_RESULTS)[result]


def x_content_type_options_test(site: Retrieved) -> tuple[str, int]:
    value = site.auto.headers.get("X-Content-Type-Options")
    if value is None:
        return "x-content-type-options-not-implemented", -5
    if value.strip().lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-header-invalid", -5


def x_frame_options_test(site: Retrieved) -> tuple[str, int]:
    csp = csp_test(site)[2]
    if csp and "frame-ancestors" in csp:
        return "x-frame-options-implemented-via-csp", 5
    value = site.auto.headers.get("X-Frame-Options")
    if value is None:
        return "x-frame-options-not-implemented", -20
    value = value.strip().lower()
    if value in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny", 0
    if value.startswith("allow-from"):
        return "x-frame-options-allow-from-origin", 0
    return "x-frame-options-header-invalid", -20


def corp_test(site: Retrieved) -> tuple[str, int]:
    value = site.auto.headers.get("Cross-Origin-Resource-Policy")
    if value is None:
        return "cross-origin-resource-policy-not-implemented", 0
    return {
        "same-site": ("cross-origin-resource-policy-implemented-with-same-site", 10),
        "same-origin": ("cross-origin-resource-policy-implemented-with-same-origin", 10),
        "cross-origin": ("cross-origin-resource-policy-implemented-with-cross-origin", 0),
    }.get(value.strip().lower(), ("cross-origin-resource-policy-header-invalid", -5))


TESTS = {
    "content-security-policy": lambda site: csp_test(site)[:2],
    "cookies": cookies_test,
    "cross-origin-resource-sharing": cors_test,
    "redirection": redirection_test,
    "referrer-policy": referrer_policy_test,
    "strict-transport-security": hsts_test,
    "subresource-integrity": sri_test,
    "x-content-type-options": x_content_type_options_test,
    "x-frame-options": x_frame_options_test,
    "cross-origin-resource-policy": corp_test,
}


@dataclass
class Score:
    score: int
    grade: str
    results: dict[str, tuple[str, int]]

    def __str__(self):
        lines = [f"{self.score} ({self.grade})"]
        lines += [
            f"  {modifier:+4d} {name}: {result}"
            for name, (result, modifier) in self.results.items()
        ]
        return "\n".join(lines)


def observatory_score(site: Retrieved) -> Score:
    results = {name: test(site) for name, test in TESTS.items()}
    modifiers = [modifier for _result, modifier in results.values()]
    uncurved = 100 + sum(m for m in modifiers if m < 0)
    score = max(0, 100 + sum(modifiers) if uncurved >= 90 else uncurved)
    grade = next(grade for floor, grade in GRADES if min(score - score % 5, 100) >= floor)
    return Score(score, grade, results)


# --- production settings ------------------------------------------------------------------------

SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
]


@pytest.fixture(scope="module")
def production_settings(tmp_path_factory) -> dict:
    """The security settings as the project's settings module makes them with no variable set
    but a key and the host names: SITE_HTTPS and everything else at their defaults."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {SECURITY_SETTINGS!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={
            "PATH": os.environ["PATH"],
            "HOME": os.environ.get("HOME", "/root"),
            "DJANGO_SETTINGS_MODULE": "sitewide.settings",
            "SECRET_KEY": "production-like-" + "q" * 50,
            "ALLOWED_HOSTS": "testserver",
            "VAR_DIR": str(tmp_path_factory.mktemp("production-var")),
        },
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def production_client(production_settings):
    with override_settings(**production_settings):
        yield Client()  # a new handler: middleware reads the settings when it is built


def test_production_settings_redirect_to_https_and_send_hsts(production_settings):
    assert production_settings["SECURE_SSL_REDIRECT"] is True
    assert production_settings["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production_settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production_settings["SESSION_COOKIE_SECURE"] is True
    assert production_settings["CSRF_COOKIE_SECURE"] is True


def story_path() -> str:
    return TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl").url


PAGES = {
    "home": lambda: "/nl/",
    "story": story_path,
    "not-found": lambda: "/nl/bestaat-niet/",
    "api": lambda: "/api/v2/pages/",
}


@pytest.mark.parametrize("kind", PAGES)
def test_observatory_grade_is_a_plus(production_client, kind):
    site = retrieve(production_client, PAGES[kind]())
    expected = 404 if kind == "not-found" else 200
    assert site.auto.status_code == expected, site.url
    score = observatory_score(site)
    assert score.grade == "A+" and score.score >= 100, str(score)
    # HSTS is really sent: production mode, over https.
    assert site.auto["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")
    assert site.http_route[0][1].status_code == 301


def test_reader_headers_in_production(production_client):
    response = production_client.get("/nl/", secure=True)
    policy = parse_csp(response["Content-Security-Policy"])
    assert policy["default-src"] == {"'none'"}
    assert policy["script-src"] == {"'self'"}
    assert policy["frame-src"] == {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in ("no-referrer", "same-origin")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    denied = {
        part.strip().split("=")[0]
        for part in response["Permissions-Policy"].split(",")
        if part.strip().endswith("=()")
    }
    assert {"camera", "microphone", "geolocation", "payment", "usb"} <= denied
    # What the story page itself uses stays allowed.
    assert not denied & {"clipboard-write", "web-share", "fullscreen", "picture-in-picture"}


# --- the scorer can fail ------------------------------------------------------------------------


@pytest.fixture
def home(production_client) -> Retrieved:
    return retrieve(production_client, "/nl/")


def test_scorer_fails_a_response_without_csp(home):
    del home.auto.headers["Content-Security-Policy"]
    score = observatory_score(home)
    assert score.results["content-security-policy"] == ("csp-not-implemented", -25)
    assert score.score < 100 and score.grade != "A+", str(score)


@pytest.mark.parametrize(
    ("header", "value", "test", "expected"),
    [
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
            "content-security-policy",
            ("csp-implemented-with-unsafe-inline", -20),
        ),
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'nonce-abc' 'unsafe-inline'",
            "content-security-policy",
            ("csp-implemented-with-no-unsafe", 5),
        ),
        (
            "Strict-Transport-Security",
            "max-age=86400",
            "strict-transport-security",
            ("hsts-implemented-max-age-less-than-six-months", -10),
        ),
        (
            "Referrer-Policy",
            "unsafe-url",
            "referrer-policy",
            ("referrer-policy-unsafe", -5),
        ),
        (
            "X-Content-Type-Options",
            None,
            "x-content-type-options",
            ("x-content-type-options-not-implemented", -5),
        ),
    ],
)
def test_scorer_applies_the_published_modifiers(home, header, value, test, expected):
    if value is None:
        del home.auto.headers[header]
    else:
        home.auto.headers[header] = value
    assert observatory_score(home).results[test] == expected


def test_scorer_penalises_insecure_cookies_and_missing_hsts(home):
    home.auto.set_cookie("sessionid", "x")  # neither Secure nor HttpOnly
    home.responses.append(home.auto)
    del home.auto.headers["Strict-Transport-Security"]
    score = observatory_score(home)
    assert score.results["cookies"] == ("cookies-session-without-secure-flag", -40)
    assert score.results["strict-transport-security"] == ("hsts-not-implemented", -20)
    # Round one leaves less than 90: no bonus counts.
    assert score.score == 100 - 20 - 40, str(score)


def test_scorer_penalises_foreign_scripts_without_integrity(home):
    home.auto.content = b'<html><script src="https://cdn.example.net/x.js"></script></html>'
    assert observatory_score(home).results["subresource-integrity"] == (
        "sri-not-implemented-but-external-scripts-loaded-securely",
        -5,
    )


# --- the admin's policy -------------------------------------------------------------------------

SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("csp-admin", password="x" * 16)
    client.force_login(user)
    return client


def admin_pages():
    from stories.models import ConsentRecord

    story = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    english = story.get_translation(story.get_translations().get(locale__language_code="en").locale)
    consent = ConsentRecord.objects.first()
    return [
        "/admin/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{english.pk}/edit/",  # wagtail-localize's translation editor
        f"/admin/snippets/stories/consentrecord/edit/{consent.pk}/",
        reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
    ]


def test_every_inline_admin_script_carries_the_nonce_its_policy_allows(staff_client):
    for url in admin_pages():
        response = staff_client.get(url)
        assert response.status_code == 200, url
        policy = parse_csp(response["Content-Security-Policy"])
        assert not policy["script-src"] & {"'unsafe-inline'", "'unsafe-eval'", "data:", "*"}
        assert policy["object-src"] == {"'none'"} and policy["frame-ancestors"] == {"'self'"}
        nonces = {s[len("'nonce-") : -1] for s in policy["script-src"] if s.startswith("'nonce-")}
        soup = BeautifulSoup(response.content, "html.parser")
        inline = [
            script
            for script in soup.find_all("script")
            if not script.get("src") and script.get("type", "").lower() in SCRIPT_TYPES
        ]
        for script in inline:
            # The policy's nonce is lower-cased by parse_csp; nonces are compared as written.
            assert script.get("nonce", "").lower() in nonces, f"{url}: {str(script)[:200]}"
        if inline:
            assert len(nonces) == 1, url


def test_admin_nonce_is_fresh_per_request_and_absent_from_reader_pages(staff_client):
    first = staff_client.get(admin_pages()[1])["Content-Security-Policy"]
    second = staff_client.get(admin_pages()[1])["Content-Security-Policy"]
    assert "'nonce-" in first and first != second
    assert "nonce" not in staff_client.get("/nl/")["Content-Security-Policy"]


def test_previews_keep_the_readers_policy_and_may_be_framed_by_the_admin(rf, staff_client):
    story = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    request = rf.get(f"/admin/pages/{story.pk}/edit/preview/")
    request.user = staff_client.get("/admin/").wsgi_request.user
    response = story.make_preview_request(original_request=request)
    policy = parse_csp(response["Content-Security-Policy"])
    assert response.status_code == 200
    assert policy["frame-ancestors"] == {"'self'"}
    assert policy["script-src"] == {"'self'"} and policy["default-src"] == {"'none'"}


def test_the_readers_policy_is_built_once_and_follows_its_setting(client, settings):
    """Reader answers share one policy string, built once; a changed setting is never missed."""
    first = client.get("/nl/")["Content-Security-Policy"]
    assert client.get("/en/")["Content-Security-Policy"] is first
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'"]}
    }
    changed = parse_csp(client.get("/nl/")["Content-Security-Policy"])
    assert changed["img-src"] == {"'self'"} and "data:" in parse_csp(first)["img-src"]
