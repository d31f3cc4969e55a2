package dev.callscribe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.DeadLetter;
import dev.callscribe.avro.DeadLetterReason;
import dev.callscribe.pipeline.DeadLetters.RecordSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The dead-letter log on a fake clock: one line per reason per interval, never a line per letter. */
class DeadLetterLogTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<String> lines = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final DeadLetterLog log = new DeadLetterLog((line, failure) -> {
        lines.add(line);
        failures.add(failure);
    }, clock::get, MINUTE);

    @Test
    void shouldLogTheFirstLetterOfAReasonAtOnceWithItsCallAndMessage() {
        log.rejected(letter("call-1", DeadLetterReason.UNSUPPORTED_ENCODING, "encoding OPUS is not supported"), null);

        assertThat(lines).singleElement().asString()
                .contains("segmenter", "call-1", "calls.audio-3 offset 42", "UNSUPPORTED_ENCODING",
                        "encoding OPUS is not supported", "every 60 s");
    }

    @Test
    void shouldCountFurtherLettersOfTheReasonAndSumThemUpOnceTheIntervalHasPassed() {
        log.rejected(letter("call-1", DeadLetterReason.UNSUPPORTED_ENCODING, "first"), null);
        for (int i = 2; i <= 13; i++) {
            clock.addAndGet(1_000);
            log.rejected(letter("call-" + i, DeadLetterReason.UNSUPPORTED_ENCODING, "number " + i), null);
        }
        assertThat(lines).hasSize(1);

        clock.addAndGet(MINUTE.toMillis());
        log.flush();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("12 more records dead-lettered for UNSUPPORTED_ENCODING by segmenter")
                .contains("in the last 72 s", "last: call call-13", "number 13");
    }

    @Test
    void shouldKeepEachReasonsLinesApart() {
        log.rejected(letter("call-1", DeadLetterReason.UNSUPPORTED_ENCODING, "a"), null);
        log.rejected(letter("call-2", DeadLetterReason.OVERSIZE_CHUNK, "b"), null);
        log.rejected(letter("call-3", DeadLetterReason.OVERSIZE_CHUNK, "c"), null);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("UNSUPPORTED_ENCODING");
        assertThat(lines.get(1)).contains("OVERSIZE_CHUNK");
    }

    @Test
    void shouldWriteADueSummaryWhenTheNextLetterOfAnyReasonComes() {
        log.rejected(letter("call-1", DeadLetterReason.DUPLICATE_SEQ, "a"), null);
        log.rejected(letter("call-2", DeadLetterReason.DUPLICATE_SEQ, "b"), null);
        clock.addAndGet(MINUTE.toMillis());

        log.rejected(letter("call-3", DeadLetterReason.LATE_CHUNK, "c"), null);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("1 more record dead-lettered for DUPLICATE_SEQ");
        assertThat(lines.get(2)).contains("LATE_CHUNK", "call-3");
    }

    @Test
    void shouldWriteAtMostOneLinePerReasonPerIntervalUnderASteadyFlow() {
        for (int second = 0; second < 600; second++) {
            log.rejected(letter("call-" + second, DeadLetterReason.INVALID_SEQ, "seq"), null);
            clock.addAndGet(1_000);
            log.flush();
        }

        // ten minutes: the first letter at once, then one summary a minute (the first one without that letter)
        assertThat(lines).hasSize(11);
        assertThat(lines.get(1)).startsWith("59 more records");
        assertThat(lines.subList(2, lines.size())).allSatisfy(line -> assertThat(line).startsWith("60 more records"));
    }

    @Test
    void shouldLogAtOnceAgainAfterAQuietInterval() {
        log.rejected(letter("call-1", DeadLetterReason.INVALID_CHUNK, "a"), null);
        clock.addAndGet(MINUTE.toMillis());
        log.flush();
        assertThat(lines).hasSize(1);

        log.rejected(letter("call-2", DeadLetterReason.INVALID_CHUNK, "b"), null);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("call-2", "INVALID_CHUNK: b");
    }

    @Test
    void shouldPassTheFirstLettersExceptionOnForItsStackTrace() {
        IllegalStateException failure = new IllegalStateException("bug");

        log.rejected(letter("call-1", DeadLetterReason.OTHER, "segmenter failed"), failure);
        log.rejected(letter("call-2", DeadLetterReason.OTHER, "segmenter failed"), failure);

        assertThat(failures).containsExactly(failure);
    }

    @Test
    void shouldRefuseAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new DeadLetterLog((line, failure) -> { }, clock::get, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval must be positive");
    }

    private DeadLetter letter(String callId, DeadLetterReason reason, String message) {
        RecordSource source = new RecordSource("calls.audio", 3, 42, callId, null, null, clock.get());
        return DeadLetters.of(source, "segmenter", reason, message, (Throwable) null);
    }
}
