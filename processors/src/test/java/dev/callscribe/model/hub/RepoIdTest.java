package dev.callscribe.model.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepoIdTest {

    @Test
    void shouldAcceptOwnerSlashName() {
        assertThat(RepoId.isValid("distil-whisper/distil-large-v3")).isTrue();
        assertThat(RepoId.isValid("onnx-community/distil-small.en")).isTrue();
        assertThat(RepoId.isValid("openai/whisper_tiny")).isTrue();
    }

    @Test
    void shouldRejectWhatCouldNotBeARepository() {
        assertThat(RepoId.isValid("whisper")).isFalse();
        assertThat(RepoId.isValid("/models/whisper")).isFalse();
        assertThat(RepoId.isValid("a/b/c")).isFalse();
        assertThat(RepoId.isValid("../etc")).isFalse();
        assertThat(RepoId.isValid("org/a--b")).isFalse();
        assertThat(RepoId.isValid("org/.hidden")).isFalse();
    }

    @Test
    void shouldNameItsCacheFolderAsHuggingFaceDoes() {
        assertThat(new RepoId("distil-whisper/distil-large-v3").cacheFolderName())
            .isEqualTo("models--distil-whisper--distil-large-v3");
    }
}
