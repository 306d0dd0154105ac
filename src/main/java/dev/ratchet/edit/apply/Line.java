package dev.ratchet.edit.apply;

/** One line of a text file: its text and the terminator it had ("\n", "\r\n", or "" when it had none). */
record Line(String text, String eol) {

    /** A line the edit adds; a stray carriage return a parser left on it would double the file's CRLF. */
    static Line added(String text, String eol) {
        return new Line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, eol);
    }
}
