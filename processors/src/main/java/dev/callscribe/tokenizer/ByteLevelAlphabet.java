package dev.callscribe.tokenizer;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;

/**
 * GPT-2's reversible map between bytes and printable characters ({@code bytes_to_unicode}), used by byte-level BPE:
 * every byte of UTF-8 text becomes one visible character, so vocabulary entries are plain strings without spaces or
 * control characters (a space is {@code 'Ġ'}, a newline {@code 'Ċ'}).
 *
 * <p>Stateless and thread-safe.
 */
final class ByteLevelAlphabet {

    private static final int BYTE_VALUES = 256;
    private static final char[] CHAR_OF_BYTE = new char[BYTE_VALUES];
    private static final int[] BYTE_OF_CHAR = new int[2 * BYTE_VALUES];

    static {
        Arrays.fill(BYTE_OF_CHAR, -1);
        int shifted = 0;
        for (int value = 0; value < BYTE_VALUES; value++) {
            // Printable Latin-1 bytes stand for themselves; the others are moved past 255, in byte order.
            char symbol = isPrintable(value) ? (char) value : (char) (BYTE_VALUES + shifted++);
            CHAR_OF_BYTE[value] = symbol;
            BYTE_OF_CHAR[symbol] = value;
        }
    }

    private ByteLevelAlphabet() {
    }

    private static boolean isPrintable(int value) {
        return value >= '!' && value <= '~' || value >= 0xA1 && value <= 0xAC || value >= 0xAE && value <= 0xFF;
    }

    /** Returns the byte-level string of the UTF-8 encoding of {@code text}: one character per byte. */
    static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the byte-level string of raw bytes: one character per byte. */
    static String encode(byte[] bytes) {
        StringBuilder symbols = new StringBuilder(bytes.length);
        for (byte value : bytes) {
            symbols.append(CHAR_OF_BYTE[value & 0xFF]);
        }
        return symbols.toString();
    }

    /**
     * Returns the bytes a token string stands for. As Hugging Face's ByteLevel decoder does, a token with a
     * character outside the alphabet (an added token such as {@code <|en|>} written in plain text) contributes its
     * own UTF-8 bytes instead.
     */
    static byte[] decode(String token) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(token.length());
        for (int i = 0; i < token.length(); i++) {
            int value = byteOf(token.charAt(i));
            if (value < 0) {
                return token.getBytes(StandardCharsets.UTF_8);
            }
            bytes.write(value);
        }
        return bytes.toByteArray();
    }

    private static int byteOf(char symbol) {
        return symbol < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[symbol] : -1;
    }
}
