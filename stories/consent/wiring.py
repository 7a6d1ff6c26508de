"""How the consent rule wires itself (called from StoriesConfig.ready())."""


def ready(app_config):
    from longread.preload import register_page_link_rule
    from stories.consent import linkable_pages
    from stories.consent.public_surfaces import register_surfaces

    register_surfaces()
    # Rich text links name only pages the consent rule lets readers of the channel see.
    register_page_link_rule(linkable_pages)
