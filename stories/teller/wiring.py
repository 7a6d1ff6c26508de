"""How the teller's link wires itself (called from StoriesConfig.ready())."""


def ready(app_config):
    from stories.teller.surfaces import register_surfaces

    register_surfaces()
