package dev.callscribe.engine.rules;

import java.util.List;

/** An ordered list of rules applied one after another, as whisper's decoding task assembles its logit filters. */
public record Rules(List<LogitRule> rules) implements LogitRule {

    public Rules {
        rules = List.copyOf(rules);
    }

    @Override
    public void apply(float[] logits, int[] sampled) {
        for (LogitRule rule : rules) {
            rule.apply(logits, sampled);
        }
    }
}
