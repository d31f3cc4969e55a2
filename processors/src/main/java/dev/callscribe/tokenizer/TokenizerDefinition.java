package dev.callscribe.tokenizer;

import java.util.List;
import java.util.Map;

/**
 * What this tokenizer takes from a byte-level BPE {@code tokenizer.json}.
 *
 * @param vocabulary     byte-level token string to id ({@code model.vocab})
 * @param merges         merge rules, highest priority first ({@code model.merges})
 * @param ignoreMerges   {@code model.ignore_merges}: whole words found in the vocabulary skip the merges
 * @param addedTokens    {@code added_tokens}
 * @param addPrefixSpace the ByteLevel pre-tokenizer's {@code add_prefix_space}
 */
record TokenizerDefinition(
    Map<String, Integer> vocabulary,
    List<SymbolPair> merges,
    boolean ignoreMerges,
    List<AddedToken> addedTokens,
    boolean addPrefixSpace) {

    TokenizerDefinition {
        vocabulary = Map.copyOf(vocabulary);
        merges = List.copyOf(merges);
        addedTokens = List.copyOf(addedTokens);
    }
}
