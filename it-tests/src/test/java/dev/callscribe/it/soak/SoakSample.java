package dev.callscribe.it.soak;

import java.util.Locale;

/**
 * What the soak measures once a minute.
 *
 * @param minute          minutes since the calls started
 * @param calls           calls published so far
 * @param heapAfterGcBytes the process's heap in use right after a full GC it was asked for
 * @param stateBytes      the size of its state directories on disk (RocksDB stores and checkpoints)
 * @param changelogBytes  the size of the Streams roles' changelog topics on the broker
 */
record SoakSample(int minute, long calls, long heapAfterGcBytes, long stateBytes, long changelogBytes) {

    static String header() {
        return "minute  calls  heap after GC (MB)  state stores (MB)  changelogs (MB)";
    }

    String row() {
        return String.format(Locale.ROOT, "%6d %6d %19.1f %18.1f %16.1f", minute, calls, mb(heapAfterGcBytes),
                mb(stateBytes), mb(changelogBytes));
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
