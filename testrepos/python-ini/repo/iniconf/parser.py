"""Parse INI text into nested dictionaries.

Supported syntax:

* ``[section]`` headers; keys before the first header go to ``DEFAULT_SECTION``;
* ``key = value`` and ``key: value`` pairs; keys are lower-cased, values are stripped;
* values in double quotes keep their inner spaces, the quotes are removed;
* full-line comments starting with ``;`` or ``#``, and blank lines.
"""

import re

from iniconf.errors import ParseError

DEFAULT_SECTION = "default"

_SECTION = re.compile(r"^\[(?P<name>[^\]]+)\]$")
_PAIR = re.compile(r"^(?P<key>[^=:]+?)\s*[=:]\s*(?P<value>.*)$")


def loads(text):
    """Return ``{section: {key: value}}`` for ``text``; raise ParseError on bad lines."""
    sections = {DEFAULT_SECTION: {}}
    current = sections[DEFAULT_SECTION]
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line[0] in ";#":
            continue
        header = _SECTION.match(line)
        if header:
            name = header.group("name").strip().lower()
            if not name:
                raise ParseError("empty section name", lineno, raw)
            current = sections.setdefault(name, {})
            continue
        pair = _PAIR.match(line)
        if not pair:
            raise ParseError("expected 'key = value' or '[section]'", lineno, raw)
        key = pair.group("key").strip().lower()
        if key in current:
            raise ParseError(f"duplicate key {key!r}", lineno, raw)
        current[key] = _unquote(pair.group("value").strip(), lineno, raw)
    if not sections[DEFAULT_SECTION]:
        del sections[DEFAULT_SECTION]
    return sections


def load(path, encoding="utf-8"):
    """Read and parse the INI file at ``path``."""
    with open(path, encoding=encoding) as handle:
        return loads(handle.read())


def _unquote(value, lineno, raw):
    if value.startswith('"'):
        if len(value) < 2 or not value.endswith('"'):
            raise ParseError("unterminated quoted value", lineno, raw)
        return value[1:-1]
    return value
