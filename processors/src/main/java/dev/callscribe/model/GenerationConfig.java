package dev.callscribe.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callscribe.tokenizer.WhisperSpecialTokens;
import dev.callscribe.tokenizer.WhisperTokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How Whisper generates, from {@code generation_config.json}. A key the file lacks is taken from {@code config.json}
 * (where older exports kept it, and where Hugging Face looks too), else from the tokenizer's special tokens, as
 * listed per component.
 *
 * @param decoderStartTokenId      {@code decoder_start_token_id}; else {@code <|startoftranscript|>}
 * @param eosTokenId               {@code eos_token_id} (the first, if a list); else {@code <|endoftext|>}
 * @param padTokenId               {@code pad_token_id}; else the end token
 * @param noTimestampsTokenId      {@code no_timestamps_token_id}; else {@code <|notimestamps|>}. Timestamps start
 *                                 at this id + 1
 * @param prevSotTokenId           {@code prev_sot_token_id}; else {@code <|startofprev|>}
 * @param multilingual             {@code is_multilingual}; else whether {@code lang_to_id} is present
 * @param langToId                 {@code lang_to_id}, e.g. {@code "<|en|>" -> 50259}, in file order; else, for a
 *                                 multilingual model, the tokenizer's language tokens; else empty
 * @param taskToId                 {@code task_to_id}, e.g. {@code "transcribe" -> 50360}; else the tokenizer's
 *                                 {@code <|transcribe|>} and {@code <|translate|>}
 * @param suppressTokens           {@code suppress_tokens}: never generated; else none
 * @param beginSuppressTokens      {@code begin_suppress_tokens}: not generated first; else the space token(s) and
 *                                 the end token, as OpenAI's SuppressBlank
 * @param maxInitialTimestampIndex {@code max_initial_timestamp_index}: limit of the first timestamp, in 0.02 s
 *                                 steps; empty where the files have none (no limit, as in Hugging Face)
 * @param maxLength                {@code max_length}: tokens, prompt included; else config.json's
 *                                 {@code max_target_positions}
 * @param forcedDecoderIds         legacy {@code forced_decoder_ids}; else empty
 */
public record GenerationConfig(
    int decoderStartTokenId,
    int eosTokenId,
    int padTokenId,
    int noTimestampsTokenId,
    int prevSotTokenId,
    boolean multilingual,
    Map<String, Integer> langToId,
    Map<String, Integer> taskToId,
    List<Integer> suppressTokens,
    List<Integer> beginSuppressTokens,
    OptionalInt maxInitialTimestampIndex,
    int maxLength,
    List<ForcedDecoderId> forcedDecoderIds) {

    /** Copies the collections, keeping map order. */
    public GenerationConfig {
        langToId = Collections.unmodifiableMap(new LinkedHashMap<>(langToId));
        taskToId = Collections.unmodifiableMap(new LinkedHashMap<>(taskToId));
        suppressTokens = List.copyOf(suppressTokens);
        beginSuppressTokens = List.copyOf(beginSuppressTokens);
        Objects.requireNonNull(maxInitialTimestampIndex, "maxInitialTimestampIndex");
        forcedDecoderIds = List.copyOf(forcedDecoderIds);
        if (maxLength <= 0) {
            throw new IllegalArgumentException("max_length must be positive, got " + maxLength);
        }
    }

    /** Returns the first timestamp token's id, {@code no_timestamps_token_id + 1}. */
    public int timestampBegin() {
        return noTimestampsTokenId + 1;
    }

    /**
     * Returns the id of a language token.
     *
     * @param language a code such as "en", or the token text {@code <|en|>}
     * @return the id from {@code lang_to_id}, or empty where the model has no such language
     */
    public OptionalInt languageTokenId(String language) {
        String key = language.startsWith("<|") ? language : "<|" + language + "|>";
        Integer id = langToId.get(key);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * Returns the id of a task token.
     *
     * @param task "transcribe" or "translate"
     * @return the id from {@code task_to_id}, or empty where the model has no such task
     */
    public OptionalInt taskTokenId(String task) {
        Integer id = taskToId.get(task);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    static GenerationConfig read(ConfigJson generation, ConfigJson model, WhisperTokenizer tokenizer,
                                 int maxTargetPositions) {
        Keys keys = new Keys(generation, model);
        WhisperSpecialTokens special = tokenizer.specialTokens();
        int eos = keys.file("eos_token_id").optionalIntOrFirst("eos_token_id").orElse(special.endOfText());
        Map<String, Integer> langToId = keys.file("lang_to_id").optionalIdMap("lang_to_id").orElse(Map.of());
        boolean multilingual = keys.file("is_multilingual").optionalBoolean("is_multilingual")
            .orElse(!langToId.isEmpty());
        try {
            return new GenerationConfig(
                keys.intOr("decoder_start_token_id", special.startOfTranscript()), eos, keys.intOr("pad_token_id", eos),
                keys.intOr("no_timestamps_token_id", special.noTimestamps()),
                keys.intOr("prev_sot_token_id", special.startOfPrev()), multilingual,
                langToId.isEmpty() && multilingual ? tokenizerLanguages(special) : langToId,
                keys.file("task_to_id").optionalIdMap("task_to_id").orElse(tokenizerTasks(special)),
                keys.file("suppress_tokens").optionalIntList("suppress_tokens").orElse(List.of()),
                keys.file("begin_suppress_tokens").optionalIntList("begin_suppress_tokens")
                    .orElse(suppressBlank(tokenizer)),
                keys.file("max_initial_timestamp_index").optionalInt("max_initial_timestamp_index"),
                keys.intOr("max_length", maxTargetPositions), forcedDecoderIds(keys.file("forced_decoder_ids")));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(generation.name() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> tokenizerLanguages(WhisperSpecialTokens special) {
        Map<String, Integer> languages = new LinkedHashMap<>();
        special.languages().forEach((code, id) -> languages.put("<|" + code + "|>", id));
        return languages;
    }

    private static Map<String, Integer> tokenizerTasks(WhisperSpecialTokens special) {
        Map<String, Integer> tasks = new LinkedHashMap<>();
        tasks.put("transcribe", special.transcribe());
        tasks.put("translate", special.translate());
        return tasks;
    }

    /** OpenAI's SuppressBlank: the encoding of a lone space, and the end token, are not allowed first. */
    private static List<Integer> suppressBlank(WhisperTokenizer tokenizer) {
        List<Integer> ids = new ArrayList<>();
        for (int id : tokenizer.encode(" ")) {
            ids.add(id);
        }
        ids.add(tokenizer.specialTokens().endOfText());
        return ids;
    }

    private static List<ForcedDecoderId> forcedDecoderIds(ConfigJson file) {
        String key = "forced_decoder_ids";
        if (!file.has(key)) {
            return List.of();
        }
        List<ForcedDecoderId> forced = new ArrayList<>();
        for (JsonNode pair : file.requireArray(key)) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToInt()
                || !(pair.get(1).isNull() || pair.get(1).canConvertToInt())) {
                throw file.invalid(key, pair, "pairs of [position, token id or null]");
            }
            OptionalInt id = pair.get(1).isNull() ? OptionalInt.empty() : OptionalInt.of(pair.get(1).intValue());
            forced.add(new ForcedDecoderId(pair.get(0).intValue(), id));
        }
        return forced;
    }

    /** Keys looked up in generation_config.json first, then in config.json. */
    private record Keys(ConfigJson generation, ConfigJson model) {

        ConfigJson file(String key) {
            return ConfigJson.firstWith(key, generation, model);
        }

        int intOr(String key, int fallback) {
            return file(key).optionalInt(key).orElse(fallback);
        }
    }
}
