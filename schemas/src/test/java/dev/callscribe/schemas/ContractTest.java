package dev.callscribe.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callscribe.schemas.registry.AvroCompatibility;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Avro contract's own rules: everything documented, optional fields defaulting to null, and every topic's
 * schema FULL compatible with the last released one (kept in {@code src/test/resources/released/}), so consumers
 * and producers of either version read each other's records during a rolling upgrade.
 */
class ContractTest {

    static Stream<Topic<?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldDocumentEveryRecordEnumAndField(Topic<?> topic) {
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(topic.valueSchema(), undocumented, new IdentityHashMap<>());

        assertThat(undocumented).as("types and fields without a doc").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldDefaultEveryNullableFieldToNull(Topic<?> topic) {
        List<String> wrong = new ArrayList<>();
        for (Field field : topic.valueSchema().getFields()) {
            if (field.schema().isNullable() && field.schema().getType() == Schema.Type.UNION
                    && (!field.hasDefaultValue() || field.defaultVal() != JsonProperties.NULL_VALUE)) {
                wrong.add(field.name());
            }
        }

        assertThat(wrong).as("nullable fields without a null default").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldStayFullyCompatibleWithTheReleasedSchema(Topic<?> topic) throws IOException {
        Schema released = released(topic);

        List<String> violations = AvroCompatibility.violations(CompatibilityLevel.FULL, topic.valueSchema(),
                List.of(released));

        assertThat(violations).isEmpty();
    }

    private static Schema released(Topic<?> topic) throws IOException {
        String resource = "/released/" + topic.name() + ".avsc";
        try (InputStream in = ContractTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("released schema " + resource).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }

    private static void collectUndocumented(Schema schema, List<String> out, Map<Schema, Boolean> seen) {
        if (seen.put(schema, true) != null) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                requireDoc(schema.getFullName(), schema.getDoc(), out);
                for (Field field : schema.getFields()) {
                    requireDoc(schema.getName() + "." + field.name(), field.doc(), out);
                    collectUndocumented(field.schema(), out, seen);
                }
            }
            case ENUM -> requireDoc(schema.getFullName(), schema.getDoc(), out);
            case UNION -> schema.getTypes().forEach(member -> collectUndocumented(member, out, seen));
            case ARRAY -> collectUndocumented(schema.getElementType(), out, seen);
            case MAP -> collectUndocumented(schema.getValueType(), out, seen);
            default -> { }
        }
    }

    private static void requireDoc(String name, String doc, List<String> out) {
        if (doc == null || doc.isBlank()) {
            out.add(name);
        }
    }
}
