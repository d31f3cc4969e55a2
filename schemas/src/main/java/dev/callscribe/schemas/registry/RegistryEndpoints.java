package dev.callscribe.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The registry URLs with any user info taken out, and the Authorization header built from the configured
 * credentials source.
 *
 * @param baseUrls URLs safe to log
 * @param authorization the Basic Auth header value, if credentials are configured; a secret (base64 is no
 *                      encryption), so {@link #toString()} leaves it out
 */
record RegistryEndpoints(List<URI> baseUrls, Optional<String> authorization) {

    RegistryEndpoints {
        baseUrls = List.copyOf(baseUrls);
    }

    static RegistryEndpoints fromConfig(RegistryClientConfig config) {
        List<URI> given = new ArrayList<>();
        for (String url : config.urls()) {
            given.add(parse(url.trim()));
        }
        Optional<String> userInfo = config.credentialsFromUrl()
                ? given.stream().map(URI::getRawUserInfo).filter(info -> info != null).findFirst()
                        .map(info -> URLDecoder.decode(info, StandardCharsets.UTF_8))
                : Optional.of(requireUserInfo(config));
        List<URI> stripped = given.stream().map(RegistryEndpoints::withoutUserInfo).toList();
        return new RegistryEndpoints(stripped, userInfo.map(RegistryEndpoints::basic));
    }

    @Override
    public String toString() {
        return "RegistryEndpoints[baseUrls=" + baseUrls + ", authorization="
                + (authorization.isPresent() ? "[hidden]" : "none") + "]";
    }

    private static String requireUserInfo(RegistryClientConfig config) {
        Password info = config.userInfo();
        if (info == null || info.value().isEmpty()) {
            throw new ConfigException(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + " is "
                    + RegistryClientConfig.BASIC_AUTH_SOURCE_USER_INFO + " but "
                    + RegistryClientConfig.USER_INFO_CONFIG + " is not set");
        }
        return info.value();
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new URISyntaxException(url, "expected an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            // The URL may hold a password: name the key, not the value.
            throw new ConfigException("Invalid URL in " + RegistryClientConfig.URL_CONFIG + ": " + e.getReason());
        }
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A parsed URL could not be rebuilt", e);
        }
    }
}
