"""The site layer's models, one module each; importing them here registers them with the
`sitewide` app (Django imports this package when the apps load).

- `home.py`: `HomePage`, the root of one language tree;
- `information.py`: `InformationPage` (about us, return home, the privacy statement);
- `language_settings.py`: `LanguageSettings`, the per-language settings (a translatable snippet);
- the models of a concern live in its folder and are registered here: the content API's
  (`site/api/models.py`) and the translation workflow's (`site/translation/models.py`).

The order below is the order the models are defined in (Wagtail keeps it for its page types and
snippets): keep it, and add a new module at the end.
"""

# ruff: noqa: I001 - the imports run in the order the models are defined in (above)
from sitewide.models.home import HomePage  # noqa: F401
from sitewide.models.information import InformationPage  # noqa: F401
from sitewide.models.language_settings import LanguageSettings  # noqa: F401
from sitewide.api import models as api_models  # noqa: F401 - registers the API's models
from sitewide.translation import models as translation_models  # noqa: F401 - the workflow's
