package dev.callscribe.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.avro.CallMetadata;
import dev.callscribe.codec.SampleEncoding;
import dev.callscribe.codec.WavAudio;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Recording STEREO = new Recording("agent-customer.wav",
            new WavAudio(8_000, 2, SampleEncoding.MULAW, new byte[2 * 8_000 * 3]));
    private static final Recording MONO = new Recording("mono.flac",
            new WavAudio(16_000, 1, SampleEncoding.PCM_S16LE, new byte[2 * 16_000]));

    @Test
    void shouldNameASingleCallWithTheIdGiven() {
        CallPlan plan = new CallPlan(1, CallNaming.fixed("call-42"), null, null, ONE_SECOND);

        assertThat(ids(plan.chunkers(List.of(STEREO)))).containsExactly("call-42");
    }

    @Test
    void shouldNumberTheCallsOfALoadRunAndShareTheRecordingsPayloadBetweenThem() {
        CallPlan plan = new CallPlan(3, CallNaming.fixed("load"), null, null, ONE_SECOND);

        List<CallChunker> calls = plan.chunkers(List.of(STEREO));

        assertThat(ids(calls)).containsExactly("load-0001", "load-0002", "load-0003");
        assertThat(calls).allSatisfy(call -> {
            AudioChunk chunk = call.chunk(1, NOW);
            // A view of the one payload array, not a copy per call.
            assertThat(chunk.getPayload().array()).isSameAs(STEREO.audio().payload());
        });
    }

    @Test
    void shouldNameCallsAfterTheirRecordingsAndTakeRecordingsInTurn() {
        CallPlan plan = new CallPlan(4, CallNaming.afterRecordings("3f9a1c2e"), null, null, ONE_SECOND);

        List<CallChunker> calls = plan.chunkers(List.of(STEREO, MONO));

        assertThat(ids(calls)).containsExactly("agent-customer-3f9a1c2e-0001", "mono-3f9a1c2e-0002",
                "agent-customer-3f9a1c2e-0003", "mono-3f9a1c2e-0004");
        assertThat(calls).extracting(call -> call.chunk(0, NOW).getChannels()).containsExactly(2, 1, 2, 1);
    }

    @Test
    void shouldPutTheSpeakersOnEveryChunkAndTheMetadataOnTheFirst() {
        CallMetadata metadata = CallMetadata.newBuilder().setLanguageHint("de").setAttributes(Map.of()).build();
        CallPlan plan = new CallPlan(1, CallNaming.fixed("c"), List.of("customer", "agent"), metadata, ONE_SECOND);

        CallChunker call = plan.chunkers(List.of(STEREO)).get(0);

        assertThat(call.chunk(0, NOW).getSpeakers()).containsExactly("customer", "agent");
        assertThat(call.chunk(2, NOW).getSpeakers()).containsExactly("customer", "agent");
        assertThat(call.chunk(0, NOW).getMetadata()).isEqualTo(metadata);
        assertThat(call.chunk(1, NOW).getMetadata()).isNull();
    }

    @Test
    void shouldRefuseSpeakerLabelsThatDoNotMatchARecordingsChannels() {
        CallPlan plan = new CallPlan(2, CallNaming.fixed("c"), List.of("agent", "customer"), null, ONE_SECOND);

        assertThatThrownBy(() -> plan.chunkers(List.of(STEREO, MONO)))
                .hasMessage("mono.flac has 1 channel(s) but 2 speaker label(s) were given [agent, customer]; "
                        + "give one label per channel");
    }

    @Test
    void shouldRefuseFewerCallsThanRecordings() {
        CallPlan plan = new CallPlan(1, CallNaming.fixed("c"), null, null, ONE_SECOND);

        assertThatThrownBy(() -> plan.chunkers(List.of(STEREO, MONO)))
                .hasMessage("1 call(s) cannot replay 2 recordings; publish at least as many calls as recordings");
    }

    @Test
    void shouldRefuseNoCallsAndANonPositiveChunkLength() {
        assertThatThrownBy(() -> new CallPlan(0, CallNaming.fixed("c"), null, null, ONE_SECOND))
                .hasMessage("the number of calls must be at least 1, got 0");
        assertThatThrownBy(() -> new CallPlan(1, CallNaming.fixed("c"), null, null, Duration.ZERO))
                .hasMessage("chunk length must be positive, got PT0S");
    }

    private static List<String> ids(List<CallChunker> calls) {
        return calls.stream().map(call -> call.call().callId()).toList();
    }
}
