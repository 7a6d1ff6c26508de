"""The consent record's permissions that the consent screens and a story's editor ask: changing
records (withdraw, link a story, the teller's link, the story's consent field) and viewing them
(reading any story, read-only).

Imports nothing: the models (a story's consent field, its status panel) cannot import the admin
screens, which import the models, so both name the permissions from here."""

CONSENT_PERMISSION = "stories.change_consentrecord"
VIEW_PERMISSION = "stories.view_consentrecord"
