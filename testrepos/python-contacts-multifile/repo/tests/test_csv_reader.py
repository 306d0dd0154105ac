import io
import unittest

from contacts import Contact, CsvFormatError, read_contacts


def read(text):
    return read_contacts(io.StringIO(text, newline=""))


class ReadContactsTest(unittest.TestCase):

    def test_reads_required_columns(self):
        contacts = read("name,email\nAda Lovelace,ada@example.org\n")
        self.assertEqual([Contact("Ada Lovelace", "ada@example.org")], contacts)

    def test_columns_are_case_insensitive_and_in_any_order(self):
        contacts = read("Email,NAME\nalan@example.org,Alan Turing\n")
        self.assertEqual("Alan Turing", contacts[0].name)

    def test_splits_tags_on_semicolons(self):
        contacts = read('name,email,tags\nGrace Hopper,grace@example.org,"navy; cobol ;"\n')
        self.assertEqual(("navy", "cobol"), contacts[0].tags)

    def test_reads_optional_phone(self):
        contacts = read("name,email,phone\nAda Lovelace,ada@example.org, +44 20 7946 0018 \n")
        self.assertEqual("+44 20 7946 0018", contacts[0].phone)

    def test_phone_is_none_when_column_missing_or_empty(self):
        contacts = read("name,email,phone\nA B,a@example.org,\n")
        self.assertIsNone(contacts[0].phone)
        self.assertIsNone(read("name,email\nA B,a@example.org\n")[0].phone)

    def test_missing_column_is_named(self):
        with self.assertRaisesRegex(CsvFormatError, "missing column\\(s\\) email"):
            read("name,tags\nAda,x\n")

    def test_bad_email_names_the_row(self):
        with self.assertRaisesRegex(CsvFormatError, "row 3: 'nobody' is not an email address"):
            read("name,email\nA B,a@example.org\nC D,nobody\n")

    def test_empty_file(self):
        with self.assertRaises(CsvFormatError):
            read("")


if __name__ == "__main__":
    unittest.main()
