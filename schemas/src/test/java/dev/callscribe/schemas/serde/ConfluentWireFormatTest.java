package dev.callscribe.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void shouldWriteMagicByteThenBigEndianSchemaId() {
        assertThat(ConfluentWireFormat.header(0x01020304)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
    }

    @Test
    void shouldReadTheSchemaIdBack() {
        byte[] framed = {0x00, 0x00, 0x00, 0x01, 0x2c, 0x42};

        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(300);
    }

    @Test
    void shouldRejectAnUnknownMagicByte() {
        byte[] json = "{\"callId\":\"c\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x7b")
                .hasMessageContaining("expected 0x00");
    }

    @Test
    void shouldRejectRecordsShorterThanTheHeader() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0x00, 0x01}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("2 bytes is too short");
    }
}
