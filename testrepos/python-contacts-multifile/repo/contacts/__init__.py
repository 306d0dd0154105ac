"""Convert CSV contact lists to vCard."""

from contacts.csv_reader import CsvFormatError, read_contacts
from contacts.model import Contact
from contacts.vcard import to_vcard, to_vcards

__all__ = ["Contact", "CsvFormatError", "read_contacts", "to_vcard", "to_vcards"]
