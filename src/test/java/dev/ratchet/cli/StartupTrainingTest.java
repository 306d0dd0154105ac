package dev.ratchet.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The launcher's class-data training pass runs every command it names to success (a failing one throws). */
class StartupTrainingTest {

    @Test
    void everyTrainingCommandSucceeds() {
        assertThatCode(() -> StartupTraining.main(new String[0])).doesNotThrowAnyException();
    }
}
