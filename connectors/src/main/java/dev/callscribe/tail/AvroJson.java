package dev.callscribe.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Avro records as the JSON a {@code jq} user expects: field names as in the schema, optional fields as their value
 * or {@code null} (not Avro's JSON encoding, which wraps union values as {@code {"int": 0}}), enums as their symbol,
 * {@code timestamp-millis} as ISO-8601 text, bytes as base64. Driven by the schema, so fields added to the contract
 * appear without code changes. Pure.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    /** Puts every field of {@code record} into {@code into}, in schema order. */
    public static ObjectNode putFields(IndexedRecord record, ObjectNode into) {
        for (Schema.Field field : record.getSchema().getFields()) {
            into.set(field.name(), value(field.schema(), record.get(field.pos())));
        }
        return into;
    }

    private static JsonNode value(Schema schema, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case UNION -> value(branch(schema, value), value);
            case RECORD -> putFields((IndexedRecord) value, NODES.objectNode());
            case ARRAY -> array(schema.getElementType(), (Collection<?>) value);
            case MAP -> map(schema.getValueType(), (Map<?, ?>) value);
            case INT, LONG, FLOAT, DOUBLE -> number(value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case BYTES -> NODES.binaryNode(bytes((ByteBuffer) value));
            case FIXED -> NODES.binaryNode(((GenericFixed) value).bytes());
            default -> NODES.textNode(value.toString()); // STRING and ENUM: the text, the symbol
        };
    }

    /** The branch of a union the value is written as. */
    private static Schema branch(Schema union, Object value) {
        List<Schema> types = union.getTypes();
        if (types.size() == 2 && types.get(0).getType() == Schema.Type.NULL) {
            return types.get(1); // ["null", T], the contract's optional field
        }
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        return types.get(SpecificData.get().resolveUnion(union, value));
    }

    private static ArrayNode array(Schema elementType, Collection<?> values) {
        ArrayNode array = NODES.arrayNode(values.size());
        values.forEach(element -> array.add(value(elementType, element)));
        return array;
    }

    private static ObjectNode map(Schema valueType, Map<?, ?> values) {
        ObjectNode object = NODES.objectNode();
        values.forEach((key, element) -> object.set(key.toString(), value(valueType, element)));
        return object;
    }

    /**
     * A number; an {@link Instant} (a {@code timestamp-millis} field of a generated class) as ISO-8601 text. JSON has
     * no NaN or infinity, so a non-finite floating-point value is {@code null}.
     */
    private static JsonNode number(Object value) {
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? NODES.numberNode(number) : NODES.nullNode();
        }
        if (value instanceof Float number) {
            return Float.isFinite(number) ? NODES.numberNode(number) : NODES.nullNode();
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        return NODES.numberNode((Integer) value);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
