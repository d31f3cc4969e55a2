package dev.callscribe.stitcher;

import dev.callscribe.longform.TokenText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Text of merged token ids from the bytes each token carried: byte-level BPE, so bytes concatenate, then decode. */
record TokenBytesText(Map<Integer, String> tokenBytes) implements TokenText {

    @Override
    public String decode(List<Integer> ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            String encoded = tokenBytes.get(id);
            if (encoded != null) {
                bytes.writeBytes(Base64.getDecoder().decode(encoded));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
