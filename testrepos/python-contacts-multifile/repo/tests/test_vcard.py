import unittest

from contacts import Contact, to_vcard, to_vcards


class VcardTest(unittest.TestCase):

    def test_writes_a_minimal_card_with_crlf(self):
        card = to_vcard(Contact("Ada Lovelace", "ada@example.org"))
        self.assertEqual(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
            "EMAIL;TYPE=INTERNET:ada@example.org\r\nEND:VCARD\r\n",
            card)

    def test_writes_tags_as_categories(self):
        card = to_vcard(Contact("Grace Hopper", "grace@example.org", ("navy", "cobol")))
        self.assertIn("\r\nCATEGORIES:navy,cobol\r\n", card)

    def test_escapes_special_characters(self):
        card = to_vcard(Contact("Smith, Jr.", "j@example.org"))
        self.assertIn("FN:Smith\\, Jr.\r\n", card)

    def test_writes_phone_after_email(self):
        card = to_vcard(Contact("Ada Lovelace", "ada@example.org", phone="+44 20 7946 0018"))
        self.assertIn("EMAIL;TYPE=INTERNET:ada@example.org\r\nTEL;TYPE=CELL:+44 20 7946 0018\r\n", card)

    def test_omits_phone_line_without_phone(self):
        self.assertNotIn("TEL", to_vcard(Contact("A B", "a@example.org")))

    def test_concatenates_cards(self):
        cards = to_vcards([Contact("A B", "a@example.org"), Contact("C D", "c@example.org")])
        self.assertEqual(2, cards.count("BEGIN:VCARD"))


if __name__ == "__main__":
    unittest.main()
