"""A small, strict INI reader."""

from iniconf.errors import ParseError
from iniconf.parser import DEFAULT_SECTION, load, loads

__all__ = ["DEFAULT_SECTION", "ParseError", "load", "loads"]
