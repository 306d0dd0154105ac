"""Command line: python3 -m contacts FILE.csv prints the vCards on standard output."""

import sys

from contacts.csv_reader import CsvFormatError, read_contacts
from contacts.vcard import to_vcards


def main(argv):
    if len(argv) != 2:
        print("usage: python3 -m contacts FILE.csv", file=sys.stderr)
        return 2
    try:
        with open(argv[1], newline="", encoding="utf-8") as handle:
            contacts = read_contacts(handle)
    except (OSError, CsvFormatError) as error:
        print(f"contacts: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(to_vcards(contacts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
