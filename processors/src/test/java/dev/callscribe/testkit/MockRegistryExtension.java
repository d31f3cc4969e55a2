package dev.callscribe.testkit;

import dev.callscribe.schemas.registry.MockSchemaRegistry;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory Schema Registry scope for the tests of one class ({@code schema.registry.url=mock://<scope>}), named
 * after the class plus a random suffix and dropped after the last test, as Confluent's examples do. Register it as a
 * static field with {@code @RegisterExtension}.
 */
public final class MockRegistryExtension implements BeforeAllCallback, AfterAllCallback {

    private String scope;

    @Override
    public void beforeAll(ExtensionContext context) {
        scope = context.getRequiredTestClass().getSimpleName() + "-" + UUID.randomUUID();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MockSchemaRegistry.dropScope(scope);
    }

    /** The {@code schema.registry.url} of this scope. */
    public String url() {
        if (scope == null) {
            throw new IllegalStateException("register MockRegistryExtension with @RegisterExtension on a static field");
        }
        return MockSchemaRegistry.MOCK_URL_PREFIX + scope;
    }

    /** The scope's name. */
    public String scope() {
        return scope;
    }
}
