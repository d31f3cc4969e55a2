package dev.callscribe.model.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubSettingsTest {

    @TempDir
    Path temp;

    private HubSettings read(Map<String, String> environment) {
        return HubSettings.fromEnvironment(environment);
    }

    @Test
    void shouldDefaultToTheUsersCacheAndThePublicHub() {
        // Given: XDG_CACHE_HOME set, so the test does not depend on the real home folder
        HubSettings settings = read(Map.of("XDG_CACHE_HOME", temp.toString()));

        // Then
        assertThat(settings.cacheDir()).isEqualTo(temp.resolve("huggingface/hub"));
        assertThat(settings.endpoint()).isEqualTo(URI.create("https://huggingface.co"));
        assertThat(settings.token()).isEmpty();
        assertThat(settings.offline()).isFalse();
    }

    @Test
    void shouldDefaultTheHomeToDotCacheInTheUsersHome() {
        assertThat(read(Map.of()).cacheDir())
            .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "huggingface", "hub"));
    }

    @Test
    void shouldPutTheHubCacheUnderHfHome() {
        assertThat(read(Map.of("HF_HOME", temp.toString())).cacheDir()).isEqualTo(temp.resolve("hub"));
    }

    @Test
    void shouldLetHfHubCacheOverrideHfHome() {
        // Given
        Path cache = temp.resolve("elsewhere");

        // When
        HubSettings settings = read(Map.of("HF_HOME", temp.toString(), "HF_HUB_CACHE", cache.toString()));

        // Then
        assertThat(settings.cacheDir()).isEqualTo(cache);
    }

    @Test
    void shouldDropTheTrailingSlashOfHfEndpoint() {
        assertThat(read(Map.of("HF_HOME", temp.toString(), "HF_ENDPOINT", "https://hf-mirror.example/")).endpoint())
            .isEqualTo(URI.create("https://hf-mirror.example"));
    }

    @Test
    void shouldTakeTheTokenFromHfToken() {
        assertThat(read(Map.of("HF_HOME", temp.toString(), "HF_TOKEN", " hf_abc ")).token()).hasValue("hf_abc");
    }

    @Test
    void shouldTakeTheTokenFromTheLoginFileWhenHfTokenIsUnset() throws IOException {
        // Given: the file huggingface-cli login writes
        Files.writeString(temp.resolve("token"), "hf_from_file\n");

        // When / Then
        assertThat(read(Map.of("HF_HOME", temp.toString())).token()).hasValue("hf_from_file");
    }

    @Test
    void shouldTreatABlankVariableAsUnset() {
        assertThat(read(Map.of("HF_HOME", temp.toString(), "HF_TOKEN", "  ")).token()).isEmpty();
    }

    @Test
    void shouldGoOfflineForTheUsualTrueValues() {
        assertThat(read(Map.of("HF_HOME", temp.toString(), "HF_HUB_OFFLINE", "1")).offline()).isTrue();
        assertThat(read(Map.of("HF_HOME", temp.toString(), "HF_HUB_OFFLINE", "TRUE")).offline()).isTrue();
        assertThat(read(Map.of("HF_HOME", temp.toString(), "HF_HUB_OFFLINE", "0")).offline()).isFalse();
    }

    @Test
    void shouldNeverShowTheTokenInItsText() {
        // When
        String text = read(Map.of("HF_HOME", temp.toString(), "HF_TOKEN", "hf_secret")).toString();

        // Then
        assertThat(text).doesNotContain("hf_secret").contains("token=(set)");
    }
}
