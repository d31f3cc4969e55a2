package dev.callscribe.segmenter;

import dev.callscribe.codec.SampleDecoder;
import dev.callscribe.codec.SampleEncoding;
import dev.callscribe.audio.StreamingResampler;
import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.avro.DeadLetterReason;
import java.util.Optional;
import java.util.Set;

/** Checks a chunk on its own and against the call it belongs to, before any of it is used. */
final class ChunkValidator {

    /** Rates the front-end resamples to the model's 16 kHz. */
    static final Set<Integer> SUPPORTED_RATES = StreamingResampler.supportedInputRates();

    private final int maxChannels;
    private final long maxChunkMs;

    ChunkValidator(int maxChannels, long maxChunkMs) {
        this.maxChannels = maxChannels;
        this.maxChunkMs = maxChunkMs;
    }

    /** Why the chunk cannot be used, or empty when it can. */
    Optional<ChunkRejection> check(String key, AudioChunk chunk, CallState call) {
        if (!chunk.getCallId().equals(key)) {
            return reject(DeadLetterReason.INVALID_CHUNK, "record key '" + key + "' differs from callId '"
                    + chunk.getCallId() + "'; the key must be the call id so a call stays on one partition");
        }
        if (chunk.getSeq() < 0 || chunk.getOffsetFrames() < 0) {
            return reject(DeadLetterReason.INVALID_SEQ, "seq " + chunk.getSeq() + " and offsetFrames "
                    + chunk.getOffsetFrames() + " must not be negative");
        }
        Optional<ChunkRejection> format = checkFormat(chunk);
        if (format.isPresent()) {
            return format;
        }
        if (call != null && !call.format().equals(AudioFormat.of(chunk))) {
            return reject(DeadLetterReason.INVALID_CHUNK, "format " + AudioFormat.of(chunk) + " differs from the "
                    + "call's first chunk, " + call.format() + "; a call keeps one encoding, rate and channel count");
        }
        return checkSamples(chunk);
    }

    private Optional<ChunkRejection> checkFormat(AudioChunk chunk) {
        if (chunk.getChannels() < 1 || chunk.getChannels() > maxChannels) {
            return reject(DeadLetterReason.INVALID_CHUNK, "channels " + chunk.getChannels() + " is outside 1.."
                    + maxChannels);
        }
        if (!SUPPORTED_RATES.contains(chunk.getSampleRateHz())) {
            return reject(DeadLetterReason.UNSUPPORTED_SAMPLE_RATE, "sample rate " + chunk.getSampleRateHz()
                    + " Hz is not supported; expected one of " + SUPPORTED_RATES);
        }
        int frameBytes = AudioFormat.of(chunk).frameBytes();
        if (chunk.getPayload().remaining() % frameBytes != 0) {
            return reject(DeadLetterReason.INVALID_CHUNK, "payload of " + chunk.getPayload().remaining()
                    + " bytes is not a whole number of " + frameBytes + "-byte frames");
        }
        long frames = chunk.getPayload().remaining() / frameBytes;
        if (frames * 1000 / chunk.getSampleRateHz() > maxChunkMs) {
            return reject(DeadLetterReason.OVERSIZE_CHUNK, "chunk of " + frames * 1000 / chunk.getSampleRateHz()
                    + " ms is longer than the " + maxChunkMs + " ms allowed");
        }
        return Optional.empty();
    }

    private static Optional<ChunkRejection> checkSamples(AudioChunk chunk) {
        if (chunk.getEncoding() != AudioEncoding.FLOAT32LE) {
            return Optional.empty();
        }
        try {
            byte[] payload = AudioFormat.bytes(chunk.getPayload());
            SampleDecoder.decode(payload, SampleEncoding.FLOAT32LE, chunk.getChannels());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return reject(DeadLetterReason.INVALID_SAMPLES, e.getMessage());
        }
    }

    private static Optional<ChunkRejection> reject(DeadLetterReason reason, String message) {
        return Optional.of(new ChunkRejection(reason, message));
    }
}
