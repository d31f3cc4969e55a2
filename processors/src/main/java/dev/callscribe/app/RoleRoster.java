package dev.callscribe.app;

import dev.callscribe.pipeline.PipelineRole;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roles a process has started, as the health and readiness endpoints see them. Healthy: every started role says
 * it is alive. Ready: start-up has finished, shutdown has not begun, the Kafka cluster answers (where
 * {@link #requireBroker} was given a check), and every role says it is doing its work.
 * Thread-safe: the start-up thread adds roles while the HTTP server reads them.
 */
public final class RoleRoster {

    private static final Logger LOG = LoggerFactory.getLogger(RoleRoster.class);

    private final List<PipelineRole> roles = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile boolean stopping;
    private volatile BooleanSupplier broker;

    /** Records a started role. */
    public void add(PipelineRole role) {
        roles.add(role);
    }

    /**
     * Makes readiness depend on the Kafka cluster answering as well (see {@link BrokerProbe}); health does not.
     */
    public void requireBroker(BooleanSupplier reachable) {
        broker = reachable;
    }

    /** Start-up has finished: every role was started. */
    public void markStarted() {
        started = true;
    }

    /** Shutdown has begun: the process is no longer ready. */
    public void markStopping() {
        stopping = true;
    }

    /** Whether shutdown has begun. */
    public boolean stopping() {
        return stopping;
    }

    /** The name of the first started role that says it is no longer alive; empty when every one is. */
    public Optional<String> firstUnhealthy() {
        return roles.stream().filter(role -> !ask(role, PipelineRole::isHealthy, "isHealthy"))
                .map(PipelineRole::name).findFirst();
    }

    /** The started roles, in start order. */
    public List<PipelineRole> roles() {
        return List.copyOf(roles);
    }

    /** Whether every started role is alive (true before any has started). */
    public boolean healthy() {
        return roles.stream().allMatch(role -> ask(role, PipelineRole::isHealthy, "isHealthy"));
    }

    /** Whether start-up has finished, shutdown has not begun, the cluster answers, and every role is ready. */
    public boolean ready() {
        return started && !stopping && brokerReachable()
                && roles.stream().allMatch(role -> ask(role, PipelineRole::isReady, "isReady"));
    }

    private boolean brokerReachable() {
        BooleanSupplier check = broker;
        return check == null || check.getAsBoolean();
    }

    /**
     * The roles' states as a small JSON document, for example
     * {@code {"status":"UP","broker":"reachable","roles":[{"name":"segmenter","healthy":true,"ready":true}]}}
     * ({@code broker} only where readiness depends on it: reachable or unreachable).
     */
    public String json(String status) {
        StringBuilder json = new StringBuilder("{\"status\":\"").append(escape(status)).append('"');
        if (broker != null) {
            json.append(",\"broker\":\"").append(brokerReachable() ? "reachable" : "unreachable").append('"');
        }
        json.append(",\"roles\":[");
        String separator = "";
        for (PipelineRole role : roles) {
            json.append(separator)
                    .append("{\"name\":\"").append(escape(role.name()))
                    .append("\",\"healthy\":").append(ask(role, PipelineRole::isHealthy, "isHealthy"))
                    .append(",\"ready\":").append(ask(role, PipelineRole::isReady, "isReady"))
                    .append('}');
            separator = ",";
        }
        return json.append("]}").toString();
    }

    /** A role whose check throws counts as failing the check. */
    private static boolean ask(PipelineRole role, Predicate<PipelineRole> check, String what) {
        try {
            return check.test(role);
        } catch (RuntimeException e) {
            LOG.debug("{}.{} threw", role.name(), what, e);
            return false;
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
