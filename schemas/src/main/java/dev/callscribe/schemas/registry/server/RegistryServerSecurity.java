package dev.callscribe.schemas.registry.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How a {@link RegistryServer} protects itself: TLS (https, with the server certificate of an {@link SSLContext}),
 * and HTTP Basic authentication of every request against one {@code user:password}, the credentials Confluent's
 * clients send from {@code basic.auth.user.info}. Both optional; {@link #none()} is plain HTTP without
 * authentication. Immutable; {@link #toString()} never shows the password.
 *
 * @param tls      the server's TLS context; empty serves plain HTTP
 * @param userInfo the credentials every request must carry, as {@code user:password}; empty lets every request in
 */
public record RegistryServerSecurity(Optional<SSLContext> tls, Optional<String> userInfo) {

    public RegistryServerSecurity {
        userInfo.ifPresent(credentials -> {
            if (credentials.indexOf(':') <= 0) {
                throw new IllegalArgumentException("the registry's basic auth credentials must be user:password "
                        + "with a non-empty user; got a value without a user before ':'");
            }
        });
    }

    /** Plain HTTP, no authentication. */
    public static RegistryServerSecurity none() {
        return new RegistryServerSecurity(Optional.empty(), Optional.empty());
    }

    /** A copy serving https with this context's certificate. */
    public RegistryServerSecurity withTls(SSLContext context) {
        return new RegistryServerSecurity(Optional.of(context), userInfo);
    }

    /** A copy that requires these credentials ({@code user:password}) on every request. */
    public RegistryServerSecurity withBasicAuth(String credentials) {
        return new RegistryServerSecurity(tls, Optional.of(credentials));
    }

    /** The URL scheme clients use: https with TLS, http without. */
    String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /** Whether a request with this {@code Authorization} header (null when absent) may be answered. */
    boolean admits(String authorization) {
        if (userInfo.isEmpty()) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        byte[] expected = ("Basic " + Base64.getEncoder().encodeToString(userInfo.get()
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        // Constant time, so the answer's timing tells nothing about how much of a guess was right.
        return MessageDigest.isEqual(expected, authorization.trim().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryServerSecurity[tls=" + tls.isPresent() + ", basicAuth="
                + userInfo.map(credentials -> credentials.substring(0, credentials.indexOf(':')) + ":[hidden]")
                        .orElse("none") + "]";
    }
}
