from django.apps import AppConfig


class LongreadConfig(AppConfig):
    """The block library and the reader experience. Knows nothing of stories or the site."""

    name = "longread"
    verbose_name = "Longread"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from longread import renditions  # noqa: F401 - makes renditions when pages are published
        from longread.mediafiles import register_media_types

        register_media_types()
