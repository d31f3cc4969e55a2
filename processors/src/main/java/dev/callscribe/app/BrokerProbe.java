package dev.callscribe.app;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Kafka cluster answers, for the readiness endpoint: a process that cannot reach its brokers does no
 * work, so it is not ready, though it stays alive (a restart would not bring the brokers back). Every
 * {@link #INTERVAL} an admin client asks for the cluster's nodes ({@code describeCluster}, one small request) and
 * waits at most {@link #TIMEOUT}; {@link #reachable()} answers the last result at once, so a probe never waits for
 * the broker. A broker outage therefore shows within {@code INTERVAL + TIMEOUT} (5 s), its end within
 * {@code INTERVAL} plus a reconnect.
 *
 * <p>Owns an admin client and one daemon thread until {@link #close()}, which is idempotent.
 */
public final class BrokerProbe implements AutoCloseable {

    /** How often the cluster is asked. */
    public static final Duration INTERVAL = Duration.ofSeconds(2);
    /** How long one answer may take before the cluster counts as unreachable. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(BrokerProbe.class);

    private final Admin admin;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private volatile boolean reachable;
    private volatile boolean reported = true;

    private BrokerProbe(Admin admin, ScheduledExecutorService timer, Duration timeout) {
        this.admin = admin;
        this.timer = timer;
        this.timeout = timeout;
    }

    /**
     * Starts asking at once; {@link #reachable()} is false until the first answer.
     *
     * @param clientConfig the process's Kafka client settings (bootstrap servers, security); keys an admin client
     *     does not know are left out
     */
    public static BrokerProbe start(Map<String, Object> clientConfig, Duration interval, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.keySet().retainAll(AdminClientConfig.configNames());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "callscribe-readiness");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "callscribe-broker-probe");
            thread.setDaemon(true);
            return thread;
        });
        BrokerProbe probe = new BrokerProbe(Admin.create(config), timer, timeout);
        timer.scheduleWithFixedDelay(probe::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    /** Whether the cluster answered the last question in time. */
    public boolean reachable() {
        return reachable;
    }

    private void check() {
        boolean answered;
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions()
                    .timeoutMs((int) timeout.toMillis())).nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            answered = !nodes.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            answered = false;
        }
        reachable = answered;
        if (answered != reported) {
            reported = answered;
            if (answered) {
                LOG.info("The Kafka cluster answers again: ready");
            } else {
                LOG.warn("The Kafka cluster did not answer within {} ms: not ready until it does", timeout.toMillis());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ZERO);
    }
}
