"""How running the site wires itself (called from SitewideConfig.ready())."""


def ready(app_config):
    from sitewide.operations import (
        scale_out,  # noqa: F401 - registers the deployment check for several machines
    )
    from sitewide.operations.task_routing import keep_wagtail_integrity_tasks_immediate

    keep_wagtail_integrity_tasks_immediate()
