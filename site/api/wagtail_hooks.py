"""The API in the admin: headless preview tokens per page, partner webhooks and deliveries."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from sitewide.api.models import PartnerWebhook, PreviewToken, WebhookDelivery
from sitewide.api.webhook_urls import UnsafeWebhookURL, target
from stories import consent


def editable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def preview_tokens(request, page_id):
    """Issue and revoke headless preview tokens for the page's latest revision."""
    page = editable_page(request, page_id)
    revision = page.latest_revision
    if request.method == "POST":
        if "revoke" in request.POST:
            PreviewToken.objects.filter(
                pk=request.POST["revoke"], revision__object_id=str(page.pk), revoked_at=None
            ).update(revoked_at=timezone.now())
            messages.success(request, _("The preview token was revoked."))
        elif revision is None:
            messages.error(request, _("This page has no revision to preview yet."))
        else:
            token = PreviewToken.objects.create(revision=revision, created_by=request.user)
            request.session["issued_preview_token"] = token.signed()
        return redirect("sitewide_api_preview_tokens", page.pk)
    issued = request.session.pop("issued_preview_token", None)
    draft = revision.as_object() if revision else page
    active = PreviewToken.objects.filter(
        revision__object_id=str(page.pk),
        revision__content_type=revision.content_type if revision else None,
        revoked_at=None,
        created_at__gte=timezone.now() - timezone.timedelta(hours=1),
    ).select_related("created_by")
    return TemplateResponse(
        request,
        "sitewide/admin/preview_tokens.html",
        {
            "page": page,
            "revision": revision,
            "tokens": active,
            "issued": issued,
            "preview_url": request.build_absolute_uri(reverse("wagtailapi:pages:preview")),
            "consent_problem": consent.consent_problem(draft, channel=consent.API),
        },
    )


@hooks.register("register_admin_urls")
def api_admin_urls():
    return [path("api-preview/<int:page_id>/", preview_tokens, name="sitewide_api_preview_tokens")]


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name, next_url=None):
    if page.depth > 1 and page.permissions_for_user(user).can_edit():
        yield PageMenuItem(
            _("Headless preview"),
            reverse("sitewide_api_preview_tokens", args=[page.pk]),
            icon_name="view",
            priority=66,
            page=page,
        )


class WebhookURLField(forms.URLField):
    """The webhook rule's own reason (sitewide.api.webhook_urls) before Django's generic "Enter
    a valid URL", which a numeric host (2130706433) or `localhost.` would otherwise get."""

    def run_validators(self, value):
        if value not in self.empty_values:
            try:
                target(value)
            except UnsafeWebhookURL as error:
                raise ValidationError(str(error), code="unsafe") from None
        super().run_validators(value)


class PartnerWebhookForm(WagtailAdminModelForm):
    url = WebhookURLField(
        assume_scheme="https",
        label=PartnerWebhook._meta.get_field("url").verbose_name,
        help_text=PartnerWebhook._meta.get_field("url").help_text,
    )


WEBHOOK_PANELS = ["name", "url", "secret", "active", "contact_email"]


class PartnerWebhookViewSet(SnippetViewSet):
    """The signing secret is in the form that creates a webhook (to give it to the partner) and
    in no later form: an edit page shows it to nobody."""

    model = PartnerWebhook
    icon = "link-external"
    menu_label = _("Partner webhooks")
    list_display = ["name", "url", "active"]
    add_to_admin_menu = False
    edit_handler = ObjectList(
        [FieldPanel(name) for name in WEBHOOK_PANELS], base_form_class=PartnerWebhookForm
    )

    def get_edit_view_kwargs(self, **kwargs):
        without_secret = ObjectList(
            [FieldPanel(name) for name in WEBHOOK_PANELS if name != "secret"],
            base_form_class=PartnerWebhookForm,
        ).bind_to_model(self.model)
        kwargs.setdefault("panel", without_secret)
        kwargs.setdefault("form_class", without_secret.get_form_class())
        return super().get_edit_view_kwargs(**kwargs)


class WebhookDeliveryViewSet(SnippetViewSet):
    """Deliveries and their failures, for the staff who look after partner integrations."""

    model = WebhookDelivery
    icon = "list-ul"
    list_display = ["webhook", "change", "status", "attempts", "next_attempt_at", "last_error"]
    list_filter = ["status", "webhook"]
    inspect_view_enabled = True


register_snippet(PartnerWebhookViewSet)
register_snippet(WebhookDeliveryViewSet)
