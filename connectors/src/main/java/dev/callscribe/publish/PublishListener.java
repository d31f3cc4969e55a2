package dev.callscribe.publish;

/** Hears how a publish run progresses, to show it; for example the command line's progress display. */
@FunctionalInterface
public interface PublishListener {

    /** A listener that ignores everything. */
    PublishListener NONE = progress -> { };

    /**
     * Called on the publishing thread after each chunk is handed to the producer, and once more when the run has
     * finished and every chunk is acknowledged. It should return quickly: realtime pacing waits for it.
     */
    void onProgress(PublishProgress progress);
}
