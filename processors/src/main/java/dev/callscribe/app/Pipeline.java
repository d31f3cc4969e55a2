package dev.callscribe.app;

import dev.callscribe.app.Roles.NamedFactory;
import dev.callscribe.app.embedded.EmbeddedStack;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.pipeline.PipelineRole;
import dev.callscribe.segmenter.SegmenterConfig;
import dev.callscribe.stitcher.StitcherConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roles of one process and what hosts them: the embedded broker and registry (with {@code --embedded}), the
 * topics and their registry subjects, the meter registry and the metrics, health and readiness endpoints.
 * {@link #start()} brings them up in that order; {@link #close()} takes them down in reverse: roles in reverse start
 * order, then the HTTP server, the meters and the embedded broker and registry.
 *
 * <p>While it runs, a {@link RoleWatch} looks at the roles every second: one that has stopped for good (fenced,
 * failed, its Streams threads dead) makes the pipeline close itself, with {@link #failure()} saying why, so the
 * process can exit non-zero and be restarted. Readiness includes the Kafka cluster answering ({@link BrokerProbe});
 * health does not.
 *
 * <p>Lifecycle: built by {@link #prepare}, which checks the role selection and the configuration but starts nothing;
 * started once; closed once (close is idempotent and may come from another thread, such as a JVM shutdown hook, at
 * any time: during start it waits for start to finish, then undoes it). Owns everything it starts.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final List<NamedFactory> selected;
    private final boolean embedded;
    private final RoleRoster roster = new RoleRoster();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private EffectiveConfig config;
    private volatile EmbeddedStack stack;
    private ProcessMeters meters;
    private volatile MetricsServer server;
    private volatile BrokerProbe probe;
    private volatile RoleWatch watch;
    private volatile String failure;
    private volatile boolean stoppedCleanly = true;
    private boolean started;
    private boolean closed;

    private Pipeline(List<NamedFactory> selected, EffectiveConfig config, boolean embedded) {
        this.selected = selected;
        this.config = config;
        this.embedded = embedded;
    }

    /**
     * Checks what {@code run} was asked for and loads the configuration; starts nothing.
     *
     * @param environment the process environment ({@code System.getenv()}; a map in tests)
     * @throws org.apache.kafka.common.config.ConfigException for a missing file or an invalid value, naming the key
     * @throws IllegalArgumentException for an unknown or unavailable role
     */
    public static Pipeline prepare(RunOptions options, Roles roles, Map<String, String> environment) {
        Map<String, String> file = options.configFile().map(EffectiveConfig::readFile).orElse(Map.of());
        EffectiveConfig config = EffectiveConfig.merge(file, environment, options.overrides());
        config.appConfig();
        List<NamedFactory> selected = roles.select(options.roles());
        return new Pipeline(selected, config, options.embedded());
    }

    /**
     * Starts the broker (if embedded), creates the topics, starts the endpoints and the roles, and returns.
     *
     * @throws RuntimeException when any of it fails, after closing what had started; the message says what failed
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "the pipeline was closed" : "the pipeline was started already");
        }
        started = true;
        try {
            startEmbedded();
            LOG.info("Configuration:\n{}", config.describe());
            warnAboutUnknownKeys();
            AppConfig app = config.appConfig();
            createTopics(app);
            startEndpoints(app);
            startRoles();
        } catch (RuntimeException e) {
            // Undone at once, so nothing is left running whether or not anyone calls close().
            roster.markStopping();
            closeParts();
            closed = true;
            closedLatch.countDown();
            throw e;
        }
        roster.markStarted();
        watch = RoleWatch.start(roster, this::stopForGood, RoleWatch.INTERVAL);
        LOG.info("Running {}", selected.stream().map(NamedFactory::name).collect(Collectors.joining(", ")));
    }

    /** The configuration in force (with the embedded broker's address once it has started). */
    public synchronized EffectiveConfig config() {
        return config;
    }

    /** The embedded broker and registry, once started with {@code --embedded}; empty otherwise. */
    public Optional<EmbeddedStack> embeddedStack() {
        return Optional.ofNullable(stack);
    }

    /** The port of the metrics server, once it is serving; empty when disabled or not started. */
    public Optional<Integer> metricsPort() {
        MetricsServer current = server;
        return current == null ? Optional.empty() : Optional.of(current.port());
    }

    /** The roles started so far, in start order. */
    public List<PipelineRole> roles() {
        return roster.roles();
    }

    /**
     * Why the pipeline stopped by itself: a role stopped for good while the process ran (its reason is in the log
     * before); empty when it was closed from outside, or runs still.
     */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * After close: whether every part stopped cleanly (the roles finished or gave up their work in flight within
     * their time limits, and nothing failed to close). Before close, true.
     */
    public boolean stoppedCleanly() {
        return stoppedCleanly;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closedLatch.await();
    }

    /** Stops everything this pipeline started, in reverse order; idempotent. */
    @Override
    public void close() {
        roster.markStopping();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            LOG.info("Stopping");
            closeParts();
            LOG.info("Stopped");
        }
        closedLatch.countDown();
    }

    /** A role has stopped for good: the process cannot do its work any more, so it stops, to be restarted. */
    private void stopForGood(String role) {
        failure = "role " + role + " stopped for good (its reason is logged above); stopping, so that a supervisor "
                + "restarts the process";
        LOG.error("Role {} stopped for good; stopping the process", role);
        close();
    }

    private void startEmbedded() {
        if (!embedded) {
            return;
        }
        stack = EmbeddedStack.start(config.appConfig().embeddedSettings());
        // State stores checkpoint changelog offsets of this broker; kept beside its data, they are kept or deleted
        // with it, instead of meeting a fresh broker as corrupted tasks to wipe and restore.
        Path state = stack.dataDirectory().resolve("state");
        config = config
                .with(PipelineConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ConfigSource.EMBEDDED)
                .withIfAbsent(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl(), ConfigSource.EMBEDDED)
                .withIfAbsent(SegmenterConfig.STATE_DIR_CONFIG, state.resolve("segmenter").toString(),
                        ConfigSource.EMBEDDED)
                .withIfAbsent(StitcherConfig.STATE_DIR_CONFIG, state.resolve("stitcher").toString(),
                        ConfigSource.EMBEDDED);
        LOG.info("Embedded Kafka broker at {}, schema registry at {}, data in {}{}", stack.bootstrapServers(),
                stack.registryUrl(), stack.dataDirectory(), stack.isTemporary() ? " (deleted at shutdown)" : "");
    }

    /** A key nobody reads is most likely a typo: say so once, at start, rather than let it pass silently. */
    private void warnAboutUnknownKeys() {
        List<String> unknown = KnownKeys.unknown(config.values().keySet());
        if (!unknown.isEmpty()) {
            LOG.warn("Unknown configuration keys, passed on but read by nothing: {} (misspelled? see the README's "
                    + "configuration tables)", String.join(", ", unknown));
        }
    }

    private void createTopics(AppConfig app) {
        if (!app.getBoolean(PipelineConfig.TOPICS_CREATE_CONFIG)) {
            LOG.info("Not creating topics ({}=false)", PipelineConfig.TOPICS_CREATE_CONFIG);
            return;
        }
        TopicSetup.apply(app);
    }

    private void startEndpoints(AppConfig app) {
        meters = ProcessMeters.create();
        if (!app.metricsEnabled()) {
            LOG.info("Metrics endpoint disabled ({}={})", AppConfig.METRICS_PORT_CONFIG, AppConfig.METRICS_DISABLED);
            return;
        }
        // Readiness includes the cluster: a process cut off from its brokers does no work, though it is alive.
        probe = BrokerProbe.start(app.clientConfig(), BrokerProbe.INTERVAL, BrokerProbe.TIMEOUT);
        roster.requireBroker(probe::reachable);
        server = MetricsServer.start(app.metricsPort(), meters::scrape, roster);
        LOG.info("Metrics at {}/metrics, health at /health, readiness at /ready", server.localUrl());
    }

    private void startRoles() {
        Map<String, String> roleConfig = config.roleConfig();
        for (NamedFactory factory : selected) {
            PipelineRole role = build(factory, roleConfig);
            roster.add(role);
            try {
                role.start();
            } catch (RuntimeException e) {
                throw new IllegalStateException("role " + factory.name() + " did not start: " + e.getMessage(), e);
            }
        }
    }

    private PipelineRole build(NamedFactory factory, Map<String, String> roleConfig) {
        try {
            return factory.factory().create(roleConfig, meters.registry());
        } catch (Exception e) {
            throw new IllegalStateException("cannot build role " + factory.name() + ": " + e.getMessage(), e);
        }
    }

    /** Closes whatever has started, newest first; a part that fails to close does not keep the others open. */
    private void closeParts() {
        List<PipelineRole> roles = new ArrayList<>(roster.roles());
        Collections.reverse(roles);
        closeQuietly("role watch", watch);
        for (PipelineRole role : roles) {
            closeQuietly(role.name(), role);
            if (!role.stoppedCleanly()) {
                LOG.warn("{} did not stop cleanly", role.name());
                stoppedCleanly = false;
            }
        }
        closeQuietly("metrics server", server);
        closeQuietly("broker probe", probe);
        closeQuietly("meter registry", meters);
        closeQuietly("embedded broker and registry", stack);
    }

    private void closeQuietly(String what, AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            stoppedCleanly = false;
            LOG.warn("{} did not close cleanly: {}", what, e.toString());
        }
    }
}
