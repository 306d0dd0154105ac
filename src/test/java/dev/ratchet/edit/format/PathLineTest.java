package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "src/app.py|src/app.py",
            "  src/app.py  |src/app.py",
            "**src/app.py**|src/app.py",
            "# src/app.py|src/app.py",
            "#### `src/app.py`|src/app.py",
            "File: src/app.py|src/app.py",
            "filename: src/app.py|src/app.py",
            "Path: src/app.py|src/app.py",
            "**File:** `src/app.py`|src/app.py",
            "`src/app.py`|src/app.py",
            "`src/app.py`:|src/app.py",
            "src/app.py:|src/app.py",
            "\"src/app.py\"|src/app.py",
            "'src/app.py'|src/app.py",
            "*src/app.py*|src/app.py",
            "- `src/app.py`|src/app.py",
            "1. src/app.py|src/app.py",
            "src\\main\\App.java|src/main/App.java",
            "app.py|app.py",
            "Makefile|Makefile",
            "docs/Makefile|docs/Makefile",
            "src/__init__.py|src/__init__.py",
            "/etc/passwd|/etc/passwd",
            "../outside.txt|../outside.txt",
            ".github/workflows/ci.yml|.github/workflows/ci.yml",
            "bin/run|bin/run",
            "web/node.js|web/node.js"})
    void readsDecoratedPathLines(String line, String path) {
        assertThat(PathLine.fromLine(line)).contains(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Here is the fix:", "The file `src/app.py` is fine.", "print(x)", "x = 1",
            "foo()", "<<<<<<< SEARCH", "=======", "@@ -1 +1 @@", "--- a/x.py", "*** Update File: x.py", "```python",
            "// src/app.py", "e.g.", "version 1.2", "1.2", "https://example.com/a.py", "README", "def f():", "{a.b}", "### Node.js", "Socket.IO"})
    void rejectsProseCodeAndMarkers(String line) {
        assertThat(PathLine.fromLine(line)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "src/app.py|src/app.py",
            "python:src/app.py|src/app.py",
            "python title=src/app.py|src/app.py",
            "python src/app.py|src/app.py"})
    void readsPathsInFenceInfoStrings(String info, String path) {
        assertThat(PathLine.fromFenceInfo(info)).contains(path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Update `src/app.py` as follows:|src/app.py",
            "In `lib/calc.rb`, fix the sign:|lib/calc.rb",
            "Edit `app.py`, then run `pytest`:|app.py",
            "Change `src/config` now|src/config"})
    void readsTheOnePathOfAProseLine(String line, String path) {
        assertThat(PathLine.fromProse(line)).contains(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Update `config.load`:", "Move `a.py` to `b.py`:", "Here is the fix:", "Use `self.save()` here:",
            "See `Node.js` docs:"})
    void proseWithoutExactlyOneFileNamesNone(String line) {
        assertThat(PathLine.fromProse(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "python", "diff", "c++", "objective-c", "json5"})
    void languagesAreNotPaths(String info) {
        assertThat(PathLine.fromFenceInfo(info)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {" src/app.py |src/app.py", "`a b.txt`|a b.txt", "\"x\\y.cs\"|x/y.cs"})
    void cleansPathsFromGrammarLines(String raw, String path) {
        assertThat(PathLine.clean(raw)).isEqualTo(path);
    }
}
