package dev.ratchet.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDeltaTest {
    @Test
    void namesFixedStillFailingAndNewlyFailingTests() {
        TestDelta delta = TestDelta.between(failing("a", "b", "c"), failing("c", "d"));

        assertThat(delta.fixed()).containsExactly("a", "b");
        assertThat(delta.stillFailing()).containsExactly("c");
        assertThat(delta.newlyFailing()).containsExactly("d");
        assertThat(delta.oneLine()).isEqualTo("tests 3 failing -> 2 failing (2 fixed, 1 newly failing)");
        assertThat(delta.details()).isEqualTo("fixed: a, b\nstill failing: c\nnewly failing: d");
    }

    @Test
    void allFixed() {
        TestDelta delta = TestDelta.between(failing("a", "b"), passing());

        assertThat(delta.fixed()).containsExactly("a", "b");
        assertThat(delta.oneLine()).isEqualTo("tests 2 failing -> passing (2 fixed)");
    }

    @Test
    void aBrokenBuildFixesNothing() {
        TestDelta delta = TestDelta.between(failing("a", "b"), failing());

        assertThat(delta.fixed()).isEmpty();
        assertThat(delta.stillFailing()).isEmpty();
        assertThat(delta.oneLine()).isEqualTo("tests 2 failing -> failing without test results");
        assertThat(delta.details()).isEqualTo("no test results after this iteration: `make test` failed (exit 2) after 1.0 s");
    }

    @Test
    void fromABrokenBuildToFailingTestsCountsNothingAsNew() {
        TestDelta delta = TestDelta.between(failing(), failing("a"));

        assertThat(delta.oneLine()).isEqualTo("tests failing without test results -> 1 failing");
        assertThat(delta.newlyFailing()).containsExactly("a");
    }

    @Test
    void nothingChanged() {
        assertThat(TestDelta.between(failing("a"), failing("a")).oneLine()).isEqualTo("tests 1 failing -> 1 failing");
        assertThat(TestDelta.between(passing(), passing()).oneLine()).isEqualTo("tests passing -> passing");
    }

    private static FailureSummary failing(String... ids) {
        List<TestFailure> failures = Arrays.stream(ids).map(id -> new TestFailure(id, "boom", List.of())).toList();
        return new FailureSummary("`make test` failed (exit 2) after 1.0 s", false, failures, -1, "the test output", "", 0);
    }

    private static FailureSummary passing() {
        return new FailureSummary("`make test` passed after 1.0 s", true, List.of(), -1, "the exit code", "", 0);
    }
}
