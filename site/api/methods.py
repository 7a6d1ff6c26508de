"""The methods the API answers, written once: it only reads (docs/api.md). The CORS settings, the
API's middleware and its plain views name them from here. Imports nothing, like
`sitewide.serving.paths`, so the settings may import it before Django is set up."""

# What reads content: answered by the endpoints (and made conditional by sitewide.api.http).
READ = ("GET", "HEAD")
# Every method the API allows: OPTIONS is answered without reaching a view.
ALLOWED = (*READ, "OPTIONS")
# As the `Allow` header (and django-cors-headers' Access-Control-Allow-Methods) write them.
ALLOW_HEADER = ", ".join(ALLOWED)
