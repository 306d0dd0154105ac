package dev.ratchet.edit.apply;

import static dev.ratchet.edit.apply.MemoryRepo.searchReplace;
import static dev.ratchet.edit.apply.MemoryRepo.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReindentationTest {

    @Test
    void commonPrefixAddedOrRemoved() {
        Reindentation add = Reindentation.between(List.<String[]>of(new String[] {"x", "    x"}, new String[] {"  y", "      y"})).orElseThrow();
        Reindentation remove = Reindentation.between(List.<String[]>of(new String[] {"\t\tx", "\tx"})).orElseThrow();

        assertThat(add.apply("  z")).contains("      z");
        assertThat(add.apply("   ")).contains("   ");
        assertThat(remove.apply("\t\t\tz")).contains("\t\tz");
        assertThat(remove.apply("z")).isEmpty();
    }

    @Test
    void tabsInTheHunkBecomeSpacesInASpaceIndentedFile() {
        Reindentation shift = Reindentation.between(List.<String[]>of(
                new String[] {"\tif x:", "    if x:"}, new String[] {"\t\ty()", "        y()"})).orElseThrow();

        assertThat(shift.apply("\t\t\tz()")).contains("            z()");
    }

    @Test
    void columnsThatDoNotFitWholeTabsAreRefused() {
        Reindentation shift = Reindentation.between(List.<String[]>of(
                new String[] {"    a", "\ta"}, new String[] {"        b", "\t\tb"})).orElseThrow();

        assertThat(shift.apply("      odd")).isEqualTo(Optional.empty());
        assertThat(shift.apply("            c")).contains("\t\t\tc");
    }

    @Test
    void unevenDifferencesHaveNoReindentation() {
        assertThat(Reindentation.between(List.<String[]>of(new String[] {"  a", "    a"}, new String[] {"    b", "        b"}))).isEmpty();
    }

    @Test
    void newLineShallowerThanTheRemovedIndentationIsRefused() {
        MemoryRepo repo = new MemoryRepo().put("a.py", "x = 1\ny = 2\n");

        Application result = repo.applyAndWrite(update("a.py", searchReplace("    x = 1\n    y = 2", "    x = 1\ndef f():\n    y = 2")));

        assertThat(result.refused().get(0).reason()).contains("'def f():' is indented less than");
        assertThat(repo.text("a.py")).isEqualTo("x = 1\ny = 2\n");
    }

    @Test
    void tierLabelsReadAsWords() {
        assertThat(MatchTier.SURROUNDING_WHITESPACE.label()).isEqualTo("surrounding-whitespace");
    }
}
