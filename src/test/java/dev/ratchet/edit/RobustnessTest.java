package dev.ratchet.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.ratchet.edit.apply.Application;
import dev.ratchet.edit.apply.Applier;
import dev.ratchet.edit.format.EditFormats;
import dev.ratchet.edit.format.ParsedReply;
import dev.ratchet.workspace.FileWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The robustness suite: real changes from {@code src/test/resources/robustness}, each expressed in
 * all four formats, then damaged the way models damage edits. Every variant must end exactly right
 * (the files equal the "after" tree byte for byte) or refused (nothing would be written). Wrong is
 * never acceptable. The tally is printed at the end.
 */
class RobustnessTest {

    enum Outcome { RIGHT, REFUSED, WRONG }

    enum Damage {
        NONE, WRONG_LINE_NUMBERS, TRAILING_WHITESPACE, INDENT_DRIFT, LOST_CONTEXT_PREFIX, BLANK_LINE_MISSING,
        BLANK_LINE_DOUBLED, AB_PREFIX, HUNKS_OUT_OF_ORDER, ELIDED_CODE, CRLF_REPLY, TRUNCATED, INVENTED_CONTEXT,
        MINIMAL_CONTEXT, TYPOGRAPHIC_QUOTES
    }

    enum Format { UDIFF, SEARCH_REPLACE, APPLY_PATCH, WHOLE }

    private static final Map<Outcome, Integer> TALLY = new EnumMap<>(Outcome.class);
    private static final Map<String, int[]> BY_FORMAT = new TreeMap<>();
    private static final List<String> WRONG = new ArrayList<>();

    /** One file of a case: its bytes before and after (null = absent). */
    record CaseFile(String path, byte[] before, byte[] after) {
        List<String> beforeLines() {
            return lines(before);
        }

        List<String> afterLines() {
            return lines(after);
        }
    }

    /** A hunk as java-diff-utils writes it: old start and prefixed lines (' ', '-', '+'). */
    record GenHunk(int oldStart, int newStart, List<String> lines) {
        GenHunk with(List<String> newLines) {
            return new GenHunk(oldStart, newStart, newLines);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVariantIsRightOrRefused() throws IOException, URISyntaxException {
        Path corpus = Path.of(RobustnessTest.class.getResource("/robustness").toURI());
        List<Path> cases;
        try (Stream<Path> listing = Files.list(corpus)) {
            cases = listing.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("robustness corpus cases").hasSizeGreaterThanOrEqualTo(1);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : cases) {
            List<CaseFile> files = loadCase(dir);
            for (Format format : Format.values()) {
                for (Damage damage : Damage.values()) {
                    Optional<String> reply = render(files, format, damage);
                    if (reply.isEmpty()) {
                        continue;
                    }
                    String name = dir.getFileName() + " / " + format + " / " + damage;
                    tests.add(DynamicTest.dynamicTest(name, () -> check(name, format, files, reply.get())));
                }
            }
        }
        return tests.stream();
    }

    @AfterAll
    static void printTally() {
        int total = TALLY.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("robustness: %d variants: %d right, %d refused, %d wrong%n", total,
                TALLY.getOrDefault(Outcome.RIGHT, 0), TALLY.getOrDefault(Outcome.REFUSED, 0),
                TALLY.getOrDefault(Outcome.WRONG, 0));
        BY_FORMAT.forEach((key, counts) -> System.out.printf("  %-34s right %4d  refused %4d  wrong %d%n",
                key, counts[0], counts[1], counts[2]));
        WRONG.forEach(w -> System.out.println("  WRONG: " + w));
    }

    private static void check(String name, Format format, List<CaseFile> files, String reply0) {
        String reply = reply0;
        Map<String, byte[]> tree = new LinkedHashMap<>();
        files.stream().filter(f -> f.before() != null).forEach(f -> tree.put(f.path(), f.before()));
        ParsedReply parsed = EditFormats.named("auto").parse(reply);
        Outcome outcome;
        if (parsed.plan().isEmpty() || !parsed.problems().isEmpty()) {
            outcome = Outcome.REFUSED;
        } else {
            Application application = new Applier().apply(parsed.plan(),
                    path -> Optional.ofNullable(tree.get(path)));
            if (!application.clean()) {
                outcome = Outcome.REFUSED;
            } else {
                Map<String, byte[]> result = new LinkedHashMap<>(tree);
                for (FileWrite write : application.writes()) {
                    if (write instanceof FileWrite.Put put) {
                        result.put(put.path(), put.content());
                    } else {
                        result.remove(write.path());
                    }
                }
                outcome = matchesAfter(result, files) ? Outcome.RIGHT : Outcome.WRONG;
                if (outcome == Outcome.WRONG) {
                    reply = reply + "\n--- how the result differs from the expected files:\n" + difference(result, files);
                }
            }
        }
        synchronized (TALLY) {
            TALLY.merge(outcome, 1, Integer::sum);
            String damage = name.substring(name.lastIndexOf(" / ") + 3);
            int[] counts = BY_FORMAT.computeIfAbsent(format + " " + damage, k -> new int[3]);
            counts[outcome.ordinal()]++;
            if (outcome == Outcome.WRONG) {
                WRONG.add(name);
            }
        }
        assertThat(outcome).as(name + " was applied but the result differs from the expected files; reply:\n" + reply)
                .isNotEqualTo(Outcome.WRONG);
    }

    private static String difference(Map<String, byte[]> result, List<CaseFile> files) {
        StringBuilder out = new StringBuilder();
        TreeSet<String> paths = new TreeSet<>(result.keySet());
        files.stream().filter(f -> f.after() != null).forEach(f -> paths.add(f.path()));
        for (String path : paths) {
            byte[] expected = files.stream().filter(f -> f.path().equals(path)).map(CaseFile::after).findFirst().orElse(null);
            byte[] actual = result.get(path);
            if (Arrays.equals(expected, actual)) {
                continue;
            }
            List<String> want = expected == null ? List.of() : List.of(new String(expected, StandardCharsets.UTF_8).split("\n", -1));
            List<String> got = actual == null ? List.of() : List.of(new String(actual, StandardCharsets.UTF_8).split("\n", -1));
            UnifiedDiffUtils.generateUnifiedDiff("expected/" + path, "result/" + path, want, DiffUtils.diff(want, got), 1)
                    .forEach(line -> out.append(line.replace("\r", "\\r")).append('\n'));
        }
        return out.toString();
    }

    private static boolean matchesAfter(Map<String, byte[]> result, List<CaseFile> files) {
        Map<String, byte[]> expected = new LinkedHashMap<>();
        files.stream().filter(f -> f.after() != null).forEach(f -> expected.put(f.path(), f.after()));
        if (!new TreeSet<>(result.keySet()).equals(new TreeSet<>(expected.keySet()))) {
            return false;
        }
        return expected.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), result.get(e.getKey())));
    }

    // ---------------------------------------------------------------- loading

    private static List<CaseFile> loadCase(Path dir) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        for (String side : List.of("before", "after")) {
            Path root = dir.resolve(side);
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(p -> paths.add(root.relativize(p).toString().replace('\\', '/')));
                }
            }
        }
        List<CaseFile> files = new ArrayList<>();
        for (String path : paths) {
            files.add(new CaseFile(path, readIfExists(dir.resolve("before").resolve(path)),
                    readIfExists(dir.resolve("after").resolve(path))));
        }
        return files;
    }

    private static byte[] readIfExists(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines without terminators, as a model sees them (no \r, no BOM). */
    static List<String> lines(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n");
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    // ---------------------------------------------------------------- rendering

    private static Optional<String> render(List<CaseFile> files, Format format, Damage damage) {
        if (!applicable(format, damage)) {
            return Optional.empty();
        }
        StringBuilder reply = new StringBuilder("Here is the change you asked for.\n\n");
        boolean damaged = damage == Damage.NONE;
        for (CaseFile file : files) {
            if (Arrays.equals(file.before(), file.after())) {
                continue;
            }
            String path = damage == Damage.AB_PREFIX ? (file.before() == null ? "b/" : "a/") + file.path() : file.path();
            List<GenHunk> hunks = hunks(file);
            List<GenHunk> changed = damageHunks(hunks, format, damage);
            damaged |= !changed.equals(hunks) || damage == Damage.AB_PREFIX || damage == Damage.CRLF_REPLY
                    || damage == Damage.TRUNCATED;
            Optional<String> text = switch (format) {
                case UDIFF -> Optional.of(udiff(file, changed, damage));
                case SEARCH_REPLACE -> searchReplace(file, path, changed);
                case APPLY_PATCH -> Optional.of(applyPatch(file, path, changed));
                case WHOLE -> whole(file, path);
            };
            if (text.isEmpty()) {
                return Optional.empty();
            }
            reply.append(text.get());
        }
        if (!damaged) {
            return Optional.empty(); // this damage does not apply to this case; the NONE variant covers it
        }
        reply.append("\nLet me know if you want anything else changed.\n");
        String out = reply.toString();
        if (damage == Damage.CRLF_REPLY) {
            out = out.replace("\n", "\r\n");
        }
        if (damage == Damage.TRUNCATED) {
            // an output limit cuts mid-line, two thirds of the way through
            String[] lines = out.split("\n", -1);
            int keep = Math.max(3, lines.length * 2 / 3);
            String cutLine = lines[keep].substring(0, lines[keep].length() / 2);
            out = String.join("\n", Arrays.copyOf(lines, keep)) + "\n" + cutLine;
        }
        return Optional.of(out);
    }

    private static boolean applicable(Format format, Damage damage) {
        return switch (damage) {
            case WRONG_LINE_NUMBERS, LOST_CONTEXT_PREFIX -> format == Format.UDIFF;
            case ELIDED_CODE -> format == Format.SEARCH_REPLACE;
            case NONE, AB_PREFIX, CRLF_REPLY, TRUNCATED -> true;
            default -> format != Format.WHOLE;
        };
    }

    private static List<GenHunk> hunks(CaseFile file) {
        List<String> before = file.beforeLines();
        List<String> after = file.afterLines();
        Patch<String> patch = DiffUtils.diff(before, after);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a", "b", before, patch, 3);
        List<GenHunk> hunks = new ArrayList<>();
        Pattern header = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");
        GenHunk current = null;
        for (String line : diff) {
            Matcher m = header.matcher(line);
            if (m.find()) {
                current = new GenHunk(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), new ArrayList<>());
                hunks.add(current);
            } else if (current != null && !line.startsWith("---") && !line.startsWith("+++")) {
                current.lines().add(line);
            }
        }
        return hunks;
    }

    private static List<GenHunk> damageHunks(List<GenHunk> hunks, Format format, Damage damage) {
        return switch (damage) {
            case WRONG_LINE_NUMBERS -> hunks.stream()
                    .map(h -> new GenHunk(Math.max(1, h.oldStart() + 9), Math.max(1, h.newStart() + 9), h.lines())).toList();
            case TRAILING_WHITESPACE -> mapLines(hunks, l -> l.startsWith(" ") && !l.isBlank() ? l + "  " : l);
            case INDENT_DRIFT -> hunks.stream().map(RobustnessTest::driftIndent).toList();
            case LOST_CONTEXT_PREFIX -> mapLines(hunks, l -> l.startsWith(" ") ? l.substring(1) : l);
            case BLANK_LINE_MISSING -> hunks.stream().map(h -> editFirstBlank(h, false)).toList();
            case BLANK_LINE_DOUBLED -> hunks.stream().map(h -> editFirstBlank(h, true)).toList();
            case HUNKS_OUT_OF_ORDER -> {
                List<GenHunk> reversed = new ArrayList<>(hunks);
                java.util.Collections.reverse(reversed);
                yield reversed;
            }
            case ELIDED_CODE -> hunks.stream().map(RobustnessTest::elide).toList();
            case INVENTED_CONTEXT -> hunks.isEmpty() || hunks.get(0).lines().stream().noneMatch(l -> l.startsWith(" ") && !l.isBlank())
                    ? hunks : inventContext(hunks);
            case MINIMAL_CONTEXT -> hunks.stream().map(RobustnessTest::minimalContext).toList();
            case TYPOGRAPHIC_QUOTES -> mapLines(hunks, l -> l.startsWith("+") ? l : curl(l));
            default -> hunks;
        };
    }

    private static List<GenHunk> mapLines(List<GenHunk> hunks, UnaryOperator<String> change) {
        return hunks.stream().map(h -> h.with(h.lines().stream().map(change).toList())).toList();
    }

    /** The whole hunk shifted left by its common indentation, as models do when they quote a nested block. */
    private static GenHunk driftIndent(GenHunk hunk) {
        int common = Integer.MAX_VALUE;
        for (String line : hunk.lines()) {
            String body = line.substring(Math.min(1, line.length()));
            if (!body.isBlank()) {
                int indent = 0;
                while (indent < body.length() && body.charAt(indent) == ' ') {
                    indent++;
                }
                common = Math.min(common, indent);
            }
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return hunk.with(hunk.lines().stream().map(l -> l.isEmpty() ? l : l.charAt(0) + "  " + l.substring(1)).toList());
        }
        int cut = common;
        return hunk.with(hunk.lines().stream()
                .map(l -> l.length() <= 1 ? l : l.charAt(0) + l.substring(1 + Math.min(cut, l.length() - 1))).toList());
    }

    private static GenHunk editFirstBlank(GenHunk hunk, boolean doubled) {
        List<String> lines = new ArrayList<>(hunk.lines());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(" ") || lines.get(i).isEmpty()) {
                if (doubled) {
                    lines.add(i, lines.get(i));
                } else {
                    lines.remove(i);
                }
                return hunk.with(lines);
            }
        }
        return hunk;
    }

    /** Replaces the inside of a run of five or more context lines with a "..." line. */
    private static GenHunk elide(GenHunk hunk) {
        List<String> lines = hunk.lines();
        for (int start = 0; start < lines.size(); start++) {
            int end = start;
            while (end < lines.size() && lines.get(end).startsWith(" ")) {
                end++;
            }
            if (end - start >= 5 && start > 0 && end < lines.size()) {
                List<String> out = new ArrayList<>(lines.subList(0, start + 1));
                out.add(" ...");
                out.addAll(lines.subList(end - 1, lines.size()));
                return hunk.with(out);
            }
            start = end;
        }
        return hunk;
    }

    private static List<GenHunk> inventContext(List<GenHunk> hunks) {
        List<GenHunk> out = new ArrayList<>(hunks);
        List<String> lines = new ArrayList<>(out.get(0).lines());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(" ") && !lines.get(i).isBlank()) {
                lines.set(i, lines.get(i) + " /* the model remembered this line differently */");
                break;
            }
        }
        out.set(0, out.get(0).with(lines));
        return out;
    }

    /** Keeps one context line on each side: small context that may occur elsewhere in the file too. */
    private static GenHunk minimalContext(GenHunk hunk) {
        List<String> lines = hunk.lines();
        int first = 0;
        while (first < lines.size() && lines.get(first).startsWith(" ")) {
            first++;
        }
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).startsWith(" ")) {
            last--;
        }
        if (first >= lines.size()) {
            return hunk;
        }
        int from = Math.max(0, first - 1);
        int to = Math.min(lines.size(), last + 2);
        return new GenHunk(hunk.oldStart() + from, hunk.newStart() + from, lines.subList(from, to));
    }

    private static String curl(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean open = true;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                out.append(open ? '\u201c' : '\u201d');
                open = !open;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String fenceLanguage(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }

    private static String udiff(CaseFile file, List<GenHunk> hunks, Damage damage) {
        // the damage for a udiff is the opposite one: headers without their a/ b/ prefixes
        String from = damage == Damage.AB_PREFIX ? "" : "a/";
        String to = damage == Damage.AB_PREFIX ? "" : "b/";
        StringBuilder out = new StringBuilder("```diff\n");
        out.append("--- ").append(file.before() == null ? "/dev/null" : from + file.path()).append('\n');
        out.append("+++ ").append(file.after() == null ? "/dev/null" : to + file.path()).append('\n');
        for (GenHunk hunk : hunks) {
            long oldCount = hunk.lines().stream().filter(l -> !l.startsWith("+")).count();
            long newCount = hunk.lines().stream().filter(l -> !l.startsWith("-")).count();
            out.append("@@ -").append(oldCount == 0 ? hunk.oldStart() - 1 : hunk.oldStart()).append(',').append(oldCount)
                    .append(" +").append(newCount == 0 ? hunk.newStart() - 1 : hunk.newStart()).append(',').append(newCount)
                    .append(" @@\n");
            hunk.lines().forEach(l -> out.append(l).append('\n'));
        }
        return out.append("```\n\n").toString();
    }

    private static Optional<String> searchReplace(CaseFile file, String path, List<GenHunk> hunks) {
        if (file.after() == null) {
            return Optional.empty(); // SEARCH/REPLACE cannot delete a file
        }
        StringBuilder out = new StringBuilder(path).append("\n```").append(fenceLanguage(file.path())).append('\n');
        if (file.before() == null) {
            out.append("<<<<<<< SEARCH\n=======\n");
            file.afterLines().forEach(l -> out.append(l).append('\n'));
            out.append(">>>>>>> REPLACE\n");
        }
        for (GenHunk hunk : file.before() == null ? List.<GenHunk>of() : hunks) {
            out.append("<<<<<<< SEARCH\n");
            hunk.lines().stream().filter(l -> !l.startsWith("+")).forEach(l -> out.append(l.isEmpty() ? "" : l.substring(1)).append('\n'));
            out.append("=======\n");
            hunk.lines().stream().filter(l -> !l.startsWith("-")).forEach(l -> out.append(l.isEmpty() ? "" : l.substring(1)).append('\n'));
            out.append(">>>>>>> REPLACE\n");
        }
        return Optional.of(out.append("```\n\n").toString());
    }

    private static String applyPatch(CaseFile file, String path, List<GenHunk> hunks) {
        StringBuilder out = new StringBuilder("*** Begin Patch\n");
        if (file.before() == null) {
            out.append("*** Add File: ").append(path).append('\n');
            file.afterLines().forEach(l -> out.append('+').append(l).append('\n'));
        } else if (file.after() == null) {
            out.append("*** Delete File: ").append(path).append('\n');
        } else {
            out.append("*** Update File: ").append(path).append('\n');
            for (GenHunk hunk : hunks) {
                out.append("@@\n");
                hunk.lines().forEach(l -> out.append(l).append('\n'));
            }
        }
        return out.append("*** End Patch\n\n").toString();
    }

    private static Optional<String> whole(CaseFile file, String path) {
        if (file.after() == null) {
            return Optional.empty(); // the whole format cannot delete a file
        }
        StringBuilder out = new StringBuilder(path).append("\n```").append(fenceLanguage(file.path())).append('\n');
        file.afterLines().forEach(l -> out.append(l).append('\n'));
        return Optional.of(out.append("```\n\n").toString());
    }
}
