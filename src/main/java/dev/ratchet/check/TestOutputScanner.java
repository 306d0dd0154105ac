package dev.ratchet.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads failing tests out of test-runner output when there are no XML reports: Python unittest and
 * pytest, node's test runner (TAP and spec reporters), jest, go test, cargo test and Maven's console.
 * Also picks the lines that matter from any output, for runners it does not know.
 */
final class TestOutputScanner {
    private static final int MAX_MESSAGE_LINES = 6;
    private static final int MAX_MESSAGE_CHARS = 600;
    private static final int CONTEXT_BEFORE = 2;
    private static final int CONTEXT_AFTER = 4;
    private static final int MAX_TRACEBACK_LINES = 40;

    private static final Pattern UNITTEST_HEADER = Pattern.compile("^(?:FAIL|ERROR): (\\S+) \\(([^)]*)\\)\\s*$");
    private static final Pattern UNITTEST_RULE = Pattern.compile("^(?:={20,}|-{20,})$");
    private static final Pattern PYTEST_SUMMARY = Pattern.compile("^(?:FAILED|ERROR) (\\S+)(?: - (.*))?$");
    private static final Pattern PYTEST_SECTION = Pattern.compile("^_{3,} (.+?) _{3,}$");
    private static final Pattern TAP_SUBTEST = Pattern.compile("^(\\s*)# Subtest: (.*)$");
    private static final Pattern TAP_NOT_OK = Pattern.compile("^(\\s*)not ok \\d+ - (.*?)(\\s+# (?:SKIP|TODO).*)?$");
    private static final Pattern SPEC_SUITE = Pattern.compile("^(\\s*)▶ (.+)$");
    private static final Pattern SPEC_FAILED = Pattern.compile("^(\\s*)✖ (.+?) \\([\\d.]+m?s\\)\\s*$");
    private static final Pattern JEST_FAILURE = Pattern.compile("^\\s*● (.+)$");
    private static final Pattern GO_FAILURE = Pattern.compile("^(\\s*)--- FAIL: (\\S+) \\(");
    private static final Pattern CARGO_FAILED = Pattern.compile("^test (\\S+) \\.\\.\\. FAILED$");
    private static final Pattern CARGO_SECTION = Pattern.compile("^---- (\\S+) stdout ----$");
    private static final Pattern MAVEN_FAILURE =
            Pattern.compile("^\\[ERROR\\] ([\\w.$]+)\\.([^.\\s]+) -- Time elapsed: .*<<< (?:FAILURE|ERROR)!$");
    private static final Pattern RELEVANT = Pattern.compile(
            "(?i)(\\bfail(?:ed|ure|ures|ing)?\\b|error\\b|exception\\b|assert|traceback|panicked|^\\s*not ok\\b"
                    + "|✖|✕|●|\\bexpected\\b|\\bactual\\b|\\breceived\\b|cannot find symbol|^E\\s)");
    private static final Pattern IGNORABLE = Pattern.compile("(?i)(\\bfail(?:ures)?:? 0\\b|errors: 0,|# fail 0|ℹ fail 0)");
    private static final Pattern BOILERPLATE = Pattern.compile("^\\[ERROR\\] ?$|^\\[ERROR\\] (?:-> \\[Help 1\\]"
            + "|To see the full stack trace|Re-run Maven using|For more information about the errors|\\[Help 1\\] http"
            + "|See dump files)");
    private static final Pattern GAP = Pattern.compile("^\\[\\.\\.\\. (\\d+) lines? \\.\\.\\.\\]$");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private final RepoStackFrames frames;

    TestOutputScanner(RepoStackFrames frames) {
        this.frames = frames;
    }

    /** Output as a terminal would show it: colour codes removed, carriage-return overwrites applied. */
    static List<String> cleanLines(String output) {
        List<String> lines = new ArrayList<>();
        for (String raw : ANSI.matcher(output).replaceAll("").split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            int overwrite = line.lastIndexOf('\r');
            lines.add(overwrite < 0 ? line : line.substring(overwrite + 1));
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The failing tests the output names, each once, in the order they first appear. */
    List<TestFailure> failures(List<String> lines) {
        Map<String, TestFailure> found = new LinkedHashMap<>();
        unittest(lines, found);
        pytest(lines, found);
        nodeTap(lines, found);
        nodeSpec(lines, found);
        jest(lines, found);
        goTest(lines, found);
        cargo(lines, found);
        maven(lines, found);
        return List.copyOf(found.values());
    }

    /**
     * The lines worth showing: every line that looks like a failure with a few lines around it, whole
     * Python tracebacks, and the last {@code tailLines} lines; gaps are marked "[... N lines ...]".
     */
    List<String> relevantLines(List<String> lines, int tailLines) {
        return keepRelevant(lines, tailLines);
    }

    /** The last {@code count} lines that are not build-tool boilerplate. */
    static List<String> tail(List<String> lines, int count) {
        List<String> meaningful = lines.stream().filter(line -> !BOILERPLATE.matcher(line).find()).toList();
        return meaningful.subList(Math.max(0, meaningful.size() - count), meaningful.size());
    }

    private static List<String> keepRelevant(List<String> lines, int tailLines) {
        boolean[] keep = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (BOILERPLATE.matcher(line).find()) {
                continue;
            }
            if (line.startsWith("Traceback (most recent call last)")) {
                for (int j = Math.max(0, i - CONTEXT_BEFORE); j < lines.size() && j < i + MAX_TRACEBACK_LINES && !(j > i && lines.get(j).isBlank()); j++) {
                    keep[j] = true;
                }
            } else if (RELEVANT.matcher(line).find() && !IGNORABLE.matcher(line).find()) {
                for (int j = Math.max(0, i - CONTEXT_BEFORE); j <= Math.min(lines.size() - 1, i + CONTEXT_AFTER); j++) {
                    keep[j] = true;
                }
            }
        }
        for (int i = Math.max(0, lines.size() - tailLines); i < lines.size(); i++) {
            keep[i] = true;
        }
        List<String> kept = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (BOILERPLATE.matcher(lines.get(i)).find()) {
                // advice printed on every failed build says nothing about this one
                continue;
            }
            if (keep[i]) {
                if (skipped > 0) {
                    kept.add(gap(skipped));
                    skipped = 0;
                }
                kept.add(lines.get(i));
            } else {
                skipped++;
            }
        }
        return kept;
    }

    static String gap(int lines) {
        return "[... " + lines + (lines == 1 ? " line" : " lines") + " ...]";
    }

    /** The number of lines a {@link #gap} marker stands for, or 0 when the line is not one. */
    static int gapSize(String line) {
        Matcher gap = GAP.matcher(line);
        return gap.matches() ? Integer.parseInt(gap.group(1)) : 0;
    }

    private void unittest(List<String> lines, Map<String, TestFailure> found) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = UNITTEST_HEADER.matcher(lines.get(i));
            if (!header.matches()) {
                continue;
            }
            String method = header.group(1);
            String where = header.group(2);
            // Python 3.11+ prints "(module.Class.method)", older versions "(module.Class)"
            String owner = where.endsWith("." + method) ? where.substring(0, where.length() - method.length() - 1) : where;
            int start = i + 1 < lines.size() && UNITTEST_RULE.matcher(lines.get(i + 1)).matches() ? i + 2 : i + 1;
            int end = indexOf(lines, start, line -> UNITTEST_RULE.matcher(line).matches());
            List<String> section = lines.subList(start, end);
            add(found, owner + "#" + method, pythonException(section), section);
        }
    }

    /**
     * The exception at the end of a Python traceback with the lines that follow it (an assertion
     * diff): the first unindented line after the last "Traceback" header's frames.
     */
    private static String pythonException(List<String> section) {
        int start = 0;
        for (int i = 0; i < section.size(); i++) {
            if (section.get(i).startsWith("Traceback (most recent call last)")) {
                start = i + 1;
            }
        }
        for (int i = start; i < section.size(); i++) {
            String line = section.get(i);
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                return String.join("\n", section.subList(i, section.size())).strip();
            }
        }
        return section.stream().filter(line -> !line.isBlank()).reduce((a, b) -> b).orElse("").strip();
    }

    private void pytest(List<String> lines, Map<String, TestFailure> found) {
        for (String line : lines) {
            Matcher summary = PYTEST_SUMMARY.matcher(line);
            if (!summary.matches() || !summary.group(1).contains("::") && !summary.group(1).endsWith(".py")) {
                continue;
            }
            String nodeId = summary.group(1);
            List<String> section = pytestSection(lines, nodeId);
            String message = summary.group(2);
            if (message == null) {
                message = section.stream().filter(l -> l.startsWith("E ")).findFirst().map(l -> l.substring(1).strip()).orElse("");
            }
            add(found, nodeId, message, section);
        }
    }

    private static List<String> pytestSection(List<String> lines, String nodeId) {
        int separator = nodeId.indexOf("::");
        String title = separator < 0 ? nodeId : nodeId.substring(separator + 2).replace("::", ".");
        for (int i = 0; i < lines.size(); i++) {
            Matcher section = PYTEST_SECTION.matcher(lines.get(i));
            if (section.matches() && section.group(1).equals(title)) {
                int end = indexOf(lines, i + 1, line -> PYTEST_SECTION.matcher(line).matches() || line.startsWith("====="));
                return lines.subList(i + 1, end);
            }
        }
        return List.of();
    }

    private void nodeTap(List<String> lines, Map<String, TestFailure> found) {
        Deque<Parent> parents = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher subtest = TAP_SUBTEST.matcher(lines.get(i));
            if (subtest.matches()) {
                int indent = subtest.group(1).length();
                popTo(parents, indent);
                parents.push(new Parent(indent, subtest.group(2)));
                continue;
            }
            Matcher notOk = TAP_NOT_OK.matcher(lines.get(i));
            if (!notOk.matches() || notOk.group(3) != null) {
                continue;
            }
            int indent = notOk.group(1).length();
            int blockEnd = i + 1;
            if (blockEnd < lines.size() && lines.get(blockEnd).strip().equals("---")) {
                blockEnd = indexOf(lines, blockEnd + 1, line -> line.strip().equals("...")
                        && line.length() - line.stripLeading().length() <= indent + 2);
            }
            List<String> block = lines.subList(Math.min(i + 1, blockEnd), blockEnd);
            if (block.stream().anyMatch(line -> line.strip().equals("failureType: 'subtestsFailed'"))) {
                continue;
            }
            add(found, path(parents, indent, notOk.group(2)), tapError(block), block);
        }
    }

    private static String tapError(List<String> block) {
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i).strip();
            if (line.startsWith("error: |") || line.equals("error: >-")) {
                int indent = block.get(i).length() - block.get(i).stripLeading().length();
                List<String> text = new ArrayList<>();
                for (int j = i + 1; j < block.size(); j++) {
                    String next = block.get(j);
                    if (!next.isBlank() && next.length() - next.stripLeading().length() <= indent) {
                        break;
                    }
                    text.add(next);
                }
                return text.stream().map(String::strip).filter(s -> !s.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
            }
            if (line.startsWith("error: ")) {
                return unquote(line.substring("error: ".length()));
            }
        }
        return "";
    }

    private static String unquote(String yamlScalar) {
        String s = yamlScalar.strip();
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        return s;
    }

    private void nodeSpec(List<String> lines, Map<String, TestFailure> found) {
        Deque<Parent> parents = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("✖ failing tests:")) {
                // the spec reporter repeats every failure at the end, without the suites around it
                return;
            }
            Matcher suite = SPEC_SUITE.matcher(line);
            if (suite.matches()) {
                int indent = suite.group(1).length();
                popTo(parents, indent);
                parents.push(new Parent(indent, suite.group(2).strip()));
                continue;
            }
            Matcher failed = SPEC_FAILED.matcher(line);
            if (!failed.matches()) {
                continue;
            }
            int indent = failed.group(1).length();
            List<String> body = indentedBlock(lines, i + 1, indent);
            if (body.isEmpty()) {
                // a suite's own ✖ line closes it; its failing tests were reported inside it
                continue;
            }
            String message = body.stream().map(String::strip)
                    .takeWhile(l -> !l.startsWith("at ") && !l.endsWith("{"))
                    .filter(l -> !l.isEmpty())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            add(found, path(parents, indent, failed.group(2)), message, body);
        }
    }

    private void jest(List<String> lines, Map<String, TestFailure> found) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher failure = JEST_FAILURE.matcher(lines.get(i));
            if (!failure.matches() || failure.group(1).startsWith("Console")) {
                continue;
            }
            int end = indexOf(lines, i + 1, line -> JEST_FAILURE.matcher(line).matches()
                    || line.startsWith("Test Suites:") || line.startsWith("FAIL ") || line.startsWith("PASS "));
            List<String> block = lines.subList(i + 1, end);
            String message = block.stream().map(String::strip).filter(l -> !l.isEmpty())
                    .takeWhile(l -> !l.matches("^>?\\s*\\d+ \\|.*") && !l.startsWith("at "))
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            add(found, failure.group(1).strip(), message, block);
        }
    }

    private void goTest(List<String> lines, Map<String, TestFailure> found) {
        Map<String, TestFailure> goFailures = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher failure = GO_FAILURE.matcher(lines.get(i));
            if (!failure.find()) {
                continue;
            }
            List<String> body = indentedBlock(lines, i + 1, failure.group(1).length()).stream()
                    .takeWhile(l -> !l.strip().startsWith("--- "))
                    .toList();
            String message = body.stream().map(String::strip).filter(l -> !l.isEmpty())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            add(goFailures, failure.group(2), message, body);
        }
        // a parent test fails because its subtests did: name only the subtests
        goFailures.values().stream()
                .filter(f -> goFailures.keySet().stream().noneMatch(other -> other.startsWith(f.testId() + "/")))
                .forEach(f -> found.putIfAbsent(f.testId(), f));
    }

    private void cargo(List<String> lines, Map<String, TestFailure> found) {
        for (String line : lines) {
            Matcher failed = CARGO_FAILED.matcher(line);
            if (!failed.matches()) {
                continue;
            }
            String name = failed.group(1);
            List<String> section = List.of();
            for (int i = 0; i < lines.size(); i++) {
                Matcher header = CARGO_SECTION.matcher(lines.get(i));
                if (header.matches() && header.group(1).equals(name)) {
                    int end = indexOf(lines, i + 1, l -> CARGO_SECTION.matcher(l).matches() || l.equals("failures:"));
                    section = lines.subList(i + 1, end);
                    break;
                }
            }
            List<String> panic = section.stream()
                    .dropWhile(l -> !l.contains("panicked at"))
                    .skip(1)
                    .takeWhile(l -> !l.isBlank() && !l.startsWith("stack backtrace:") && !l.startsWith("note:"))
                    .toList();
            String message = panic.stream().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
            add(found, name, message, section);
        }
    }

    private void maven(List<String> lines, Map<String, TestFailure> found) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher failure = MAVEN_FAILURE.matcher(lines.get(i));
            if (!failure.matches()) {
                continue;
            }
            int end = indexOf(lines, i + 1, l -> l.startsWith("[") || l.isBlank());
            List<String> trace = lines.subList(i + 1, end);
            String message = trace.isEmpty() ? "" : trace.get(0).strip();
            add(found, failure.group(1) + "#" + failure.group(2), message, trace);
        }
    }

    private void add(Map<String, TestFailure> found, String id, String message, List<String> evidence) {
        found.putIfAbsent(id, new TestFailure(id, shorten(message), frames.locate(String.join("\n", evidence))));
    }

    private static String shorten(String message) {
        List<String> lines = message.strip().lines().limit(MAX_MESSAGE_LINES).toList();
        String text = String.join("\n", lines);
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + " [...]";
    }

    /** The lines after {@code start} indented deeper than {@code indent}; blank lines inside the block are kept. */
    private static List<String> indentedBlock(List<String> lines, int start, int indent) {
        int end = start;
        while (end < lines.size()) {
            String line = lines.get(end);
            if (!line.isBlank() && line.length() - line.stripLeading().length() <= indent) {
                break;
            }
            end++;
        }
        while (end > start && lines.get(end - 1).isBlank()) {
            end--;
        }
        return lines.subList(start, end);
    }

    private static int indexOf(List<String> lines, int from, Predicate<String> test) {
        for (int i = from; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        return lines.size();
    }

    private static void popTo(Deque<Parent> parents, int indent) {
        while (!parents.isEmpty() && parents.peek().indent() >= indent) {
            parents.pop();
        }
    }

    private static String path(Deque<Parent> parents, int indent, String name) {
        popTo(parents, indent + 1);
        List<String> names = new ArrayList<>();
        parents.descendingIterator().forEachRemaining(parent -> {
            if (parent.indent() < indent) {
                names.add(parent.name());
            }
        });
        // TAP announces the test itself with "# Subtest:" at the same indent; it is not its own parent
        names.add(name.strip());
        return String.join(" > ", names);
    }

    private record Parent(int indent, String name) {
    }
}
