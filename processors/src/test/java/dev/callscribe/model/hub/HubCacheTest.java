package dev.callscribe.model.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCacheTest {

    private static final RepoId REPO = new RepoId("org/model");
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path root;

    @Test
    void shouldRefuseAFilePathThatLeavesTheSnapshot() {
        assertThatThrownBy(() -> new HubCache(root).snapshotFile(REPO, COMMIT, "../../../../etc/passwd"))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.UNEXPECTED_RESPONSE))
            .hasMessageContaining("would leave");
    }

    @Test
    void shouldRefuseAnEtagThatIsNotAPlainName() {
        assertThatThrownBy(() -> new HubCache(root).blob(REPO, "../x"))
            .isInstanceOf(HubException.class)
            .hasMessageContaining("Unusable ETag '../x'");
    }

    @Test
    void shouldKeepRefsOfNestedRevisionsInNestedFolders() throws IOException {
        // Given
        HubCache cache = new HubCache(root);

        // When
        cache.writeRef(REPO, "refs/pr/1", COMMIT);

        // Then
        assertThat(root.resolve("models--org--model/refs/refs/pr/1")).hasContent(COMMIT);
        assertThat(cache.readRef(REPO, "refs/pr/1")).hasValue(COMMIT);
    }

    @Test
    void shouldReadNoRefWhereNoneWasWritten() throws IOException {
        assertThat(new HubCache(root).readRef(REPO, "main")).isEmpty();
    }
}
