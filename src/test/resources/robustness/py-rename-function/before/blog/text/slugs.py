"""Turn post titles into URL slugs and keep them unique within a blog."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
_MAX_LENGTH = 60

_TRANSLITERATIONS = {
    "ß": "ss",
    "æ": "ae",
    "ø": "o",
    "œ": "oe",
    "đ": "d",
    "ł": "l",
}


def make_slug(title, max_length=_MAX_LENGTH):
    """Return a lowercase, hyphen-separated ASCII slug for ``title``.

    >>> make_slug("Hello, World!")
    'hello-world'
    >>> make_slug("Straße & Ærø")
    'strasse-aero'
    """
    text = title.strip().lower()
    for source, target in _TRANSLITERATIONS.items():
        text = text.replace(source, target)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "post"


def make_unique_slug(title, taken, max_length=_MAX_LENGTH):
    """Return ``make_slug(title)``, with ``-2``, ``-3``... appended while it is in ``taken``."""
    base = make_slug(title, max_length)
    candidate = base
    counter = 2
    while candidate in taken:
        suffix = f"-{counter}"
        candidate = base[: max_length - len(suffix)] + suffix
        counter += 1
    return candidate


def slug_from_path(path):
    """Extract the slug from a post URL such as ``/2024/05/my-post/``."""
    parts = [part for part in path.split("/") if part]
    if not parts:
        raise ValueError(f"no slug in path {path!r}")
    return make_slug(parts[-1])


def rename_all(posts):
    """Recompute every post's slug, keeping them unique in publication order."""
    taken = set()
    renamed = {}
    for post in sorted(posts, key=lambda p: p["published"]):
        slug = make_unique_slug(post["title"], taken)
        taken.add(slug)
        if slug != post.get("slug"):
            renamed[post["id"]] = slug
    return renamed


__all__ = ["make_slug", "make_unique_slug", "slug_from_path", "rename_all"]
