package dev.callscribe.model.hub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where models come from and where they are kept, from the environment variables the Hugging Face tools use, so a
 * cache filled by {@code huggingface-cli} or {@code transformers} is shared:
 * <ul>
 *   <li>{@code HF_HOME}: defaults to {@code $XDG_CACHE_HOME/huggingface}, i.e. {@code ~/.cache/huggingface};</li>
 *   <li>{@code HF_HUB_CACHE} (or the older {@code HUGGINGFACE_HUB_CACHE}): defaults to {@code $HF_HOME/hub};</li>
 *   <li>{@code HF_ENDPOINT}: defaults to {@code https://huggingface.co} (a mirror can stand in);</li>
 *   <li>{@code HF_TOKEN}: sent as a bearer token, for gated or private repositories; else the token file
 *       {@code HF_TOKEN_PATH}, default {@code $HF_HOME/token}, that {@code huggingface-cli login} writes;</li>
 *   <li>{@code HF_HUB_OFFLINE}: "1" (or true, yes, on) uses the cache only.</li>
 * </ul>
 * {@link #toString()} never shows the token.
 *
 * @param endpoint the Hub's base address, without a trailing slash
 * @param token    the access token, if any
 * @param cacheDir the hub cache folder ({@code HF_HUB_CACHE})
 * @param offline  whether to use the cache only
 */
public record HubSettings(URI endpoint, Optional<String> token, Path cacheDir, boolean offline) {

    /** The public Hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private static final Logger LOG = LoggerFactory.getLogger(HubSettings.class);
    private static final Set<String> TRUE_VALUES = Set.of("1", "true", "yes", "on");

    /** Checks for nulls and drops a trailing slash from the endpoint. */
    public HubSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(cacheDir, "cacheDir");
        String text = endpoint.toString();
        endpoint = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : endpoint;
    }

    /** Reads the settings from the process environment. */
    public static HubSettings fromSystemEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads the settings from environment variables.
     *
     * @param environment variable name to value, e.g. {@code System.getenv()}; blank values count as unset
     * @return the settings
     */
    public static HubSettings fromEnvironment(Map<String, String> environment) {
        Env env = new Env(environment);
        Path xdgCache = env.get("XDG_CACHE_HOME").map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache"));
        Path home = env.get("HF_HOME").map(Path::of).orElseGet(() -> xdgCache.resolve("huggingface"));
        Path cache = env.get("HF_HUB_CACHE").or(() -> env.get("HUGGINGFACE_HUB_CACHE")).map(Path::of)
            .orElseGet(() -> home.resolve("hub"));
        URI endpoint = URI.create(env.get("HF_ENDPOINT").orElse(DEFAULT_ENDPOINT));
        Optional<String> token = env.get("HF_TOKEN")
            .or(() -> readTokenFile(env.get("HF_TOKEN_PATH").map(Path::of).orElseGet(() -> home.resolve("token"))));
        boolean offline = env.get("HF_HUB_OFFLINE").map(v -> TRUE_VALUES.contains(v.toLowerCase(Locale.ROOT)))
            .orElse(false);
        return new HubSettings(endpoint, token, cache, offline);
    }

    private static Optional<String> readTokenFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            LOG.warn("Cannot read the Hugging Face token file {}; going on without a token: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Returns a copy that uses the cache only. */
    public HubSettings withOffline(boolean cacheOnly) {
        return new HubSettings(endpoint, token, cacheDir, cacheOnly);
    }

    @Override
    public String toString() {
        return "HubSettings[endpoint=" + endpoint + ", token=" + (token.isPresent() ? "(set)" : "(none)")
            + ", cacheDir=" + cacheDir + ", offline=" + offline + "]";
    }

    /** Environment lookups where blank means unset. */
    private record Env(Map<String, String> variables) {

        Optional<String> get(String name) {
            return Optional.ofNullable(variables.get(name)).map(String::trim).filter(value -> !value.isEmpty());
        }
    }
}
