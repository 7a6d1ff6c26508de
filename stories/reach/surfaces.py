from stories.consent.surfaces import exempt


def register_surfaces():
    exempt(
        "reach_beacon",
        "The reading beacon: takes a page id, a chapter number and an end flag and answers an "
        "empty 204 whatever it gets; it shows nothing, and counts nothing for a page readers "
        "may not see (stories.reach.views.page_facts asks the consent rule).",
    )
