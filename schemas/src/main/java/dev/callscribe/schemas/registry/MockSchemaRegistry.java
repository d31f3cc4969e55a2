package dev.callscribe.schemas.registry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-memory registries by scope, for {@code schema.registry.url=mock://<scope>} (the convention of Confluent's
 * serdes): every serializer, deserializer and client in this JVM naming the same scope shares one registry. Tests
 * use a scope of their own and drop it afterwards.
 */
public final class MockSchemaRegistry {

    /** The URL scheme that selects an in-memory registry. */
    public static final String MOCK_URL_PREFIX = "mock://";

    private static final ConcurrentMap<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    /** The registry of a scope, created empty on first use. */
    public static InMemorySchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets a scope; the next use of its name starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /** Whether a registry URL selects an in-memory registry. */
    public static boolean isMockUrl(String url) {
        return url.trim().startsWith(MOCK_URL_PREFIX);
    }

    /** The scope named by a {@code mock://} URL. */
    public static String scopeOf(String url) {
        return url.trim().substring(MOCK_URL_PREFIX.length());
    }
}
