package dev.callscribe.app;

import java.util.List;

/**
 * What {@link TopicCreator} did.
 *
 * @param created topics created now
 * @param existing topics that were there already and were left as they are
 * @param warnings one sentence per existing topic that differs from its configuration in a way that matters
 */
public record TopicReport(List<String> created, List<String> existing, List<String> warnings) {

    public TopicReport {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
        warnings = List.copyOf(warnings);
    }
}
