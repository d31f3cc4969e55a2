package dev.callscribe.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds small WAV files in memory for tests: any format tag, optional EXTENSIBLE wrapping, extra chunks. */
final class WavBytes {

    private int formatTag = 1;
    private int channels = 1;
    private int sampleRateHz = 16_000;
    private int bitsPerSample = 16;
    private boolean extensible;
    private final ByteArrayOutputStream chunksBeforeData = new ByteArrayOutputStream();
    private byte[] payload = new byte[0];
    private Integer declaredDataSize;

    static WavBytes pcm16(int channels, int sampleRateHz) {
        return new WavBytes().format(1, 16).channels(channels).rate(sampleRateHz);
    }

    WavBytes format(int tag, int bits) {
        this.formatTag = tag;
        this.bitsPerSample = bits;
        return this;
    }

    WavBytes channels(int count) {
        this.channels = count;
        return this;
    }

    WavBytes rate(int hz) {
        this.sampleRateHz = hz;
        return this;
    }

    WavBytes extensible() {
        this.extensible = true;
        return this;
    }

    WavBytes chunk(String id, byte[] body) {
        byte[] header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).array();
        chunksBeforeData.writeBytes(header);
        chunksBeforeData.writeBytes(body);
        if (body.length % 2 == 1) {
            chunksBeforeData.write(0);
        }
        return this;
    }

    WavBytes payload(byte[] bytes) {
        this.payload = bytes;
        return this;
    }

    /** Writes this size in the data chunk header instead of the payload's length (as streaming writers do). */
    WavBytes declaredDataSize(int size) {
        this.declaredDataSize = size;
        return this;
    }

    byte[] build() {
        byte[] fmt = fmtBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int riffSize = 4 + 8 + fmt.length + chunksBeforeData.size() + 8 + payload.length;
        out.writeBytes(header("RIFF", riffSize));
        out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(header("fmt ", fmt.length));
        out.writeBytes(fmt);
        out.writeBytes(chunksBeforeData.toByteArray());
        out.writeBytes(header("data", declaredDataSize != null ? declaredDataSize : payload.length));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private byte[] fmtBody() {
        int blockAlign = channels * bitsPerSample / 8;
        ByteBuffer fmt = ByteBuffer.allocate(extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) (extensible ? 0xFFFE : formatTag)).putShort((short) channels).putInt(sampleRateHz)
                .putInt(sampleRateHz * blockAlign).putShort((short) blockAlign).putShort((short) bitsPerSample);
        if (extensible) {
            fmt.putShort((short) 22).putShort((short) bitsPerSample).putInt(channels == 2 ? 3 : 4);
            fmt.putShort((short) formatTag).put(new byte[] {
                0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
            });
        }
        return fmt.array();
    }

    private static byte[] header(String id, int size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .put(id.getBytes(StandardCharsets.US_ASCII)).putInt(size).array();
    }

    /** Little-endian bytes of 16-bit samples. */
    static byte[] shorts(int... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            bytes.putShort((short) value);
        }
        return bytes.array();
    }

    /** Little-endian bytes of 32-bit float samples. */
    static byte[] floats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }
}
