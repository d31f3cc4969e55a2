package dev.callscribe.it.deploy;

import dev.callscribe.it.support.ApicurioRegistry;
import dev.callscribe.it.support.ApicurioRegistryExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The Schema Registry standing in for the compose file's: an Apicurio Registry child JVM of the same major version
 * as the compose image (3.x) where this machine can run it (Java 21+), else the 2.6 line, whose Confluent-compatible
 * API the callscribe clients use the same way. Register as a static field; {@link #major()} says which one runs.
 */
final class ComposeRegistryExtension implements BeforeAllCallback {

    private ApicurioRegistryExtension started;
    private int major;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            started = ApicurioRegistryExtension.v3();
            started.beforeAll(context);
            major = 3;
        } catch (TestAbortedException noJava21) {
            started = ApicurioRegistryExtension.v2();
            started.beforeAll(context);
            major = 2;
        }
    }

    /** The running registry; valid once beforeAll has run. */
    ApicurioRegistry registry() {
        return started.registry();
    }

    /** The Apicurio major version running: 3 as in the compose file, or 2 where no Java 21 runtime exists. */
    int major() {
        return major;
    }
}
