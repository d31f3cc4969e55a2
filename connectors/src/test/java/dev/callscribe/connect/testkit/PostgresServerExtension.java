package dev.callscribe.connect.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Provides a running {@link PostgresServer} to a test class, and a database of the class's own on it. Register it as
 * a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresServerExtension POSTGRES = new PostgresServerExtension();
 *
 * PostgresDatabase db = POSTGRES.database();  // jdbcUrl(), user(), password(), connect()
 * }</pre>
 *
 * <p>One server starts per test JVM, on first use, and stops when the JVM's tests end (JUnit's root store closes
 * it), so test classes share it and pay initdb once; each class gets a fresh database, named after it. Where the
 * machine cannot run a server ({@link PostgresServer#whyUnavailable()}: no server programs, or root without the
 * postgres user), every test of the class is skipped with the reason (test by test, because Surefire does not
 * report a skipped class), unless the environment variable {@value #REQUIRE_ENV} is {@code true}, as CI sets it:
 * then they fail, so CI cannot pass without really running them.
 */
public final class PostgresServerExtension implements ExecutionCondition, BeforeAllCallback {

    /** Environment variable that turns a skip for want of PostgreSQL into a failure. */
    public static final String REQUIRE_ENV = "CALLSCRIBE_REQUIRE_POSTGRES";

    private static final Namespace NAMESPACE = Namespace.create(PostgresServerExtension.class);

    private PostgresServer server;
    private PostgresDatabase database;

    /** Disables each test, with the reason, where no server can run here and CI does not insist on one. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> unavailable = unavailableAndNotRequired();
        if (context.getTestMethod().isEmpty() || unavailable.isEmpty()) {
            return ConditionEvaluationResult.enabled("PostgreSQL can run here, or " + REQUIRE_ENV + " insists");
        }
        return ConditionEvaluationResult.disabled(unavailable.get());
    }

    /**
     * Starts the server, or finds the one already started in this JVM, and creates the class's database.
     *
     * @throws IllegalStateException where no server can run here although {@value #REQUIRE_ENV} is true
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (unavailableAndNotRequired().isPresent()) {
            return; // every test is disabled
        }
        PostgresServer.whyUnavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason + " (" + REQUIRE_ENV + "=true: failing, not skipping)");
        });
        server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PostgresServer.class, key -> startServer(), PostgresServer.class);
        database = server.createDatabase(context.getRequiredTestClass().getSimpleName());
    }

    /**
     * The running server; valid once beforeAll has run. Where none can run, aborts the caller (a
     * {@code @BeforeAll} method, say) as a failed assumption, so the class is skipped rather than failed.
     */
    public PostgresServer server() {
        unavailableAndNotRequired().ifPresent(Assumptions::abort);
        if (server == null) {
            throw new IllegalStateException("the server is not started: register PostgresServerExtension with "
                    + "@RegisterExtension on a static field");
        }
        return server;
    }

    /** The test class's own database, created empty before its first test. */
    public PostgresDatabase database() {
        server();
        return database;
    }

    /** Another new, empty database on the server (see {@link PostgresServer#createDatabase}). */
    public PostgresDatabase createDatabase(String prefix) {
        return server().createDatabase(prefix);
    }

    private static Optional<String> unavailableAndNotRequired() {
        return Boolean.parseBoolean(System.getenv(REQUIRE_ENV)) ? Optional.empty() : PostgresServer.whyUnavailable();
    }

    private static PostgresServer startServer() {
        try {
            return PostgresServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }
}
