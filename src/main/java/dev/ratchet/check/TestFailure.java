package dev.ratchet.check;

import java.util.List;

/**
 * One failing test as the model should see it.
 *
 * @param testId "com.example.CalcTest#adds", "tests/test_calc.py::test_add", "TestAdd", ...
 * @param message what went wrong, e.g. "AssertionFailedError: expected: <4> but was: <3>"
 * @param locations the stack frames in the repository's own files, innermost first
 */
public record TestFailure(String testId, String message, List<SourceLocation> locations) {
    public TestFailure {
        locations = List.copyOf(locations);
    }
}
