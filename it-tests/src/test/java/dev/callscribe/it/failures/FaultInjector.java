package dev.callscribe.it.failures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Puts a run's faults into effect: kills at once; a broker restart, a registry outage or a hung process for a while,
 * ended by {@link #endDueOutages()} when its time is up. Driven by the run's loop, one thread.
 */
final class FaultInjector {

    /** A broker restart's downtime: long enough for every client to notice, short against the clients' timeouts. */
    static final Duration BROKER_DOWN = Duration.ofSeconds(5);
    /** Longer than the registry client's three retries (1 + 2 + 4 s of backoff, connection refused at once). */
    static final Duration REGISTRY_DOWN = Duration.ofSeconds(15);
    /** How much longer than its transaction timeout a hung transcriber stays stopped. */
    static final Duration PAST_TRANSACTION_TIMEOUT = Duration.ofSeconds(3);

    private final Backbone backbone;
    private final Fleet fleet;
    private final Duration hang;
    private final List<Outage> outages = new ArrayList<>();

    /** A fault in effect until {@code endsAtNanos}; {@code end} undoes it. */
    private record Outage(long endsAtNanos, Runnable end) {
    }

    /** @param transactionTimeout the transcribers' transaction timeout, which a hang outlasts */
    FaultInjector(Backbone backbone, Fleet fleet, Duration transactionTimeout) {
        this.backbone = backbone;
        this.fleet = fleet;
        this.hang = transactionTimeout.plus(PAST_TRANSACTION_TIMEOUT);
    }

    /** Puts a fault into effect now. */
    void inject(FaultPlan.Planned planned) {
        switch (planned.fault()) {
            case KILL_TRANSCRIBER -> fleet.kill(target(Fleet.Kind.TRANSCRIBER, planned));
            case KILL_STREAMS -> fleet.kill(target(Fleet.Kind.STREAMS, planned));
            case RESTART_BROKER -> {
                backbone.stopBroker();
                outages.add(new Outage(System.nanoTime() + BROKER_DOWN.toNanos(), backbone::startBroker));
            }
            case REGISTRY_OUTAGE -> {
                backbone.stopRegistry();
                outages.add(new Outage(System.nanoTime() + REGISTRY_DOWN.toNanos(), backbone::startRegistry));
            }
            case HANG_TRANSCRIBER -> {
                String hung = target(Fleet.Kind.TRANSCRIBER, planned);
                fleet.pause(hung);
                outages.add(new Outage(System.nanoTime() + hang.toNanos(), () -> fleet.resume(hung)));
            }
            default -> throw new IllegalArgumentException("unknown fault " + planned.fault());
        }
    }

    /** Ends the outages whose time is up. */
    void endDueOutages() {
        long now = System.nanoTime();
        for (Iterator<Outage> due = outages.iterator(); due.hasNext(); ) {
            Outage outage = due.next();
            if (now - outage.endsAtNanos() >= 0) {
                outage.end().run();
                due.remove();
            }
        }
    }

    /** Whether no fault is in effect. */
    boolean isIdle() {
        return outages.isEmpty();
    }

    private String target(Fleet.Kind kind, FaultPlan.Planned planned) {
        List<String> names = fleet.namesOf(kind);
        return names.get(planned.target() % names.size());
    }
}
