package dev.callscribe.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Checks a candidate schema against a subject's earlier versions under a compatibility level, as the registry does. */
public final class AvroCompatibility {

    private AvroCompatibility() {
    }

    /**
     * Reasons the candidate breaks the level; empty when it may be registered.
     *
     * @param earlier the subject's versions, oldest first; only the last is checked unless the level is transitive
     */
    public static List<String> violations(CompatibilityLevel level, Schema candidate, List<Schema> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Schema> checked = level.isTransitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        List<String> violations = new ArrayList<>();
        for (Schema previous : checked) {
            if (level.checksBackward()) {
                violations.addAll(readProblems("new schema cannot read data written with an earlier version",
                        candidate, previous));
            }
            if (level.checksForward()) {
                violations.addAll(readProblems("an earlier version cannot read data written with the new schema",
                        previous, candidate));
            }
        }
        return violations;
    }

    /** Why a reader with schema {@code reader} cannot read data written with {@code writer}; empty if it can. */
    public static List<String> readProblems(String context, Schema reader, Schema writer) {
        SchemaPairCompatibility pair = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        List<String> problems = new ArrayList<>();
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            problems.add(context + ": " + incompatibility.getType() + " at " + incompatibility.getLocation() + " ("
                    + incompatibility.getMessage() + ")");
        }
        return problems;
    }
}
