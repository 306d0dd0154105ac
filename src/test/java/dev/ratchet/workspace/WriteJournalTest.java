package dev.ratchet.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WriteJournalTest {

    @Test
    void survivesARoundTripWithAwkwardCharactersInPaths() {
        WriteJournal journal = new WriteJournal("/repo/with\ttab and %25 and\nnewline",
                List.of(new WriteJournal.Entry("a b/%41.txt", "a b/.%41.txt.ratchet-1", "backup-0", "rwxr-xr-x"),
                        new WriteJournal.Entry("new\r.txt", "-", null, null)),
                List.of("a b", "x/y"));

        assertThat(WriteJournal.parse(journal.toText())).isEqualTo(journal);
        assertThat(journal.toText()).startsWith("ratchet-journal 1\nroot\t/repo/with%09tab and %2525 and%0Anewline\n");
    }

    @Test
    void refusesWhatItDidNotWrite() {
        assertThatThrownBy(() -> WriteJournal.parse("{\"root\": \"/x\"}")).hasMessageContaining("not a ratchet journal");
        assertThatThrownBy(() -> WriteJournal.parse("ratchet-journal 1\nroot\t/x\nfile\tonly-a-path\n"))
                .hasMessageContaining("line 3: expected 3 fields");
        assertThatThrownBy(() -> WriteJournal.parse("ratchet-journal 1\nfile\ta\tb\t-\t-\n"))
                .hasMessageContaining("no 'root' line");
        assertThatThrownBy(() -> WriteJournal.parse("ratchet-journal 1\nroot\t/x\nweird\t1\n"))
                .hasMessageContaining("unknown record 'weird'");
    }
}
