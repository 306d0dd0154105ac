"""Write contacts as vCard 3.0 (RFC 2426)."""

CRLF = "\r\n"


def to_vcard(contact):
    """Return one vCard for ``contact``, lines separated by CRLF as the RFC requires."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_escape(contact.name)}",
        f"N:{_escape(contact.family_name)};{_escape(contact.given_name)};;;",
        f"EMAIL;TYPE=INTERNET:{_escape(contact.email)}",
    ]
    if contact.tags:
        lines.append("CATEGORIES:" + ",".join(_escape(tag) for tag in contact.tags))
    lines.append("END:VCARD")
    return CRLF.join(lines) + CRLF


def to_vcards(contacts):
    """Concatenate the vCards of all ``contacts``."""
    return "".join(to_vcard(contact) for contact in contacts)


def _escape(value):
    return (value.replace("\\", "\\\\")
            .replace(",", "\\,")
            .replace(";", "\\;")
            .replace("\n", "\\n"))
