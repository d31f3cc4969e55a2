package dev.callscribe.deadletters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callscribe.tail.AvroJson;
import dev.callscribe.tail.DeadLetterText;

/** How a dead letter is shown: one line of text for a person, or one JSON object for {@code jq}. */
public final class DeadLetterViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterViews() {
    }

    /**
     * One line: when, which stage, why, where the record was read, the call, and the reason in words, e.g.
     * {@code 2026-12-08T01:22:42.645Z segmenter OVERSIZE_CHUNK calls.audio-1@60 call big-1: chunk of 12000 ms ...}.
     */
    public static String line(StoredDeadLetter stored) {
        return DeadLetterText.line(stored.letter());
    }

    /**
     * One JSON object: where the letter is kept ({@code "position"}), then every field of the letter by name, the
     * original key and value as base64.
     */
    public static String json(StoredDeadLetter stored) {
        ObjectNode node = JSON.createObjectNode().put("position", stored.position());
        return AvroJson.putFields(stored.letter(), node).toString();
    }
}
