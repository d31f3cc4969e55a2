package dev.callscribe.publish;

import dev.callscribe.codec.WavAudio;
import java.util.Objects;

/**
 * A recording read into memory, ready to be cut into chunks: where it came from and its audio.
 *
 * <p>The audio's payload is shared, never copied, by every call replayed from this recording, so a load generator
 * replaying one file as many calls holds it once.
 *
 * @param name the file name it was read from (used in messages and to name calls)
 * @param audio its format and payload, at least one frame
 */
public record Recording(String name, WavAudio audio) {

    /** Checks that there is a name and at least one frame of audio. */
    public Recording {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(audio, "audio");
        if (audio.frameCount() == 0) {
            throw new IllegalArgumentException("no audio (0 frames)");
        }
    }

    /** The name without its extension ({@code call-42} for {@code call-42.wav}). */
    public String stem() {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
