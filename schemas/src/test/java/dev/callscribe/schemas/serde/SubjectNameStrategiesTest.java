package dev.callscribe.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.schemas.SampleRecords;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SubjectNameStrategiesTest {

    private static final Schema CALL = SampleRecords.callV1();
    private static final String KEY = AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY_CONFIG;

    @Test
    void shouldNameTopicSubjectsWithKeyOrValueSuffix() {
        assertThat(SubjectNameStrategies.TOPIC_NAME.subjectName("calls.audio", false, CALL))
                .isEqualTo("calls.audio-value");
        assertThat(SubjectNameStrategies.TOPIC_NAME.subjectName("calls.audio", true, CALL))
                .isEqualTo("calls.audio-key");
    }

    @Test
    void shouldNameRecordSubjectsByFullName() {
        assertThat(SubjectNameStrategies.RECORD_NAME.subjectName("calls.audio", false, CALL))
                .isEqualTo("dev.callscribe.test.Call");
        assertThat(SubjectNameStrategies.TOPIC_RECORD_NAME.subjectName("calls.audio", false, CALL))
                .isEqualTo("calls.audio-dev.callscribe.test.Call");
    }

    @Test
    void shouldAcceptConfluentClassNamesSoExistingConfigsCarryOver() {
        assertThat(SubjectNameStrategies.fromConfig(KEY,
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
                .isEqualTo(SubjectNameStrategies.TOPIC_RECORD_NAME);
        assertThat(SubjectNameStrategies.fromConfig(KEY, "RecordNameStrategy"))
                .isEqualTo(SubjectNameStrategies.RECORD_NAME);
    }

    @Test
    void shouldLoadACustomStrategyByClassName() {
        SubjectNameStrategy custom = SubjectNameStrategies.fromConfig(KEY, FixedSubject.class.getName());

        assertThat(custom.subjectName("any", false, CALL)).isEqualTo("fixed");
    }

    @Test
    void shouldListTheValidChoicesForAnUnknownStrategy() {
        assertThatThrownBy(() -> SubjectNameStrategies.fromConfig(KEY, "NoSuchStrategy"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NoSuchStrategy")
                .hasMessageContaining("TopicNameStrategy");
    }

    /** A custom strategy, as a user would write one. */
    public static final class FixedSubject implements SubjectNameStrategy {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return "fixed";
        }
    }
}
