package dev.callscribe.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) as requests to stop, in place of the JVM's own handling. The JVM would begin its
 * shutdown on the signal and end with status 128 + the signal's number (143, 130) whatever the program returns,
 * though the roles stopped cleanly. Here the first signal runs the stop action (which closes the roles, on the
 * signal's handler thread) and the command returns its own status, so a clean stop exits 0 and one that was not
 * clean exits 1. A second signal while stopping ends the process at once with 128 + its number, as a user pressing
 * Ctrl-C twice expects.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported), as Kafka's own signal logging does; where the JVM does
 * not let it take a signal (run with {@code -Xrs}, say), that signal keeps the JVM's handling and the shutdown hook
 * still stops the roles.
 */
final class StopSignals {

    /** The signals that ask for a graceful stop. */
    static final List<String> SIGNALS = List.of("TERM", "INT");
    /** What a shell reports for a process ended by signal N. */
    private static final int SIGNAL_EXIT_BASE = 128;

    private StopSignals() {
    }

    /** Installs the handlers; {@code stop} runs once, on the first signal. */
    static void install(Runnable stop) {
        Logger log = LoggerFactory.getLogger(StopSignals.class);
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (stopping.compareAndSet(false, true)) {
                        log.info("SIG{} received: stopping (send it again to stop at once)", signal.getName());
                        stop.run();
                    } else {
                        log.warn("SIG{} received again: stopping at once", signal.getName());
                        Runtime.getRuntime().halt(SIGNAL_EXIT_BASE + signal.getNumber());
                    }
                });
            } catch (IllegalArgumentException e) {
                log.debug("SIG{} keeps the JVM's handling: {}", name, e.getMessage());
            }
        }
    }
}
