from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Every story page type (testimonies, projects, news) and the consent that governs them."""

    name = "stories"
    verbose_name = "Stories"
    default_auto_field = "django.db.models.BigAutoField"
