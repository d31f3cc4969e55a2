package dev.callscribe.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leftovers of dead owners are removed; a live owner's directory and directories of others never are. A lock held by
 * this JVM stands in for a live process; an unheld lock file for one that was killed (the OS released its lock).
 */
class OwnedTemporaryDirectoryTest {

    private static final String PREFIX = "callscribe-embedded-";

    @TempDir
    Path parent;

    @Test
    void shouldRemoveTheDirectoryOfAKilledOwnerOnTheNextCreate() throws Exception {
        // Given a directory left by a process killed before it could delete it: a lock file nobody holds, and data
        Path stale = Files.createDirectory(parent.resolve(PREFIX + "123"));
        Files.writeString(stale.resolve(OwnedTemporaryDirectory.OWNER_LOCK), "4242\n");
        Files.createDirectories(stale.resolve("kafka/calls.audio-0"));
        Files.writeString(stale.resolve("kafka/calls.audio-0/00000.log"), "data");

        // When a new one is made
        try (OwnedTemporaryDirectory fresh = OwnedTemporaryDirectory.create(parent, PREFIX)) {
            // Then the leftover is gone and the new one exists, locked
            assertThat(stale).doesNotExist();
            assertThat(fresh.path()).isDirectory().hasFileName(fresh.path().getFileName().toString());
            assertThat(fresh.path().resolve(OwnedTemporaryDirectory.OWNER_LOCK)).exists();
        }
    }

    @Test
    void shouldNeverRemoveTheDirectoryOfALiveOwner() {
        try (OwnedTemporaryDirectory live = OwnedTemporaryDirectory.create(parent, PREFIX)) {
            // When another owner looks for leftovers
            // Then the live one is not among them
            assertThat(OwnedTemporaryDirectory.removeStale(parent, PREFIX)).isEmpty();
            assertThat(live.path()).isDirectory();
        }
    }

    @Test
    void shouldLeaveDirectoriesWithoutALockFileAlone() throws Exception {
        // Given a directory of the same prefix that this class did not make (an older version's, say)
        Path foreign = Files.createDirectory(parent.resolve(PREFIX + "old"));

        // When
        OwnedTemporaryDirectory.removeStale(parent, PREFIX);

        // Then
        assertThat(foreign).isDirectory();
    }

    @Test
    void shouldDeleteItselfOnClose() {
        OwnedTemporaryDirectory directory = OwnedTemporaryDirectory.create(parent, PREFIX);

        directory.close();
        directory.close();

        assertThat(directory.path()).doesNotExist();
    }
}
