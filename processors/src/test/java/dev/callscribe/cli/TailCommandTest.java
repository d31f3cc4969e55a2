package dev.callscribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.avro.LatencyMetric;
import dev.callscribe.avro.MetricScope;
import dev.callscribe.avro.Transcript;
import dev.callscribe.avro.TranscriptKind;
import dev.callscribe.avro.TranscriptSegment;
import dev.callscribe.schemas.serde.AvroSerializer;
import dev.callscribe.tail.Terminal;
import dev.callscribe.tail.TranscriptFollower;
import dev.callscribe.testkit.Await;
import dev.callscribe.testkit.KafkaClusterExtension;
import dev.callscribe.testkit.RegistryServerExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class TailCommandTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
    @RegisterExtension
    static final RegistryServerExtension REGISTRY = new RegistryServerExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String MODEL = "distil-whisper/distil-small.en";

    private final String transcripts = KAFKA.uniqueName("transcripts");
    private final String metrics = KAFKA.uniqueName("metrics");
    private final String deadLetters = KAFKA.uniqueName("dead-letter");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<TranscriptFollower> follower = new CompletableFuture<>();

    @AfterEach
    void stopTheFollowerLeftRunningByAFailedTest() {
        follower.thenAccept(TranscriptFollower::stop);
    }

    @Test
    void shouldPrintEveryCommittedRecordAsJsonLinesAndNothingOfAnAbortedTransaction() throws Exception {
        // Given a call written in transactions, and between its interims and its finals an aborted transaction with
        // a revision of that call and a whole other call
        KAFKA.createTopics(Map.of(transcripts, 3, metrics, 3));
        publish(Outcome.COMMIT, interim("call-1", 0, "agent", " Thank you"), interim("call-1", 1, "customer", " Hi"));
        publish(Outcome.ABORT, interim("call-1", 0, "agent", " ABORTED"), combinedFinal("ghost"));
        publish(Outcome.COMMIT, channelFinal("call-1", 0, "agent"), channelFinal("call-1", 1, "customer"),
                combinedFinal("call-1"), metric("call-1", MetricScope.WINDOW), metric("call-1", MetricScope.CALL));

        // When tail reads from the beginning, with metrics, as JSON, until one call is finished
        int status = tail(Terminal.none(), Map.of(), "--from-beginning", "--json", "--metrics", "--max-calls", "1");

        // Then it shows every committed record once, in order per topic, and nothing of the aborted transaction
        assertThat(status).isZero();
        List<JsonNode> lines = jsonLines(out.toString());
        assertThat(lines).allSatisfy(line -> assertThat(line.get("callId").asText()).isEqualTo("call-1"));
        assertThat(lines.stream().filter(line -> line.get("type").asText().equals("transcript"))
                .map(line -> line.get("kind").asText() + " " + line.get("channel") + " " + line.get("revision")))
                .containsExactly("INTERIM 0 0", "INTERIM 1 0", "FINAL 0 1", "FINAL 1 1", "FINAL null 0");
        assertThat(lines.stream().filter(line -> line.get("type").asText().equals("metric"))
                .map(line -> line.get("scope").asText())).containsExactly("WINDOW", "CALL");
        assertThat(out.toString()).doesNotContain("ABORTED").doesNotContain("ghost");
        JsonNode combined = lines.stream().filter(line -> line.get("type").asText().equals("transcript")
                && line.get("channel").isNull()).findFirst().orElseThrow();
        assertThat(combined.get("segments").get(1).get("speaker").asText()).isEqualTo("customer");
        assertThat(combined.get("emittedAt").asText()).isEqualTo("2025-03-01T09:30:15Z");
    }

    @Test
    void shouldPrintOnlyTheChosenCallsFinalTranscriptWhenOutputIsNotATerminal() throws Exception {
        // Given, on one partition so the order is certain, another call finished before the one we look for
        KAFKA.createTopics(Map.of(transcripts, 1));
        publish(Outcome.COMMIT, interim("call-2", 0, "agent", " Other"), channelFinal("call-2", 0, "agent"),
                channelFinal("call-2", 1, "customer"), combinedFinal("call-2"));
        publish(Outcome.COMMIT, interim("call-1", 0, "agent", " Thank you"), channelFinal("call-1", 0, "agent"),
                channelFinal("call-1", 1, "customer"), combinedFinal("call-1"));

        // When tail runs, configured through the environment, for call-1 only
        Map<String, String> environment = Map.of("CALLSCRIBE_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(),
                "CALLSCRIBE_SCHEMA_REGISTRY_URL", REGISTRY.url(), "CALLSCRIBE_TOPIC_CALLS_TRANSCRIPTS", transcripts);
        int status = tail(Terminal.none(), environment, "--from-beginning", "--call-id", "call-1", "--max-calls", "1");

        // Then it prints that call's conversation, no interim lines and no control sequences
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("""
                == call-1 final, 00:05.1 of audio (en, distil-whisper/distil-small.en) ==
                [00:00.0 --> 00:03.2] agent:    Thank you for calling Northwind.
                [00:03.5 --> 00:05.1] customer: Hi, I have a question about my bill.
                """);
    }

    @Test
    void shouldFollowFromNowOnLiveUntilStoppedAndThenReturnZero() throws Exception {
        // Given a call finished before tail starts
        KAFKA.createTopics(Map.of(transcripts, 2, metrics, 2));
        publish(Outcome.COMMIT, interim("call-0", 0, "agent", " Earlier"), combinedFinal("call-0"));

        // When tail follows the latest records on a terminal, and a call is published once it follows
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> command(new Terminal(true, 100))
                .execute(connection("--metrics")));
        TranscriptFollower running = follower.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Await.until("tail follows", TIMEOUT, running::isFollowing);
        publish(Outcome.COMMIT, interim("call-3", 0, "agent", " Thank you"), interim("call-3", 0, "agent",
                " Thank you for calling"), channelFinal("call-3", 0, "agent"), channelFinal("call-3", 1, "customer"),
                combinedFinal("call-3"), metric("call-3", MetricScope.CALL));
        Await.until("the final and the metrics are shown", TIMEOUT,
                () -> out.toString().contains("== call-3 final") && out.toString().contains("-- call-3 latency"));

        // Then it rewrote the interim line in place, and returns 0 once stopped (as Ctrl-C's shutdown hook does)
        assertThat(status).isNotDone();
        running.stop();
        assertThat(status.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("~ call-3 agent [00:03.2] Thank you\n",
                "\r\u001b[1A\u001b[J~ call-3 agent [00:03.2] Thank you for calling\n",
                "[00:03.5 --> 00:05.1] customer: Hi, I have a question about my bill.\n").doesNotContain("call-0");
        assertThat(running.isFollowing()).isFalse();
    }

    @Test
    void shouldShowTheChosenCallsDeadLettersBesideItsTranscripts() throws Exception {
        // Given, on one partition each, a dead letter of another call, then one of the call looked for and its final
        KAFKA.createTopics(Map.of(transcripts, 1, deadLetters, 1));
        publish(Outcome.COMMIT, deadLetter("call-2", DeadLetterReason.INVALID_SEQ, "seq -1 is negative"),
                deadLetter("call-1", DeadLetterReason.UNSUPPORTED_ENCODING, "encoding OPUS is not supported"));
        publish(Outcome.COMMIT, channelFinal("call-1", 0, "agent"), combinedFinal("call-1"));

        // When tail follows call-1 with its dead letters until both are shown
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> command(Terminal.none())
                .execute(connection("--from-beginning", "--dead-letters", "--call-id", "call-1")));
        Await.until("the final and the dead letter are shown", TIMEOUT,
                () -> out.toString().contains("== call-1 final") && out.toString().contains("!! dead letter"));
        follower.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).stop();

        // Then the letter of call-1 is shown in one line, with where it was read, and the other call's is not
        assertThat(status.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("!! dead letter: 2025-03-01T09:30:15Z segmenter UNSUPPORTED_ENCODING "
                + "calls.audio-3@41 call call-1: encoding OPUS is not supported\n").doesNotContain("call-2");
    }

    @Test
    void shouldGiveUpWithAClearMessageWhenNoBrokerAnswers() throws IOException {
        String nowhere = "127.0.0.1:" + portNobodyListensOn();

        int status = Main.run(new PrintWriter(out), new PrintWriter(err), "tail", "--bootstrap-servers", nowhere,
                "--registry-url", REGISTRY.url(), "--give-up-after", "2");

        assertThat(status).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("callscribe tail: no answer from Kafka at " + nowhere + " about topic "
                + "calls.transcripts for 2 s; giving up (the time is set with --give-up-after)"
                + System.lineSeparator());
    }

    @Test
    void shouldSayInOneLineWhichTopicDoesNotExist() {
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), "tail", "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--set", "topic.calls.transcripts=no-such-topic");

        assertThat(status).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("callscribe tail: topic no-such-topic does not exist on "
                + KAFKA.bootstrapServers() + System.lineSeparator());
    }

    @Test
    void shouldRefuseAnInMemoryRegistryThatNoOtherProcessWrites() {
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), "tail", "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--registry-url", "mock://callscribe");

        assertThat(status).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).startsWith("callscribe tail: schema.registry.url=mock://callscribe names an "
                + "in-memory registry inside this process, which no other process can read").hasLineCount(1);
    }

    @Test
    void shouldRefuseToWaitForZeroCalls() {
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), "tail", "--max-calls", "0");

        assertThat(status).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("callscribe tail: the number of calls to wait for must be at least 1, "
                + "was 0" + System.lineSeparator());
    }

    @Test
    void shouldBeListedAmongTheCommands() {
        Main.run(new PrintWriter(out), new PrintWriter(err), "--help");

        assertThat(out.toString()).containsPattern("(?m)^\\s+tail\\s+Follow call transcripts");
    }

    /** Runs the command to its end in another thread; fails if that takes too long (the follower is stopped after). */
    private int tail(Terminal terminal, Map<String, String> environment, String... args) throws Exception {
        String[] arguments = environment.isEmpty() ? connection(args) : args;
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> command(terminal, environment)
                .execute(arguments));
        return status.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private CommandLine command(Terminal terminal) {
        return command(terminal, Map.of());
    }

    private CommandLine command(Terminal terminal, Map<String, String> environment) {
        CommandLine command = new CommandLine(new TailCommand(environment, terminal, started -> {
            follower.complete(started);
            return () -> { };
        }));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command;
    }

    /** The arguments with the broker, registry and topics of this test in front. */
    private String[] connection(String... args) {
        List<String> all = new ArrayList<>(List.of("--set", "bootstrap.servers=" + KAFKA.bootstrapServers(),
                "--set", "schema.registry.url=" + REGISTRY.url(), "--set", "topic.calls.transcripts=" + transcripts,
                "--set", "topic.calls.metrics=" + metrics, "--set", "topic.calls.dead-letter=" + deadLetters));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private enum Outcome { COMMIT, ABORT }

    /** Writes records in one transaction, transcripts to this test's transcripts topic and metrics to its own. */
    private void publish(Outcome outcome, SpecificRecord... records) {
        Map<String, Object> config = KAFKA.clientConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KAFKA.uniqueName("tail-test-producer"));
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
        values.configure(Map.of("schema.registry.url", REGISTRY.url()), false);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
                values)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (SpecificRecord record : records) {
                String topic = record instanceof Transcript ? transcripts
                        : record instanceof DeadLetter ? deadLetters : metrics;
                producer.send(new ProducerRecord<>(topic, callIdOf(record), record));
            }
            producer.flush();
            if (outcome == Outcome.COMMIT) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    private static String callIdOf(SpecificRecord record) {
        if (record instanceof DeadLetter letter) {
            return letter.getCallId();
        }
        return record instanceof Transcript transcript ? transcript.getCallId()
                : ((LatencyMetric) record).getCallId();
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static DeadLetter deadLetter(String callId, DeadLetterReason reason, String message) {
        return DeadLetter.newBuilder().setSourceTopic("calls.audio").setSourcePartition(3).setSourceOffset(41)
                .setStage("segmenter").setReason(reason).setMessage(message).setCallId(callId)
                .setFailedAt(Instant.parse("2025-03-01T09:30:15Z")).build();
    }

    private static Transcript interim(String callId, int channel, String speaker, String text) {
        return transcript(callId, TranscriptKind.INTERIM, channel, speaker, List.of(segment(0, 3_200, text)));
    }

    private static Transcript channelFinal(String callId, int channel, String speaker) {
        return transcript(callId, TranscriptKind.FINAL, channel, speaker, List.of(channel == 0
                ? segment(0, 3_200, " Thank you for calling Northwind.")
                : segment(3_500, 5_100, " Hi, I have a question about my bill.")));
    }

    private static Transcript combinedFinal(String callId) {
        List<TranscriptSegment> segments = List.of(segment(0, 3_200, " Thank you for calling Northwind."),
                segment(3_500, 5_100, " Hi, I have a question about my bill."));
        segments.get(0).setChannel(0);
        segments.get(0).setSpeaker("agent");
        segments.get(1).setChannel(1);
        segments.get(1).setSpeaker("customer");
        Transcript combined = transcript(callId, TranscriptKind.FINAL, null, null, segments);
        combined.setRevision(0);
        return combined;
    }

    /** Revisions: 0 for interims, 1 for channel finals; texts joined, coverage the last segment's end. */
    private static Transcript transcript(String callId, TranscriptKind kind, Integer channel, String speaker,
                                         List<TranscriptSegment> segments) {
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.getText()));
        return Transcript.newBuilder().setCallId(callId).setKind(kind)
                .setRevision(kind == TranscriptKind.INTERIM ? 0 : 1).setChannel(channel).setSpeaker(speaker)
                .setSegments(segments).setText(text.toString()).setLanguage("en").setModelId(MODEL)
                .setAudioDurationMs(segments.get(segments.size() - 1).getEndMs())
                .setEmittedAt(Instant.parse("2025-03-01T09:30:15Z")).build();
    }

    private static TranscriptSegment segment(long startMs, long endMs, String text) {
        return TranscriptSegment.newBuilder().setStartMs(startMs).setEndMs(endMs).setText(text).build();
    }

    private static LatencyMetric metric(String callId, MetricScope scope) {
        return LatencyMetric.newBuilder().setCallId(callId).setScope(scope).setAudioEndMs(5_100).setAudioMs(10_200)
                .setSpeechMs(4_800).setWindowCount(scope == MetricScope.CALL ? 2 : null).setEndToEndMs(900)
                .setRealTimeFactor(0.05).setModelId(MODEL).setEmittedAt(Instant.parse("2025-03-01T09:30:15Z"))
                .build();
    }

    private static List<JsonNode> jsonLines(String text) {
        ObjectMapper mapper = new ObjectMapper();
        return text.lines().map(line -> {
            try {
                return mapper.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
