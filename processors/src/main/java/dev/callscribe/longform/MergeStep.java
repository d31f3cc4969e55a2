package dev.callscribe.longform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of feeding one window to {@link ChunkMerger#accept}.
 *
 * @param state the state to pass with the next window, or to {@link ChunkMerger#finish}
 * @param settled segments closed by this window, in order; final, never revised
 * @param interim the open segment as it would be if the stream ended now (its text may still change and its
 *                end is provisional: the end of the audio seen); empty when no text is pending
 */
public record MergeStep(MergeState state, List<TranscriptSegment> settled, Optional<TranscriptSegment> interim) {

    /** Copies the list. */
    public MergeStep {
        Objects.requireNonNull(state, "state");
        settled = List.copyOf(settled);
        Objects.requireNonNull(interim, "interim");
    }
}
