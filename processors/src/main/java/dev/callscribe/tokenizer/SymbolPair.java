package dev.callscribe.tokenizer;

/**
 * Two adjacent BPE symbols, the key of a merge rule ("Ġ" + "t" merge into "Ġt").
 *
 * @param left  the left symbol
 * @param right the right symbol
 */
record SymbolPair(String left, String right) {
}
