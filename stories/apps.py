from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Every story page type (testimonies, projects, news) and the consent that governs them."""

    name = "stories"
    verbose_name = "Stories"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from stories.consent.public_surfaces import register_surfaces

        register_surfaces()

        from longread.preload import register_page_link_rule
        from stories.consent import linkable_pages

        # Rich text links name only pages the consent rule lets readers of the channel see.
        register_page_link_rule(linkable_pages)
        from stories.reach.surfaces import register_surfaces as register_reach_surfaces
        from stories.teller.surfaces import register_surfaces as register_teller_surfaces

        register_teller_surfaces()
        register_reach_surfaces()
