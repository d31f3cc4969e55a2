package dev.callscribe.tokenizer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small byte-level BPE tokenizers under src/test/resources/model-loading/tokenizer. */
final class TokenizerResources {

    static final String STRING_MERGES = "tokenizer.json";
    static final String ARRAY_MERGES = "tokenizer-array-merges.json";

    private TokenizerResources() {
    }

    static Path path(String name) {
        URL url = TokenizerResources.class.getResource("/model-loading/tokenizer/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource model-loading/tokenizer/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) throws IOException {
        return Files.readString(path(name), StandardCharsets.UTF_8);
    }

    static WhisperTokenizer load(String name) throws IOException {
        return WhisperTokenizer.load(path(name));
    }
}
