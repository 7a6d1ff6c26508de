from stories.consent.surfaces import exempt


def register_surfaces():
    exempt(
        "teller_page",
        "The teller's private page: shows their story's state only with the link and its code; "
        "noindex, no-store, never cached; actions can only take a story down or send a message.",
    )
