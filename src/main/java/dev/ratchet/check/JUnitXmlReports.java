package dev.ratchet.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the JUnit XML reports a test run wrote (Surefire, Failsafe, Gradle, pytest --junitxml,
 * jest-junit, node's junit reporter): every {@code testcase} with a {@code failure} or
 * {@code error} child is a failing test. Only reports written during the run count, so a stale
 * report from yesterday's build never describes today's failures.
 */
final class JUnitXmlReports {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", ".venv", "venv", "__pycache__", ".idea", ".gradle");
    private static final int SEARCH_DEPTH = 12;
    private static final int PEEK_BYTES = 2048;
    private static final int MAX_MESSAGE_CHARS = 2000;
    private static final Duration CLOCK_SLACK = Duration.ofMillis(20);

    private final Path root;
    private final RepoStackFrames frames;

    JUnitXmlReports(Path root, RepoStackFrames frames) {
        this.root = root;
        this.frames = frames;
    }

    /** What the reports say; {@code reportFiles} is empty when the run wrote none. */
    record Reported(List<Path> reportFiles, int testsRun, List<TestFailure> failures) {
    }

    /** Reads every JUnit XML report under the root that was modified at or after {@code since}. */
    Reported readWrittenSince(Instant since) {
        List<Path> reports = find(since);
        List<Path> read = new ArrayList<>();
        Map<String, TestFailure> failures = new LinkedHashMap<>();
        int tests = 0;
        for (Path report : reports) {
            try {
                tests += parse(report, failures);
                read.add(report);
            } catch (IOException | SAXException e) {
                // a report cut short by a killed run is skipped; the output scan still sees the failures
            }
        }
        return new Reported(read, tests, List.copyOf(failures.values()));
    }

    List<Path> find(Instant since) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), SEARCH_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skip = !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString());
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()
                            && file.getFileName().toString().endsWith(".xml")
                            && writtenSince(attrs.lastModifiedTime().toInstant(), since)
                            && looksLikeJUnitReport(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // an unreadable tree means no reports; the output scan takes over
        }
        found.sort(null);
        return found;
    }

    /**
     * Close to exact, so a report the previous run wrote moments earlier does not count. The kernel
     * stamps files with a coarse clock (a tick, up to 10 ms, behind the real time), hence the small
     * slack. A timestamp with no fraction at all most likely comes from a file system that keeps
     * whole seconds; there, the second the run started in counts.
     */
    static boolean writtenSince(Instant modified, Instant since) {
        Instant threshold = modified.getNano() == 0 ? since.truncatedTo(ChronoUnit.SECONDS) : since.minus(CLOCK_SLACK);
        return !modified.isBefore(threshold);
    }

    private static boolean looksLikeJUnitReport(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(PEEK_BYTES), StandardCharsets.UTF_8);
            return start.contains("<testsuite");
        } catch (IOException e) {
            return false;
        }
    }

    /** Adds the report's failures to {@code failures} (keyed by test id) and returns how many tests it ran. */
    private int parse(Path report, Map<String, TestFailure> failures) throws IOException, SAXException {
        NodeList testcases = newBuilder().parse(report.toFile()).getElementsByTagName("testcase");
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            Element problem = firstChild(testcase, "failure");
            if (problem == null) {
                problem = firstChild(testcase, "error");
            }
            if (problem != null) {
                String id = testId(testcase);
                failures.putIfAbsent(id, new TestFailure(id, message(problem), frames.locate(problem.getTextContent())));
            }
        }
        return testcases.getLength();
    }

    private static String testId(Element testcase) {
        String className = testcase.getAttribute("classname").trim();
        String name = testcase.getAttribute("name").trim();
        return className.isEmpty() ? name : className + "#" + name;
    }

    /** "Type: message" with the type's package dropped; the trace's first line when there is no message attribute. */
    private static String message(Element problem) {
        String type = problem.getAttribute("type").trim();
        String shortType = type.substring(type.lastIndexOf('.') + 1);
        String message = problem.getAttribute("message").trim();
        String text;
        if (message.isEmpty()) {
            String firstLine = problem.getTextContent().strip().lines().findFirst().orElse(shortType);
            text = !type.isEmpty() && firstLine.startsWith(type) ? shortType + firstLine.substring(type.length()) : firstLine;
        } else {
            text = shortType.isEmpty() || message.startsWith(shortType) ? message : shortType + ": " + message;
        }
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + " [...]";
    }

    private static Element firstChild(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        return null;
    }

    /** Reports are written by tools, but files in a repository are untrusted: no DTDs, no external entities. */
    private static DocumentBuilder newBuilder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints parse errors to stderr; a broken report is reported by the exception alone
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("the JDK's XML parser lacks a required safety feature: " + e.getMessage(), e);
        }
    }
}
