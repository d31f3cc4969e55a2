package dev.callscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.codec.WavReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log-mel features against reference files computed independently in float64 numpy following openai/whisper
 * (fixtures/reference/README.md says how).
 */
class LogMelReferenceTest {

    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest(name = "{0} mel bands")
    @ValueSource(ints = {80, 128})
    void shouldMatchTheReferenceLogMelOfTheAgentRecording(int nMels) throws IOException {
        // Given the 16 kHz mono reference recording and its reference features
        Path wav = ReferenceFiles.path(ReferenceFiles.AGENT_16K);
        Path reference = ReferenceFiles.path(ReferenceFiles.agentLogMel(nMels));
        float[] samples = WavReader.read(wav).decodeChannels()[0];
        float[] expected = readFloats(reference);

        // When
        float[] actual = new LogMelSpectrogram(LogMelOptions.forMels(nMels)).compute(samples);

        // Then
        assertThat(actual).hasSameSizeAs(expected);
        double maxError = maxAbsDifference(actual, expected);
        System.out.printf("log-mel %d: max abs error vs reference %.3g%n", nMels, maxError);
        assertThat(maxError).isLessThanOrEqualTo(TOLERANCE);
    }

    static float[] readFloats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    static double maxAbsDifference(float[] a, float[] b) {
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
