package dev.callscribe.publish;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.AudioEncoding;
import dev.callscribe.codec.WavAudio;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

/**
 * Cuts one call's audio into the AudioChunks a contact center publishes on {@code calls.audio}: {@code seq}
 * consecutive from 0, each chunk a whole number of frames in the recording's own encoding, rate and channels,
 * {@code offsetFrames} counting from the call's start, the last chunk flagged {@code last}. Chunks are made on
 * demand by index, so a publisher that resumes (the Connect source after a restart) starts from any chunk without
 * cutting the ones before it. Speakers go on every chunk, metadata on the first only.
 */
public final class CallChunker {

    private final CallInfo call;
    private final WavAudio audio;
    private final AudioEncoding encoding;
    private final int frameBytes;
    private final int framesPerChunk;
    private final int chunkCount;

    /**
     * @param chunkLength how much audio each chunk holds (the last may hold less); at least one frame
     * @throws IllegalArgumentException if the audio is empty or the chunk length is shorter than one frame
     */
    public CallChunker(CallInfo call, WavAudio audio, Duration chunkLength) {
        long frames = chunkLength.toNanos() * audio.sampleRateHz() / 1_000_000_000L;
        if (frames < 1 || frames > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chunk length " + chunkLength + " is not between one frame and 2^31"
                    + " frames at " + audio.sampleRateHz() + " Hz");
        }
        if (audio.frameCount() == 0) {
            throw new IllegalArgumentException("call " + call.callId() + " has no audio");
        }
        this.call = call;
        this.audio = audio;
        this.encoding = AudioEncoding.valueOf(audio.encoding().name());
        this.frameBytes = audio.encoding().bytesPerSample() * audio.channels();
        this.framesPerChunk = (int) frames;
        this.chunkCount = (int) ((audio.frameCount() + frames - 1) / frames);
    }

    public CallInfo call() {
        return call;
    }

    /** How many chunks the call has. */
    public int chunkCount() {
        return chunkCount;
    }

    /** The position in the call where chunk {@code seq} ends (where its last frame was captured). */
    public Duration endOf(int seq) {
        return Duration.ofNanos(endFrame(seq) * 1_000_000_000L / audio.sampleRateHz());
    }

    /**
     * Chunk {@code seq} of the call.
     *
     * @param capturedAt when its last frame was captured: end-to-end latency is measured from here
     * @throws IndexOutOfBoundsException if {@code seq} is not below {@link #chunkCount()}
     */
    public AudioChunk chunk(int seq, Instant capturedAt) {
        if (seq < 0 || seq >= chunkCount) {
            throw new IndexOutOfBoundsException("chunk " + seq + " of a call with " + chunkCount + " chunks");
        }
        long from = (long) seq * framesPerChunk;
        long to = endFrame(seq);
        ByteBuffer payload = ByteBuffer.wrap(audio.payload(), (int) (from * frameBytes),
                (int) ((to - from) * frameBytes)).slice();
        return AudioChunk.newBuilder()
                .setCallId(call.callId()).setSeq(seq)
                .setEncoding(encoding).setSampleRateHz(audio.sampleRateHz()).setChannels(audio.channels())
                .setPayload(payload).setOffsetFrames(from)
                .setLast(seq == chunkCount - 1)
                .setCapturedAt(capturedAt)
                .setSpeakers(call.speakers())
                .setMetadata(seq == 0 ? call.metadata() : null)
                .build();
    }

    private long endFrame(int seq) {
        return Math.min(audio.frameCount(), (long) (seq + 1) * framesPerChunk);
    }
}
