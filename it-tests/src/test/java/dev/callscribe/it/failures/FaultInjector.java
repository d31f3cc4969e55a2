package dev.callscribe.it.failures;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
    /** The faults in effect, by what they took away (the broker, the registry, a hung process). */
    private final Map<String, Outage> outages = new HashMap<>();

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
            case RESTART_BROKER -> takeAway("broker", BROKER_DOWN, backbone::stopBroker, backbone::startBroker);
            case REGISTRY_OUTAGE -> takeAway("registry", REGISTRY_DOWN, backbone::stopRegistry,
                    backbone::startRegistry);
            case HANG_TRANSCRIBER -> {
                String hung = target(Fleet.Kind.TRANSCRIBER, planned);
                takeAway("hung " + hung, hang, () -> fleet.pause(hung), () -> fleet.resume(hung));
            }
            default -> throw new IllegalArgumentException("unknown fault " + planned.fault());
        }
    }

    /** Ends the outages whose time is up. */
    void endDueOutages() {
        long now = System.nanoTime();
        for (Iterator<Outage> due = outages.values().iterator(); due.hasNext(); ) {
            Outage outage = due.next();
            if (now - outage.endsAtNanos() >= 0) {
                outage.end().run();
                due.remove();
            }
        }
    }

    /**
     * Takes something away for {@code duration}; taken away again while it is gone, it stays gone until the later of
     * the two ends.
     */
    private void takeAway(String what, Duration duration, Runnable stop, Runnable restore) {
        long endsAt = System.nanoTime() + duration.toNanos();
        Outage current = outages.get(what);
        if (current == null) {
            stop.run();
            outages.put(what, new Outage(endsAt, restore));
        } else if (endsAt - current.endsAtNanos() > 0) {
            outages.put(what, new Outage(endsAt, current.end()));
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
