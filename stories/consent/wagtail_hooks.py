"""Admin wiring of consent: the register (snippet viewset, filters, chooser, buttons), the
officers' screens' addresses, the audit log of record edits, the dashboard panel, and the
refusals that keep an uncovered story from being served, published in bulk or losing its
record (found by stories.wagtail_hooks, with every concern's)."""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from stories import consent
from stories.consent import register
from stories.consent.admin_views import (
    erase_view,
    link_view,
    story_of_record,
    story_view,
    withdraw_view,
)
from stories.consent.permissions import CONSENT_PERMISSION, VIEW_PERMISSION
from stories.consent.takedown import act_on_record_edit
from stories.models import (
    ConsentRecord,
    ConsentWithdrawal,
    LongreadPage,
    TestimonyPage,
)

REVIEW_WINDOW = datetime.timedelta(days=30)


# Fields whose change is logged by name only: log entries never hold story text.
AUDITED_FIELDS = [
    field.name
    for field in ConsentRecord._meta.get_fields()
    if field.concrete and field.name not in ("id",)
]


@hooks.register("before_serve_page")
def refuse_pages_without_consent(page, request, serve_args, serve_kwargs):
    """A page the consent rule hides answers 404, as if it did not exist. So does a page asked
    for under another language's prefix: Wagtail would fall back to the Dutch page for a
    language it has not been translated into, and serve Dutch text under /de/."""
    if page.locale.language_code != translation.get_language():
        raise Http404
    # One query answers the website (may it be served) and social (share links) together.
    visibility = consent.remembered_visibility(page) or consent.page_visibility(
        page, (consent.WEBSITE, consent.SOCIAL)
    )
    if not visibility[consent.WEBSITE]:
        raise Http404
    consent.remember_visibility(page, visibility)


class ConsentOfficersOnly:
    """Wagtail's snippet choosers open to every admin user; consent records are for those who
    may see them (consent officers), and only they get the consent field on a testimony."""

    def dispatch(self, request, *args, **kwargs):
        if not any(
            request.user.has_perm(f"stories.{action}_consentrecord")
            for action in ("view", "change", "add")
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ConsentRecordChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (ConsentOfficersOnly, snippet_chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (ConsentOfficersOnly, snippet_chooser.ChooseResultsView), {}
    )
    chosen_view_class = type(
        "ChosenView", (ConsentOfficersOnly, snippet_chooser.SnippetChosenView), {}
    )
    chosen_multiple_view_class = type(
        "ChosenMultipleView",
        (ConsentOfficersOnly, snippet_chooser.SnippetChosenMultipleView),
        {},
    )
    create_view_class = type(
        "CreateView", (ConsentOfficersOnly, snippet_chooser.SnippetCreateView), {}
    )


class ConsentStatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=register.STATUS_CHOICES,
        method="filter_status",
        empty_label=_("All"),
    )

    class Meta:
        model = ConsentRecord
        fields = []

    def filter_status(self, queryset, name, value):
        return register.filter_by_status(queryset, value)


class ConsentRecordCreateView(snippet_views.CreateView):
    def get_initial_form_instance(self):
        # "Recorded by": the officer who is signed in, unless they choose someone else.
        instance = super().get_initial_form_instance() or self.model()
        if self.request.method == "GET":
            instance.recorded_by = self.request.user
        return instance


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    chooser_viewset_class = ConsentRecordChooserViewSet
    add_view_class = ConsentRecordCreateView
    icon = "doc-full-inverse"
    menu_label = _("Consent")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "pseudonym",
        Column(
            "status",
            label=_("Status"),
            accessor=lambda record: register.STATUS_LABELS[register.record_status(record)],
        ),
        "given_on",
        "review_on",
        "expires_on",
    ]
    filterset_class = ConsentStatusFilterSet

    def get_queryset(self, request):
        return ConsentRecord.objects.prefetch_related("withdrawals")

    search_fields = ["pseudonym"]
    # Wagtail's listing, with every row's buttons starting under its title.
    index_template_name = "stories/admin/consent_register.html"
    inspect_view_enabled = False
    copy_view_enabled = False


register_snippet(ConsentRecordViewSet)


@hooks.register("register_admin_urls")
def consent_admin_urls():
    return [
        path("consent/<int:pk>/withdraw/", withdraw_view, name="stories_consent_withdraw"),
        path("consent/<int:pk>/erase/", erase_view, name="stories_consent_erase"),
        path("consent/story/<int:pk>/", story_view, name="stories_consent_story"),
        path("consent/story/<int:pk>/link/", link_view, name="stories_consent_link"),
    ]


@hooks.register("register_snippet_listing_buttons")
def withdraw_button(snippet, user, next_url=None):
    if isinstance(snippet, ConsentRecord) and user.has_perm(VIEW_PERMISSION):
        story = story_of_record(snippet)
        if story is not None:
            yield ListingButton(
                _("Read the story"),
                reverse("stories_consent_story", args=[story.pk]),
                icon_name="doc-full",
                priority=4,
            )
    if isinstance(snippet, ConsentRecord) and user.has_perm(CONSENT_PERMISSION):
        yield ListingButton(
            _("Withdraw"),
            reverse("stories_consent_withdraw", args=[snippet.pk]),
            icon_name="warning",
            priority=5,
        )
    if isinstance(snippet, ConsentRecord) and user.is_superuser:
        yield ListingButton(
            _("Erase story"),
            reverse("stories_consent_erase", args=[snippet.pk]),
            icon_name="bin",
            priority=6,
        )


def _snapshot(record):
    return {
        name: (
            sorted(record.languages.values_list("pk", flat=True))
            if name == "languages"
            else getattr(record, name, None)
        )
        for name in AUDITED_FIELDS
        if name not in ("withdrawals", "stories")
    }


@hooks.register("before_edit_snippet")
def remember_consent_before_edit(request, instance):
    if isinstance(instance, ConsentRecord) and request.method == "POST":
        request._consent_before = _snapshot(ConsentRecord.objects.get(pk=instance.pk))
        request._consent_live_before = set(instance.stories.live().values_list("pk", flat=True))
        # The save narrows in the officer's name (stories.consent.scope).
        instance._consent_user = request.user


@hooks.register("after_edit_snippet")
def log_consent_change(request, instance):
    """Every change to a consent record is an audit-log entry: who, when, which fields."""
    before = getattr(request, "_consent_before", None)
    if isinstance(instance, ConsentRecord) and before is not None:
        after = _snapshot(ConsentRecord.objects.get(pk=instance.pk))
        changed = sorted(name for name in after if after[name] != before.get(name))
        if changed:
            log(
                instance=instance,
                action="stories.consent.changed",
                user=request.user,
                data={"fields": changed},
            )


@hooks.register("after_edit_snippet")
def act_on_consent_edited_in_its_form(request, instance):
    if isinstance(instance, ConsentRecord):
        results = act_on_record_edit(instance, user=request.user)
        # The form's save itself took down what a narrowing no longer covers
        # (stories.consent.scope).
        live_before = getattr(request, "_consent_live_before", set())
        live_now = set(instance.stories.live().values_list("pk", flat=True))
        taken_down = sorted(
            (live_before - live_now) | {pk for result in results for pk in result.unpublished}
        )
        if taken_down:
            messages.warning(
                request,
                _("This change took these pages offline: %(pages)s.")
                % {"pages": register.pages_named(taken_down)},
            )
        warn_about_a_record_that_shows_nothing(request, instance)


@hooks.register("after_create_snippet")
def warn_about_a_new_record_that_shows_nothing(request, instance):
    if isinstance(instance, ConsentRecord):
        warn_about_a_record_that_shows_nothing(request, instance)


def warn_about_a_record_that_shows_nothing(request, record):
    for warning in register.record_warnings(record):
        messages.warning(request, warning)


@hooks.register("before_edit_page")
def say_why_photos_are_hidden(request, page):
    """Editors see at once why a story shows no image (not even the hero image)."""
    specific = getattr(page, "specific", page)
    if request.method != "GET" or not isinstance(specific, TestimonyPage):
        return None
    if specific.consent_id and not specific.photos_allowed():
        messages.warning(
            request,
            _(
                "Photos are hidden: the consent of %(name)s does not allow photos. Readers, "
                "partners and share previews see none of this story's photos (hero, image "
                "blocks, share image, API). Images marked as illustrations in the image library "
                "are still shown."
            )
            % {"name": specific.consent.pseudonym},
        )
    return None


@hooks.register("before_delete_snippet")
def refuse_deleting_consent_in_use(request, instances):
    for record in instances:
        if isinstance(record, ConsentRecord) and record.stories.exists():
            titles = ", ".join(
                f"{page.title} ({page.locale.language_code})"
                for page in record.stories.select_related("locale")
            )
            messages.error(
                request,
                _("The consent record %(name)s is in use by: %(stories)s. It cannot be deleted.")
                % {"name": record.pseudonym, "stories": titles},
            )
            return redirect("wagtailsnippets_stories_consentrecord:edit", pk=record.pk)
    return None


class ConsentPanel(Component):
    name = "consent"
    order = 50
    template_name = "stories/admin/consent_panel.html"

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        records = ConsentRecord.objects.prefetch_related("withdrawals")
        withdrawn_ids = ConsentWithdrawal.objects.filter(part=ConsentWithdrawal.EVERYTHING).values(
            "record_id"
        )
        return {
            "groups": [
                (
                    _("Due for review within 30 days"),
                    list(
                        records.filter(review_on__lte=today + REVIEW_WINDOW)
                        .exclude(pk__in=withdrawn_ids)
                        .order_by("review_on")
                    ),
                ),
                (_("Expired"), list(records.filter(expires_on__lte=today).order_by("expires_on"))),
                (_("Withdrawn"), list(records.filter(pk__in=withdrawn_ids))),
            ]
        }


@hooks.register("construct_homepage_panels")
def add_consent_panel(request, panels):
    if request.user.has_perm(CONSENT_PERMISSION):
        panels.append(ConsentPanel())


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_without_consent(request, action_type, objects, action):
    """Check the whole selection first, so a bulk publish never stops half-way: the same
    `publish_problem()` that publish() asks (consent, and the checks other layers registered)."""
    if action_type != "publish":
        return None
    problems = []
    for page in objects:
        specific = getattr(page, "specific", page)
        if not isinstance(specific, LongreadPage):
            continue
        problem = specific.publish_problem(specific.get_latest_revision(), request.user)
        if problem:
            problems.append(f"{specific.title} ({specific.locale.language_code}): {problem}")
    if problems:
        messages.error(
            request, _("Nothing was published. %(problems)s") % {"problems": " ".join(problems)}
        )
        return redirect(request.GET.get("next") or "wagtailadmin_explore_root")
    return None


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action("stories.consent.changed", _("Change consent"), _("Consent changed"))
    actions.register_action(
        "stories.consent.withdrawn", _("Withdraw consent"), _("Consent withdrawn")
    )
    actions.register_action(
        "stories.consent.linked", _("Link consent record"), _("Consent record linked")
    )
