package dev.callscribe.longform;

import java.util.List;
import java.util.Objects;

/**
 * What the decoder produced for one window: the tokens it generated, prompt excluded, with the window they
 * describe. Forced prefix tokens ({@code <|startoftranscript|>}, language, task) and end-of-text may be included;
 * the merge skips special tokens. A text prompt ({@code <|startofprev|>} ...) must not be included.
 *
 * @param window where the window lies on the audio's timeline, with its strides
 * @param tokenIds generated token ids, timestamps included when the model predicted them
 */
public record WindowTokens(AudioWindow window, List<Integer> tokenIds) {

    /** Copies the ids. */
    public WindowTokens {
        Objects.requireNonNull(window, "window");
        tokenIds = List.copyOf(tokenIds);
    }
}
