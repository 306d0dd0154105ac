"""How notes are laid out in the terminal: wrapping, indenting, truncating."""

import shutil
import textwrap


def terminal_width(default=80):
    """Columns of the attached terminal, or ``default`` when output is not a terminal."""
    return shutil.get_terminal_size((default, 24)).columns


def wrap_paragraphs(text, width=None):
    """Wrap each paragraph of ``text`` separately, keeping blank lines between them."""
    width = width or terminal_width()
    paragraphs = text.split("\n\n")
    wrapped = [textwrap.fill(p.strip(), width=width) for p in paragraphs if p.strip()]
    return "\n\n".join(wrapped)


def indent_block(text, prefix="    "):
    return "\n".join(prefix + line if line else line for line in text.splitlines())


def truncate(text, limit, ellipsis="…"):
    """Cut ``text`` to ``limit`` characters, ending in ``ellipsis`` when it was longer."""
    if limit < len(ellipsis):
        raise ValueError("limit is shorter than the ellipsis")
    if len(text) <= limit:
        return text
    return text[: limit - len(ellipsis)].rstrip() + ellipsis


def bullet_list(items, width=None, bullet="- "):
    width = width or terminal_width()
    lines = []
    for item in items:
        lines.append(textwrap.fill(item, width=width, initial_indent=bullet,
                                   subsequent_indent=" " * len(bullet)))
    return "\n".join(lines)


def columns(pairs, gap=2):
    """Align ``(label, value)`` pairs in two columns, labels padded to the longest one."""
    pairs = list(pairs)
    width = max((len(label) for label, _ in pairs), default=0)
    return "\n".join(f"{label:<{width}}{' ' * gap}{value}" for label, value in pairs)
