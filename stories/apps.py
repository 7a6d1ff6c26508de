from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Every story page type (testimonies, projects, news) and the consent that governs them."""

    name = "stories"
    verbose_name = "Stories"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from longread.concerns import ready_concerns

        # Every concern folder wires itself (its `wiring.ready()`: consent, reach, teller, ...),
        # in name order: their surfaces and rules are registered before any request.
        ready_concerns(self)
