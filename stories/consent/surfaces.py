"""The registry of public surfaces: every place a story could reach a reader or a partner.

Each app registers its surfaces when it is ready (its concerns' `wiring.py`). The leak tests
fetch every registered surface for every consent state and language; another test fails when a
public URL pattern is covered by no surface, so a surface added later cannot skip the matrix.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Surface:
    name: str
    channel: str
    # URL pattern names (Django resolver names) this surface is served from.
    url_names: tuple[str, ...]
    # Given a story page (one translation), the URLs where that story would appear.
    urls_for: Callable = field(compare=False)
    # False for surfaces that list no testimonies (projects, news): the leak matrix still
    # fetches them, but does not expect a consented story to appear there.
    shows_stories: bool = True


@dataclass(frozen=True)
class Exemption:
    """A public URL pattern that cannot show a story, and why."""

    url_name: str
    reason: str


SURFACES: dict[str, Surface] = {}
EXEMPTIONS: dict[str, Exemption] = {}


def register(
    name: str, channel: str, url_names, urls_for: Callable, shows_stories: bool = True
) -> None:
    SURFACES[name] = Surface(name, channel, tuple(url_names), urls_for, shows_stories)


def exempt(url_name: str, reason: str) -> None:
    EXEMPTIONS[url_name] = Exemption(url_name, reason)


def covered_url_names() -> set[str]:
    names = {name for surface in SURFACES.values() for name in surface.url_names}
    return names | set(EXEMPTIONS)
