"""The site's address prefixes, written once: every rule that treats a part of the site apart
(the page cache, compression, the admin's language and second factor, the API's answers,
language prefixes) names them from here. They match `sitewide.urls`."""

ADMIN = "/admin/"
API = "/api/"
MEDIA = "/media/"
DOCUMENTS = "/documents/"
STATIC = "/static/"
HEALTH = "/health/"

# Staff screens: never kept in the page cache, never compressed by the site (Wagtail's admin
# sends its own files), in the account's language.
STAFF = (ADMIN,)
# Addresses without a language prefix (`/nl/…`): the API, the admin and files.
UNPREFIXED = (API, ADMIN, MEDIA, DOCUMENTS, STATIC)
# Answers the page cache never keeps: staff screens, the health check, static files.
NOT_CACHED = (*STAFF, HEALTH, STATIC)
