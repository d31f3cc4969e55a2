package dev.callscribe.app;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Looks at the started roles once per interval and reports the first one that is no longer alive (a fenced or
 * failed transcriber, a Streams role whose threads died), once. A process whose role has stopped for good does no
 * work while looking alive to nobody; reporting it lets the process stop and exit non-zero, so its supervisor
 * (systemd, Kubernetes, Docker) restarts it. Roles found unhealthy after shutdown has begun are not reported: a
 * closing Streams role is "not running" on purpose.
 *
 * <p>Owns one daemon thread until {@link #close()}, which is idempotent and does not interrupt a report in progress
 * (the report may be what is closing the pipeline).
 */
final class RoleWatch implements AutoCloseable {

    /** Short against a supervisor's restart back-off, long against the cost of asking each role. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer;

    private RoleWatch(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts watching.
     *
     * @param roster the roles
     * @param onFailure given the name of the first role found unhealthy while the process runs; called at most once,
     *     on the watch's thread
     * @param interval how often to look
     */
    static RoleWatch start(RoleRoster roster, Consumer<String> onFailure, Duration interval) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "callscribe-role-watch");
            thread.setDaemon(true);
            return thread;
        });
        RoleWatch watch = new RoleWatch(timer);
        timer.scheduleWithFixedDelay(() -> watch.check(roster, onFailure), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return watch;
    }

    private void check(RoleRoster roster, Consumer<String> onFailure) {
        Optional<String> failed = roster.firstUnhealthy();
        // Read after the health: a role made unhealthy by shutdown was made so after shutdown was marked.
        if (failed.isEmpty() || roster.stopping()) {
            return;
        }
        timer.shutdown();
        onFailure.accept(failed.get());
    }

    @Override
    public void close() {
        timer.shutdown();
    }
}
