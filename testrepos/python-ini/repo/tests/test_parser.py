import os
import tempfile
import unittest

import iniconf


class LoadsTest(unittest.TestCase):

    def test_sections_and_pairs(self):
        config = iniconf.loads("[server]\nhost = example.org\nport: 8080\n")
        self.assertEqual({"server": {"host": "example.org", "port": "8080"}}, config)

    def test_keys_before_first_section_go_to_default(self):
        config = iniconf.loads("name = demo\n[db]\nurl = sqlite://\n")
        self.assertEqual({"name": "demo"}, config[iniconf.DEFAULT_SECTION])
        self.assertEqual({"url": "sqlite://"}, config["db"])

    def test_keys_and_sections_are_case_insensitive(self):
        config = iniconf.loads("[Server]\nHost = a\n[SERVER]\nport = 1\n")
        self.assertEqual({"server": {"host": "a", "port": "1"}}, config)

    def test_full_line_comments_and_blank_lines_are_skipped(self):
        config = iniconf.loads("; top\n\n# another\n[a]\n  ; indented\nx = 1\n")
        self.assertEqual({"a": {"x": "1"}}, config)

    def test_quotes_keep_inner_spaces(self):
        config = iniconf.loads('[a]\nmotd = "  hello  "\n')
        self.assertEqual("  hello  ", config["a"]["motd"])

    def test_inline_comment_after_value_is_dropped(self):
        config = iniconf.loads("[a]\ntimeout = 30 ; seconds\nretries = 3   # per request\n")
        self.assertEqual({"timeout": "30", "retries": "3"}, config["a"])

    def test_inline_comment_after_quoted_value_is_dropped(self):
        config = iniconf.loads('[a]\nmotd = " hi " ; greeting\n')
        self.assertEqual(" hi ", config["a"]["motd"])

    def test_comment_characters_inside_quotes_are_kept(self):
        config = iniconf.loads('[a]\npath = "C:\\tmp ; old" \nsep = "a # b"\n')
        self.assertEqual({"path": "C:\\tmp ; old", "sep": "a # b"}, config["a"])

    def test_hash_without_space_before_it_is_part_of_the_value(self):
        config = iniconf.loads("[a]\nurl = http://example.org/#top\ncolor = #ff0000\n")
        self.assertEqual("http://example.org/#top", config["a"]["url"])
        self.assertEqual("#ff0000", config["a"]["color"])


class ErrorsTest(unittest.TestCase):

    def test_line_without_separator_names_the_line(self):
        with self.assertRaises(iniconf.ParseError) as caught:
            iniconf.loads("[a]\nx = 1\njust words\n")
        self.assertEqual(3, caught.exception.lineno)
        self.assertIn("'just words'", str(caught.exception))

    def test_duplicate_key_is_an_error(self):
        with self.assertRaises(iniconf.ParseError) as caught:
            iniconf.loads("[a]\nx = 1\nX = 2\n")
        self.assertIn("duplicate key 'x'", str(caught.exception))

    def test_unterminated_quote_is_an_error(self):
        with self.assertRaises(iniconf.ParseError) as caught:
            iniconf.loads('[a]\nx = "open\n')
        self.assertEqual(2, caught.exception.lineno)


class LoadTest(unittest.TestCase):

    def test_reads_a_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "app.ini")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("[app]\nname = ratchet\n")
            self.assertEqual({"app": {"name": "ratchet"}}, iniconf.load(path))


if __name__ == "__main__":
    unittest.main()
