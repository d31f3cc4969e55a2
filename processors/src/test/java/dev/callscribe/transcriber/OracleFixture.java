package dev.callscribe.transcriber;

import ai.onnxruntime.OrtException;
import dev.callscribe.engine.EngineOptions;
import dev.callscribe.engine.WhisperEngine;
import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.fixtures.OracleAudio;
import dev.callscribe.fixtures.OracleAudio.Placement;
import dev.callscribe.model.ModelFolder;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.model.WhisperModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The oracle fixture model, whose transcript follows from the audio (each voiced one-second slot carries a tone
 * whose pitch names a word), opened with the real engine.
 */
final class OracleFixture {

    static final OracleAudio ORACLE = OracleAudio.fromResources();

    private OracleFixture() {
    }

    static WhisperModel model() {
        try {
            return ModelFolder.read(FixtureModel.resourceDir("oracle"), ModelOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine on one thread per operator, so two workers and a broker share the test machine fairly. */
    static WhisperEngine engine() {
        try {
            return WhisperEngine.open(model(), EngineOptions.defaults().withIntraOpThreads(1));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open the oracle fixture", e);
        }
    }

    /** {@code seconds} of 16 kHz audio holding the words, as 16-bit PCM. */
    static byte[] speech(double seconds, List<Placement> words) {
        return Payloads.pcm16(ORACLE.synthesize(words, seconds, 0.0));
    }

    /** {@code seconds} of audio holding one word in slot 1. */
    static byte[] word(double seconds, String word) {
        return speech(seconds, List.of(Placement.of(1, word)));
    }
}
