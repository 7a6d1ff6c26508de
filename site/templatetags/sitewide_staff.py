"""Template tags of the staff's admin screens."""

from django import template
from django.utils.html import format_html
from wagtail.admin.templatetags.wagtailadmin_tags import page_breadcrumbs
from wagtail.admin.utils import get_latest_str

register = template.Library()


@register.inclusion_tag("wagtailadmin/shared/breadcrumbs.html", takes_context=True)
def editor_breadcrumbs(context, page, url_name, url_root_name=None):
    """Wagtail's breadcrumbs of the page editor (`page_breadcrumbs`), which end in the page's
    title. Someone who may not explore pages (a consent officer opening a story at the teller's
    step) gets none from Wagtail, so the header named no page: they read the title alone, as
    the last item editors read, without a way into the explorer they may not use."""
    crumbs = page_breadcrumbs(context, page, url_name, url_root_name)
    if not crumbs["items"]:
        crumbs.update(items=[{"url": None, "label": get_latest_str(page)}], is_expanded=True)
    return crumbs


@register.simple_tag
def new_page_form_id():
    """Inside the new-page form: its token (one form, one page: sitewide.staff.drafts)."""
    from sitewide.staff.drafts import FORM_ID_FIELD, new_form_id

    return format_html('<input type="hidden" name="{}" value="{}">', FORM_ID_FIELD, new_form_id())


@register.inclusion_tag("sitewide/admin/translation_handover.html", takes_context=True)
def translation_handover(context, translation):
    """In the translation editor, for whoever may hand the page over (its translators): "Ready
    for review" where they work, or why it cannot be (the dashboard has the same)."""
    from wagtail.models import Page

    from sitewide.staff.translators import may_hand_over, may_review
    from sitewide.translation.handoff import consent_blocks, consent_ended, waits_for_review

    request = context.get("request")
    user = getattr(request, "user", None)
    page = Page.objects.filter(
        translation_key=translation.source.object_id, locale=translation.target_locale
    ).first()
    if user is None or page is None or not may_hand_over(user, page) or may_review(user, page):
        return {"shown": False}
    return {
        "shown": True,
        "page": page,
        "blocked": consent_ended(page),
        "note": consent_blocks(page),
        "waiting": waits_for_review(page),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
