package dev.callscribe.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One entry of the legacy {@code forced_decoder_ids} of {@code generation_config.json}, such as {@code [1, null]}
 * (position 1 is left to language detection) or {@code [2, 50360]} (position 2 is the transcribe token).
 *
 * @param position the decoder position, counted from 1 after the start-of-transcript token
 * @param tokenId  the token forced there, or empty where the file has {@code null}
 */
public record ForcedDecoderId(int position, OptionalInt tokenId) {

    /** Checks the position is positive. */
    public ForcedDecoderId {
        Objects.requireNonNull(tokenId, "tokenId");
        if (position < 1) {
            throw new IllegalArgumentException("forced decoder position must be at least 1, got " + position);
        }
    }
}
