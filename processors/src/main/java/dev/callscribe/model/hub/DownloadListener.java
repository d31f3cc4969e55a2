package dev.callscribe.model.hub;

/**
 * Hears about file downloads. A download calls {@code onStart} once, {@code onProgress} after every block it writes
 * (often: a listener that logs must throttle itself), and {@code onComplete} once the file is verified and in the
 * cache. Files already in the cache cause no calls. Calls for one file come from one thread, in order; a listener
 * shared between clients must be thread-safe.
 */
public interface DownloadListener {

    /** Called before the first byte is fetched; {@code bytesDone} is the size of a partial download resumed. */
    default void onStart(DownloadProgress progress) {
        // nothing by default
    }

    /** Called after each block written. */
    default void onProgress(DownloadProgress progress) {
        // nothing by default
    }

    /** Called once the file is verified and in place. */
    default void onComplete(DownloadProgress progress) {
        // nothing by default
    }

    /** Returns a listener that ignores everything. */
    static DownloadListener none() {
        return new DownloadListener() {
        };
    }
}
