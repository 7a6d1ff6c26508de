"""Cancelling a page's workflow asks first.

Wagtail's "Cancel workflow" in the editor's action menu ends the review at once, with every
approval given so far, on one click beside "Save draft". The button here asks the browser's own
question first (sitewide/admin_confirm.js); without JavaScript it works as Wagtail's does.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.action_menu import CancelWorkflowMenuItem


class ConfirmedCancelWorkflowMenuItem(CancelWorkflowMenuItem):
    template_name = "sitewide/admin/cancel_workflow_menu_item.html"


@hooks.register("construct_page_action_menu")
def ask_before_cancelling_a_workflow(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is CancelWorkflowMenuItem:
            menu_items[index] = ConfirmedCancelWorkflowMenuItem(order=item.order)


@hooks.register("insert_editor_js")
def confirm_script():
    return format_html('<script src="{}"></script>', static("sitewide/admin_confirm.js"))
