package dev.ratchet.edit.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ratchet.edit.FileChange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditFormatsTest {

    @Test
    void namesEveryFormatWithAutoFirst() {
        assertThat(EditFormats.names()).containsExactly("auto", "udiff", "search-replace", "apply-patch", "whole");
    }

    @Test
    void eachNameGivesTheFormatOfThatName() {
        for (String name : EditFormats.names()) {
            assertThat(EditFormats.named(name).name()).isEqualTo(name);
        }
    }

    @Test
    void namesIgnoreCaseAndSurroundingSpaces() {
        assertThat(EditFormats.named(" Search-Replace ").name()).isEqualTo("search-replace");
        assertThat(EditFormats.named("UDIFF").name()).isEqualTo("udiff");
    }

    @Test
    void anUnknownNameSaysWhichNamesExist() {
        assertThatThrownBy(() -> EditFormats.named("diff-fenced"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown edit format 'diff-fenced'; use one of: auto, udiff, search-replace, apply-patch, whole");
        assertThatThrownBy(() -> EditFormats.named(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"udiff, src/greeting.py", "search-replace, src/greeting.py",
            "apply-patch, src/greeting.py src/farewell.py src/old_greeting.py", "whole, src/greeting.py"})
    void theWorkedExampleInEachFormatsInstructionsIsTheOnlyEditTheyHold(String name, String paths) {
        EditFormat format = EditFormats.named(name);

        ParsedReply own = format.parse(format.instructions());
        ParsedReply auto = EditFormats.named("auto").parse(format.instructions());

        assertThat(own.problems()).isEmpty();
        assertThat(own.plan().changes()).extracting(FileChange::path).containsExactly(paths.split(" "));
        assertThat(auto.problems()).isEmpty();
        assertThat(auto.plan()).isEqualTo(own.plan());
    }

    @Test
    void instructionsAreDistinctAndFirm() {
        List<String> texts = List.of("udiff", "search-replace", "apply-patch", "whole").stream()
                .map(name -> EditFormats.named(name).instructions()).toList();

        assertThat(texts).doesNotHaveDuplicates();
        assertThat(texts).allSatisfy(text -> {
            assertThat(text).contains("Follow these rules exactly").contains("# Example");
            assertThat(text).doesNotContain("TODO");
        });
    }
}
