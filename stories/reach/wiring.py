"""How reach wires itself (called from StoriesConfig.ready())."""


def ready(app_config):
    from stories.reach.surfaces import register_surfaces

    register_surfaces()
