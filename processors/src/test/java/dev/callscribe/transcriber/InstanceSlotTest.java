package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slots taken with file locks. Locks held by this JVM stand in for other processes: the JVM refuses a second lock on
 * a file it holds, as another process would be refused. That the OS frees a killed process's lock is shown by
 * it-tests' TranscriberKillTest, with real processes.
 */
class InstanceSlotTest {

    @TempDir
    Path directory;

    @Test
    void shouldGiveTwoHoldersAtOnceDifferentSlotsFromTheLowest() throws Exception {
        try (InstanceSlot first = InstanceSlot.acquire(directory);
             InstanceSlot second = InstanceSlot.acquire(directory)) {
            assertThat(first.number()).isZero();
            assertThat(second.number()).isOne();
            assertThat(first.file()).isEqualTo(directory.resolve("slot-0.lock"));
        }
    }

    @Test
    void shouldGiveAReleasedSlotToTheNextHolder() throws Exception {
        // Given slots 0 and 1 held, then 0 released (its process ended)
        InstanceSlot first = InstanceSlot.acquire(directory);
        try (InstanceSlot second = InstanceSlot.acquire(directory)) {
            first.close();

            // When another holder comes
            try (InstanceSlot restarted = InstanceSlot.acquire(directory)) {
                // Then it takes slot 0 back, not 2
                assertThat(restarted.number()).isZero();
                assertThat(second.number()).isOne();
            }
        }
    }

    @Test
    void shouldCreateTheDirectoryAndReleaseIdempotently() throws Exception {
        Path nested = directory.resolve("a/b");

        InstanceSlot slot = InstanceSlot.acquire(nested);
        slot.close();
        slot.close();

        assertThat(nested.resolve("slot-0.lock")).exists();
    }
}
