package dev.callscribe.engine;

import dev.callscribe.engine.quality.QualitySignals;

/**
 * The accepted decode of one window: the raw decode, its quality signals and text, its temperature, and the steps
 * spent on it over all temperatures tried.
 */
record Attempt(RowDecode decode, QualitySignals signals, String text, double temperature, int totalSteps) {
}
