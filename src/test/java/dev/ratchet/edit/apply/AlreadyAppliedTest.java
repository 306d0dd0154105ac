package dev.ratchet.edit.apply;

import static dev.ratchet.edit.apply.MemoryRepo.plan;
import static dev.ratchet.edit.apply.MemoryRepo.searchReplace;
import static dev.ratchet.edit.apply.MemoryRepo.udiff;
import static dev.ratchet.edit.apply.MemoryRepo.update;
import static dev.ratchet.edit.apply.MemoryRepo.v4a;
import static dev.ratchet.edit.apply.MemoryRepo.v4aEndOfFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ratchet.edit.EditPlan;
import dev.ratchet.edit.FileChange;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AlreadyAppliedTest {
    private static final String SOURCE = """
            class Greeter:
                def greet(self):
                    print("Hi")

                def leave(self):
                    print("Bye")
            """;

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("search-replace change", update("g.py", searchReplace("        print(\"Hi\")", "        print(\"Hello\")"))),
                Arguments.of("search-replace addition with context", update("g.py",
                        searchReplace("    def leave(self):", "    def leave(self):\n        self.log()"))),
                Arguments.of("search-replace append", update("g.py", searchReplace("", "\nGreeter().greet()"))),
                Arguments.of("search-replace with doubled blank lines", update("g.py",
                        searchReplace("        print(\"Hi\")\n\n\n    def leave(self):", "        print(\"Hey\")\n\n\n    def leave(self):"))),
                Arguments.of("udiff", update("g.py", udiff(2, "    def greet(self):\n        print(\"Hi\")\n",
                        "    def greet(self):\n        print(\"Hello\")\n        print(\"there\")\n"))),
                Arguments.of("v4a anchored", update("g.py", v4a(List.of("    def leave(self):"),
                        "        print(\"Bye\")", "        print(\"Goodbye\")"))),
                Arguments.of("v4a insertion after anchor", update("g.py", v4a(List.of("class Greeter:"), "", "    name = \"g\""))),
                Arguments.of("v4a end of file", update("g.py", v4aEndOfFile("        print(\"Bye\")", "        print(\"Bye\")\n        return None"))),
                Arguments.of("create", plan(new FileChange.Create("new.py", List.of("x = 1"), false))),
                Arguments.of("whole file", plan(new FileChange.Create("g.py", List.of("print('all new')"), true))),
                Arguments.of("delete", plan(new FileChange.Delete("g.py"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void applyingTheSamePlanTwiceIsAlreadyAppliedTheSecondTime(String name, EditPlan plan) {
        MemoryRepo repo = new MemoryRepo().put("g.py", SOURCE);

        Application first = repo.applyAndWrite(plan);
        var afterFirst = repo.snapshot();
        Application second = repo.applyAndWrite(plan);

        assertThat(first.clean()).as(first.refused().toString()).isTrue();
        assertThat(first.writes()).isNotEmpty();
        assertThat(second.clean()).as(second.refused().toString()).isTrue();
        assertThat(second.applied()).extracting(AppliedChange::action).containsOnly("already-applied");
        assertThat(second.writes()).isEmpty();
        assertThat(repo.sameAs(afterFirst)).isTrue();
    }

    @Test
    void partlyAppliedChangeAppliesOnlyTheRest() {
        MemoryRepo repo = new MemoryRepo().put("p.txt", "a\nB\nc\nd\ne\nf\n");

        Application result = repo.applyAndWrite(update("p.txt", udiff("a\nb\nc", "a\nB\nc"), udiff("e\nf", "e\nF")));

        assertThat(result.applied()).containsExactly(new AppliedChange("p.txt", "update", 1));
        assertThat(repo.text("p.txt")).isEqualTo("a\nB\nc\nd\ne\nF\n");
    }

    @Test
    void afterFoundInTwoPlacesIsNotClaimedAsApplied() {
        MemoryRepo repo = new MemoryRepo().put("t.txt", "new\nx\nnew\n");

        Application result = repo.applyAndWrite(update("t.txt", searchReplace("old", "new")));

        assertThat(result.clean()).isFalse();
        assertThat(result.refused().get(0).reason()).contains("not in the file");
    }
}
