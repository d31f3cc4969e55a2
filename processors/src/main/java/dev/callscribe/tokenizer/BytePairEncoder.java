package dev.callscribe.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-pair encoding of one pre-tokenized word (already in byte-level characters) into vocabulary ids: start from
 * single characters and repeatedly merge the adjacent pair with the lowest merge rank, every occurrence at once, as
 * GPT-2's {@code bpe()} does, until no adjacent pair has a rule.
 *
 * <p>Thread-safe: the tables are read-only and the word cache is concurrent.
 */
final class BytePairEncoder {

    /** Past this many cached words the cache starts over, so a long-running worker does not grow without bound. */
    private static final int MAX_CACHED_WORDS = 10_000;

    private final Map<String, Integer> vocabulary;
    private final Map<SymbolPair, Integer> mergeRanks;
    private final boolean ignoreMerges;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    /**
     * @param vocabulary   byte-level token string to id
     * @param merges       merge rules, highest priority first
     * @param ignoreMerges whether a word found whole in the vocabulary is taken as is (tokenizer.json's
     *                     {@code ignore_merges})
     */
    BytePairEncoder(Map<String, Integer> vocabulary, List<SymbolPair> merges, boolean ignoreMerges) {
        this.vocabulary = Map.copyOf(vocabulary);
        this.mergeRanks = rank(merges);
        this.ignoreMerges = ignoreMerges;
    }

    private static Map<SymbolPair, Integer> rank(List<SymbolPair> merges) {
        Map<SymbolPair, Integer> ranks = new HashMap<>();
        for (int rank = 0; rank < merges.size(); rank++) {
            // The first occurrence of a rule wins, as in the reference implementations.
            ranks.putIfAbsent(merges.get(rank), rank);
        }
        return Map.copyOf(ranks);
    }

    /** Returns the vocabulary ids of one byte-level word; the returned array must not be modified. */
    int[] encode(String word) {
        int[] cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        Integer whole = ignoreMerges ? vocabulary.get(word) : null;
        int[] ids = whole != null ? new int[] {whole} : idsOf(merge(word));
        if (cache.size() >= MAX_CACHED_WORDS) {
            cache.clear();
        }
        cache.put(word, ids);
        return ids;
    }

    private List<String> merge(String word) {
        List<String> symbols = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            symbols.add(String.valueOf(word.charAt(i)));
        }
        SymbolPair best = bestPair(symbols);
        while (best != null) {
            symbols = mergeAll(symbols, best);
            best = bestPair(symbols);
        }
        return symbols;
    }

    private SymbolPair bestPair(List<String> symbols) {
        SymbolPair best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i + 1 < symbols.size(); i++) {
            SymbolPair pair = new SymbolPair(symbols.get(i), symbols.get(i + 1));
            Integer rank = mergeRanks.get(pair);
            if (rank != null && rank < bestRank) {
                best = pair;
                bestRank = rank;
            }
        }
        return best;
    }

    private static List<String> mergeAll(List<String> symbols, SymbolPair pair) {
        List<String> merged = new ArrayList<>(symbols.size());
        int i = 0;
        while (i < symbols.size()) {
            boolean matches = i + 1 < symbols.size()
                && symbols.get(i).equals(pair.left()) && symbols.get(i + 1).equals(pair.right());
            merged.add(matches ? pair.left() + pair.right() : symbols.get(i));
            i += matches ? 2 : 1;
        }
        return merged;
    }

    private int[] idsOf(List<String> symbols) {
        int[] ids = new int[symbols.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = vocabulary.get(symbols.get(i));
            if (id == null) {
                throw new TokenizerFormatException("BPE symbol '" + symbols.get(i)
                    + "' is not in the vocabulary; a byte-level vocabulary must hold all 256 byte symbols and"
                    + " the result of every merge rule");
            }
            ids[i] = id;
        }
        return ids;
    }
}
