"""Errors raised while reading INI text."""


class ParseError(ValueError):
    """Malformed INI text; carries the 1-based line number and the offending line."""

    def __init__(self, message, lineno, line):
        super().__init__(f"line {lineno}: {message}: {line.strip()!r}")
        self.lineno = lineno
        self.line = line
