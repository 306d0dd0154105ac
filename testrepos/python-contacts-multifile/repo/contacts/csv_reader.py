"""Read contacts from CSV with a header row.

Required columns: ``name`` and ``email``. Optional: ``tags`` (separated by ``;``).
Column names are case-insensitive and may appear in any order; unknown columns are ignored.
"""

import csv

from contacts.model import Contact

REQUIRED_COLUMNS = ("name", "email")


class CsvFormatError(ValueError):
    """The CSV cannot be read as contacts; the message names the row and the column."""


def read_contacts(lines):
    """Return a list of Contact from an iterable of CSV lines (a file opened with newline="")."""
    reader = csv.DictReader(lines)
    if reader.fieldnames is None:
        raise CsvFormatError("the file is empty; expected a header row such as 'name,email'")
    columns = {name.strip().lower(): name for name in reader.fieldnames}
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise CsvFormatError(f"missing column(s) {', '.join(missing)} in header {reader.fieldnames}")

    contacts = []
    for row_number, row in enumerate(reader, start=2):
        name = (row[columns["name"]] or "").strip()
        email = (row[columns["email"]] or "").strip()
        if not name:
            raise CsvFormatError(f"row {row_number}: name is empty")
        if "@" not in email:
            raise CsvFormatError(f"row {row_number}: {email!r} is not an email address")
        tags = _split_tags(row.get(columns.get("tags", ""), ""))
        contacts.append(Contact(name=name, email=email, tags=tags))
    return contacts


def _split_tags(cell):
    return tuple(tag.strip() for tag in (cell or "").split(";") if tag.strip())
