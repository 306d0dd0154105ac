package dev.ratchet.edit.apply;

/** One line of a text file: its text and the terminator it had ("\n", "\r\n", or "" when it had none). */
record Line(String text, String eol) {
}
