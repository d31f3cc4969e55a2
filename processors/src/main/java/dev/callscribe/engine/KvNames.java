package dev.callscribe.engine;

import java.util.Set;

/** The tensor names of the Optimum Whisper export's attention cache, per decoder layer. */
final class KvNames {

    static final String INPUT_IDS = "input_ids";
    static final String ENCODER_HIDDEN_STATES = "encoder_hidden_states";
    static final String USE_CACHE_BRANCH = "use_cache_branch";
    static final String CACHE_POSITION = "cache_position";
    static final String LOGITS = "logits";
    static final String[] PARTS = {"key", "value"};

    private KvNames() {
    }

    /** {@code past_key_values.{layer}.{decoder|encoder}.{key|value}}: a cache input. */
    static String past(int layer, String attention, String part) {
        return "past_key_values." + layer + "." + attention + "." + part;
    }

    /** {@code present.{layer}.{decoder|encoder}.{key|value}}: a cache output. */
    static String present(int layer, String attention, String part) {
        return "present." + layer + "." + attention + "." + part;
    }

    /** Decoder layers, counted from the graph's {@code present.*.decoder.key} outputs. */
    static int countLayers(Set<String> outputNames) {
        int layers = 0;
        while (outputNames.contains(present(layers, "decoder", "key"))) {
            layers++;
        }
        if (layers == 0) {
            throw new IllegalArgumentException("The decoder graph has no present.0.decoder.key output; expected an "
                    + "Optimum Whisper export with past key values (outputs: " + outputNames + ")");
        }
        return layers;
    }
}
