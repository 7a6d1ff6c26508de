"""Background tasks (django-tasks): webhook delivery, renditions at publish, translators' notices
and every e-mail; and how often reach figures are written."""

from sitewide.environment import env

# Queued in the database by default and run by `manage.py db_worker`, which `make run` starts next
# to gunicorn (docs/operations.md, "Task queue").
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND"),
    },
    # The few that must not lag (sitewide.operations.task_routing): run inside the change itself.
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# Reach figures (stories.reach): each web process writes what it counted this often (seconds).
REACH_FLUSH_SECONDS = env("REACH_FLUSH_SECONDS")
# Where the cache is in Redis, every process's counts meet there and any process writes them
# (stories.reach.counting); empty: each process writes its own.
REACH_REDIS_URL = env("REDIS_URL")
