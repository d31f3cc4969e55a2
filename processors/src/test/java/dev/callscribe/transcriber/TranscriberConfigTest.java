package dev.callscribe.transcriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.engine.ExecutionProvider;
import dev.callscribe.model.ModelDtype;
import dev.callscribe.schemas.config.ConfigDocs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** The transcriber's keys, their defaults, the rules across them, and what reaches the Kafka clients. */
class TranscriberConfigTest {

    @Test
    void shouldDefaultToTheSmallestDistilWhisperOnCpuWithBatchesOfSixteen() {
        TranscriberConfig config = config(Map.of());

        assertThat(config.modelSource()).isEqualTo("distil-whisper/distil-small.en");
        assertThat(config.modelOptions().encoderDtype()).isEqualTo(ModelDtype.FP32);
        assertThat(config.engineOptions().provider()).isEqualTo(ExecutionProvider.CPU);
        assertThat(config.batching()).isEqualTo(new BatchingOptions(16, 50, 1_500, 150_000));
        assertThat(config.groupId()).isEqualTo("callscribe-transcriber");
        assertThat(config.decodingOptions().task()).isEqualTo("transcribe");
        assertThat(config.decodingOptions().language()).isNull();
        assertThat(config.decodingOptions().timestamps()).isTrue();
        assertThat(config.decodingOptions().maxNewTokens()).isEqualTo(224);
    }

    @Test
    void shouldReadEngineAndDecodingKeys() {
        TranscriberConfig config = config(Map.of(
                TranscriberConfig.ENCODER_DTYPE_CONFIG, "INT8",
                TranscriberConfig.PROVIDER_CONFIG, "cuda",
                TranscriberConfig.DEVICE_ID_CONFIG, "2",
                TranscriberConfig.LANGUAGE_CONFIG, "de",
                TranscriberConfig.TIMESTAMPS_CONFIG, "false"));

        assertThat(config.modelOptions().encoderDtype()).isEqualTo(ModelDtype.INT8);
        assertThat(config.engineOptions().provider()).isEqualTo(ExecutionProvider.CUDA);
        assertThat(config.engineOptions().deviceId()).isEqualTo(2);
        assertThat(config.decodingOptions().language()).isEqualTo("de");
        assertThat(config.decodingOptions().timestamps()).isFalse();
    }

    @Test
    void shouldDeriveTheTransactionalIdFromGroupAndInstance() {
        TranscriberConfig config = config(Map.of(TranscriberConfig.GROUP_ID_CONFIG, "gpu-workers",
                TranscriberConfig.INSTANCE_ID_CONFIG, "transcriber-3"));

        assertThat(config.transactionalId()).isEqualTo("gpu-workers-transcriber-3");
    }

    @Test
    void shouldPreferAGivenTransactionalId() {
        TranscriberConfig config = config(Map.of(TranscriberConfig.INSTANCE_ID_CONFIG, "transcriber-3",
                TranscriberConfig.TRANSACTIONAL_ID_CONFIG, "node-7-gpu-0"));

        assertThat(config.transactionalId()).isEqualTo("node-7-gpu-0");
    }

    @Test
    void shouldRefuseABatchThatCannotFinishWithinHalfThePollInterval() {
        Map<String, String> slow = Map.of(TranscriberConfig.WINDOW_ESTIMATE_MS_CONFIG, "10000");

        assertThatThrownBy(() -> config(slow))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(TranscriberConfig.BATCH_MAX_SIZE_CONFIG)
                .hasMessageContaining(TranscriberConfig.WINDOW_ESTIMATE_MS_CONFIG)
                .hasMessageContaining(TranscriberConfig.MAX_POLL_INTERVAL_MS_CONFIG)
                .hasMessageContaining("160050 ms");
    }

    @Test
    void shouldAcceptTheSameBatchWithAPollIntervalLongEnough() {
        TranscriberConfig config = config(Map.of(TranscriberConfig.WINDOW_ESTIMATE_MS_CONFIG, "10000",
                TranscriberConfig.MAX_POLL_INTERVAL_MS_CONFIG, "400000"));

        assertThat(config.batching().budgetMs()).isEqualTo(200_000);
    }

    @Test
    void shouldNotBoundInferenceByTheTransactionTimeoutSinceTheTransactionBeginsAfterIt() {
        TranscriberConfig config = config(Map.of(TranscriberConfig.WINDOW_ESTIMATE_MS_CONFIG, "4000",
                TranscriberConfig.TRANSACTION_TIMEOUT_MS_CONFIG, "5000"));

        assertThat(config.batching().budgetMs()).isEqualTo(150_000);
    }

    @Test
    void shouldShareTheWindowsByKafkasConsumerGroupProtocolLeavingTimeoutsToTheBroker() {
        Map<String, Object> consumer = config(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000"))
                .consumerConfig();

        assertThat(consumer).containsEntry(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer")
                .doesNotContainKeys(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
    }

    @Test
    void shouldRebalanceCooperativelyUnderTheClassicProtocol() {
        Map<String, Object> consumer = config(Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic"))
                .consumerConfig();

        assertThat(consumer).containsEntry(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
    }

    @Test
    void shouldNeedASlotOnlyWhenNoIdIsConfigured() {
        assertThat(config(Map.of(TranscriberConfig.INSTANCE_ID_CONFIG, "")).identityConfigured()).isFalse();
        assertThat(config(Map.of(TranscriberConfig.INSTANCE_ID_CONFIG, "gpu-0")).identityConfigured()).isTrue();
        assertThat(config(Map.of(TranscriberConfig.TRANSACTIONAL_ID_CONFIG, "tx-0")).identityConfigured()).isTrue();
    }

    @Test
    void shouldKeepSlotsPerGroupUnderTheStateDirectory() {
        TranscriberConfig config = config(Map.of(TranscriberConfig.STATE_DIR_CONFIG, "/var/lib/callscribe",
                TranscriberConfig.GROUP_ID_CONFIG, "team/a workers"));

        assertThat(config.slotDirectory()).isEqualTo(Path.of("/var/lib/callscribe", "team_a_workers"));
        assertThat(config(Map.of()).slotDirectory().toString())
                .endsWith("/.callscribe/state/transcriber/callscribe-transcriber");
    }

    @Test
    void shouldMakeTheTransactionalIdFromAnInstanceIdSetLater() {
        TranscriberConfig config = config(Map.of(TranscriberConfig.INSTANCE_ID_CONFIG, "")).withInstanceId("host-2");

        assertThat(config.transactionalId()).isEqualTo("callscribe-transcriber-host-2");
        assertThat(config.identityConfigured()).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownProvider() {
        assertThatThrownBy(() -> config(Map.of(TranscriberConfig.PROVIDER_CONFIG, "TPU")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(TranscriberConfig.PROVIDER_CONFIG);
    }

    @Test
    void shouldGiveTheConsumerWhatExactlyOnceNeeds() {
        Map<String, Object> consumer = config(Map.of()).consumerConfig();

        assertThat(consumer)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "callscribe-transcriber")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 16)
                .containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000)
                .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
    }

    @Test
    void shouldGiveTheProducerAnIdempotentTransactionalSetup() {
        Map<String, Object> producer = config(Map.of(TranscriberConfig.INSTANCE_ID_CONFIG, "gpu-0")).producerConfig();

        assertThat(producer)
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "callscribe-transcriber-gpu-0")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 5_000);
    }

    @Test
    void shouldPassOtherClientKeysOnButNotCallscribesOwn() {
        Map<String, Object> consumer = config(Map.of("security.protocol", "SSL")).consumerConfig();

        assertThat(consumer).containsEntry("security.protocol", "SSL")
                .doesNotContainKeys(TranscriberConfig.MODEL_CONFIG, TranscriberConfig.GROUP_ID_CONFIG,
                        "schema.registry.url", "topic.calls.windows");
    }

    @Test
    void shouldDocumentEveryKey() {
        String table = ConfigDocs.markdownTable(TranscriberConfig.CONFIG_DEF);

        assertThat(TranscriberConfig.CONFIG_DEF.names()).allSatisfy(key -> assertThat(table).contains(key));
        assertThat(TranscriberConfig.CONFIG_DEF.configKeys().values())
                .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
    }

    private static TranscriberConfig config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", "broker:9092");
        values.put(TranscriberConfig.INSTANCE_ID_CONFIG, "test-instance");
        values.putAll(overrides);
        return new TranscriberConfig(values);
    }
}
