package dev.callscribe.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Provides a running Apicurio Registry of one release line to a test class. Each line starts once per test JVM and
 * is stopped when the JVM's tests end (the root store closes it), so test classes share it.
 *
 * <p>The build unpacks each line and names its folder and version in system properties
 * {@code callscribe.apicurio<major>.home} and {@code .version}. A missing folder fails the tests rather than
 * skipping them, so CI cannot pass without really running them. The 3.x line needs Java 21 or newer: it runs with
 * the JDK named by {@code JAVA21_HOME}, else one found under {@code /usr/lib/jvm}, and is skipped, saying so, only
 * where the machine has none.
 */
public final class ApicurioRegistryExtension implements BeforeAllCallback {

    private static final Namespace NAMESPACE = Namespace.create(ApicurioRegistryExtension.class);

    private final int major;
    private final int minimumJava;
    private ApicurioRegistry registry;

    private ApicurioRegistryExtension(int major, int minimumJava) {
        this.major = major;
        this.minimumJava = minimumJava;
    }

    /** Apicurio 2.6, which runs on Java 17. */
    public static ApicurioRegistryExtension v2() {
        return new ApicurioRegistryExtension(2, 17);
    }

    /** Apicurio 3.x, which needs Java 21 or newer. */
    public static ApicurioRegistryExtension v3() {
        return new ApicurioRegistryExtension(3, 21);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<Path> java = Jdks.javaAtLeast(minimumJava);
        Assumptions.assumeTrue(java.isPresent(), () -> "Apicurio Registry " + major + ".x needs Java "
                + minimumJava + "+, and this machine has none (set JAVA21_HOME to run these tests)");
        registry = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("apicurio" + major, key -> start(java.get()), ApicurioRegistry.class);
    }

    /** The running registry; valid once beforeAll has run. */
    public ApicurioRegistry registry() {
        return registry;
    }

    private ApicurioRegistry start(Path java) {
        String home = System.getProperty("callscribe.apicurio" + major + ".home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("Apicurio Registry " + major + ".x not unpacked at " + home
                    + "; run the tests through Maven (./mvnw verify), which unpacks it");
        }
        try {
            return ApicurioRegistry.start(Path.of(home),
                    System.getProperty("callscribe.apicurio" + major + ".version"), java);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot start Apicurio Registry " + major + ".x", e);
        }
    }
}
