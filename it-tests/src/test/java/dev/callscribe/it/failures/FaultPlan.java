package dev.callscribe.it.failures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The faults of one run, drawn from a seed: which, when (after the calls start) and on which process (an index into
 * the members of the fault's kind). The same seed gives the same plan, so a failing run is repeated by its seed.
 *
 * @param seed   what the plan was drawn from
 * @param faults the faults in the order they happen
 */
record FaultPlan(long seed, List<Planned> faults) {

    /** One fault: when, what, and which process when it concerns one. */
    record Planned(Duration at, Fault fault, int target) {
        @Override
        public String toString() {
            return fault + "@" + at.toMillis() / 1000.0 + "s#" + target;
        }
    }

    /**
     * The given faults, in an order and at times drawn from the seed between {@code from} and {@code to}.
     *
     * @param targets how many processes a fault may pick among
     */
    static FaultPlan of(long seed, List<Fault> faults, Duration from, Duration to, int targets) {
        Random random = new Random(seed);
        List<Planned> planned = new ArrayList<>();
        long span = to.toMillis() - from.toMillis();
        for (Fault fault : faults) {
            Duration at = from.plusMillis((long) (random.nextDouble() * span));
            planned.add(new Planned(at, fault, random.nextInt(targets)));
        }
        planned.sort(Comparator.comparing(Planned::at));
        return new FaultPlan(seed, List.copyOf(planned));
    }

    /** {@code count} faults drawn from {@code kinds} with the seed, then planned as {@link #of} does. */
    static FaultPlan drawn(long seed, int count, List<Fault> kinds, Duration from, Duration to, int targets) {
        Random random = new Random(~seed);
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            faults.add(kinds.get(random.nextInt(kinds.size())));
        }
        return of(seed, faults, from, to, targets);
    }

    /** How many of the faults are kills. */
    long kills() {
        return faults.stream().filter(planned -> planned.fault().isKill()).count();
    }
}
