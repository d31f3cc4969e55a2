package dev.callscribe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry's addresses and credentials, kept apart: URLs safe to log, the header never shown. */
class RegistryEndpointsTest {

    @Test
    void shouldTakeCredentialsOutOfTheUrlIntoTheHeaderAndShowNeither() {
        // Given credentials written into the URL
        RegistryEndpoints endpoints = RegistryEndpoints.fromConfig(new RegistryClientConfig(Map.of(
                RegistryClientConfig.URL_CONFIG, "https://svc:url-pa55@registry:8081")));

        // Then the URL is stripped, the header carries them, and the description shows no trace of them
        String header = "Basic " + Base64.getEncoder().encodeToString("svc:url-pa55".getBytes(StandardCharsets.UTF_8));
        assertThat(endpoints.baseUrls()).extracting(Object::toString).containsExactly("https://registry:8081");
        assertThat(endpoints.authorization()).contains(header);
        assertThat(endpoints.toString()).contains("https://registry:8081", "[hidden]")
                .doesNotContain("url-pa55", header.substring("Basic ".length()));
    }

    @Test
    void shouldShowThatNoCredentialsAreSent() {
        RegistryEndpoints endpoints = RegistryEndpoints.fromConfig(new RegistryClientConfig(Map.of(
                RegistryClientConfig.URL_CONFIG, "http://registry:8081")));

        assertThat(endpoints.toString()).contains("authorization=none");
    }
}
