"""Security headers: two Content-Security-Policies (readers, admin), Permissions-Policy, CORP.

Readers' pages get CONTENT_SECURITY_POLICY; the admin gets ADMIN_CONTENT_SECURITY_POLICY, which
allows the request's nonce. Wagtail and wagtail-localize write a few inline scripts; the project
marks each one with that nonce where it is written (templates under templates/wagtailadmin and
templates/wagtail_localize, and the chooser widgets below). The README section "Admin
Content-Security-Policy" lists every exception and why.
"""

import contextvars
import functools
import re

import csp.middleware
from csp.middleware import CSPMiddleware
from csp.utils import build_policy, default_config
from django.conf import settings
from django.core.signals import setting_changed
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from sitewide.serving.middleware import ADMIN_PREFIXES

# The request being answered, for what renders without it (form widgets) but must mark its
# inline script with the request's nonce.
_current_request: contextvars.ContextVar = contextvars.ContextVar("current_request", default=None)


def is_admin_path(path: str) -> bool:
    return path.startswith(ADMIN_PREFIXES)


def current_csp_nonce() -> str:
    """The CSP nonce of the admin request being answered; "" anywhere else."""
    request = _current_request.get()
    if request is None or not is_admin_path(request.path_info):
        return ""
    nonce = getattr(request, "csp_nonce", None)
    return str(nonce) if nonce is not None else ""


def nonce_attribute() -> str:
    """` nonce="…"` for an inline script written by trusted code, or "" without a nonce."""
    nonce = current_csp_nonce()
    return format_html(' nonce="{}"', nonce) if nonce else ""


@functools.cache
def _settings_policy(report_only: bool) -> str:
    return build_policy(report_only=report_only)


def _policy(config=None, update=None, replace=None, nonce=None, report_only=False) -> str:
    """django-csp's build_policy, with the settings' own policy built once: a reader's page has
    no nonce and changes nothing per view, so every answer, cached or not, carries the same
    header (about 0.1 ms a response to build)."""
    if config is None and update is None and replace is None and nonce is None:
        return _settings_policy(report_only)
    return build_policy(config, update, replace, nonce, report_only)


def _forget_policies(*, setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _settings_policy.cache_clear()


setting_changed.connect(_forget_policies)
csp.middleware.build_policy = _policy  # what CSPMiddleware.process_response calls


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with the admin's own policy for the admin's paths."""

    sync_capable = True
    async_capable = False  # the request is kept in a context variable around a sync call

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return super().__call__(request)
        finally:
            _current_request.reset(token)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview as a request for the page's own address, which gets the
            # readers' policy; the admin's preview panel frames it.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts


class SecurityHeadersMiddleware:
    """Headers Django has no setting for: Permissions-Policy and Cross-Origin-Resource-Policy.

    Renditions and media files may be shown by partner sites that take stories from the API, so
    they may be embedded elsewhere; everything else is for this origin only.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        shared = request.path_info.startswith(settings.MEDIA_URL)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", "cross-origin" if shared else "same-origin"
        )
        return response


_CHOOSER_SCRIPT = re.compile(r"<script>(?P<js>new [\w.]+\([^<]*\);)</script>$")


def nonce_chooser_scripts() -> None:
    """Wagtail's chooser widgets end their HTML with `<script>new …Chooser(id, options);</script>`,
    written in Python (wagtail.admin.widgets.chooser.BaseChooser.render). Give that one script,
    and only when it has exactly that form, the request's nonce.
    """
    from wagtail.admin.widgets.chooser import BaseChooser

    if getattr(BaseChooser.render, "_csp_nonce", False):
        return
    render = BaseChooser.render

    def render_with_nonce(self, *args, **kwargs):
        html = render(self, *args, **kwargs)
        nonce = current_csp_nonce()
        match = _CHOOSER_SCRIPT.search(html)
        if not nonce or not match:
            return html
        script = format_html('<script nonce="{}">', nonce) + match["js"] + "</script>"
        # Wagtail's own rendered chooser markup; only the nonce (format_html) is added.
        return mark_safe(html[: match.start()] + script)  # noqa: S308  # nosec B308 B703

    render_with_nonce._csp_nonce = True
    BaseChooser.render = render_with_nonce
