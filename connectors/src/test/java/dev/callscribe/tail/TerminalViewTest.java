package dev.callscribe.tail;

import static dev.callscribe.tail.Records.callMetric;
import static dev.callscribe.tail.Records.channel;
import static dev.callscribe.tail.Records.combined;
import static dev.callscribe.tail.Records.event;
import static dev.callscribe.tail.Records.segment;
import static dev.callscribe.tail.Records.spoken;
import static dev.callscribe.tail.Records.windowMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.TranscriptKind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TerminalViewTest {

    private static final String ESC = "\u001b[";

    private static final TailEvent AGENT_INTERIM = event(channel("call-7", TranscriptKind.INTERIM, 0, 0, "agent",
            List.of(segment(0, 3_200, " Thank you for calling"))));
    private static final TailEvent AGENT_INTERIM_LATER = event(channel("call-7", TranscriptKind.INTERIM, 1, 0,
            "agent", List.of(segment(0, 3_200, " Thank you for calling"), segment(3_200, 5_000, " Northwind."))));
    private static final TailEvent CUSTOMER_INTERIM = event(channel("call-7", TranscriptKind.INTERIM, 0, 1,
            "customer", List.of(segment(3_500, 5_100, " Hi, a question"))));
    private static final TailEvent AGENT_FINAL = event(channel("call-7", TranscriptKind.FINAL, 2, 0, "agent",
            List.of(segment(0, 3_200, " Thank you for calling"), segment(3_200, 5_000, " Northwind."))));
    private static final TailEvent COMBINED_FINAL = event(combined("call-7", List.of(
            spoken(0, 3_200, " Thank you for calling", 0, "agent"),
            spoken(3_200, 5_000, " Northwind.", 0, "agent"),
            spoken(3_500, 65_140, " Hi, I have a question about my bill.", 1, "customer"))));

    private static final String FINAL_BLOCK = """
            == call-7 final, 01:05.1 of audio (en, distil-whisper/distil-small.en) ==
            [00:00.0 --> 00:03.2] agent:    Thank you for calling
            [00:03.2 --> 00:05.0] agent:    Northwind.
            [00:03.5 --> 01:05.1] customer: Hi, I have a question about my bill.
            """;

    @Nested
    class Plain {

        private final TerminalView view = TerminalView.plain();

        @Test
        void shouldPrintTheCombinedFinalAsTheConversationWithTimesAndSpeakers() {
            assertThat(view.render(COMBINED_FINAL)).isEqualTo(FINAL_BLOCK);
        }

        @Test
        void shouldPrintNeitherInterimRevisionsNorChannelFinals() {
            assertThat(view.render(AGENT_INTERIM)).isEmpty();
            assertThat(view.render(CUSTOMER_INTERIM)).isEmpty();
            assertThat(view.render(AGENT_FINAL)).isEmpty();
        }

        @Test
        void shouldWriteNoControlSequencesEvenAfterInterimRevisions() {
            view.render(AGENT_INTERIM);

            assertThat(view.render(COMBINED_FINAL)).doesNotContain("\u001b").doesNotContain("\r");
        }

        @Test
        void shouldSummarizeTheCallMetricOnOneLineAndSkipWindowMetrics() {
            assertThat(view.render(event(callMetric("call-7")))).isEqualTo("-- call-7 latency: 6 windows, 90.4 s of "
                    + "audio, 18.4 s of speech, real-time factor 0.031, end-to-end 850 ms\n");
            assertThat(view.render(event(windowMetric("call-7")))).isEmpty();
        }

        @Test
        void shouldSayWhenAFinalTranscriptHasNoSpeech() {
            assertThat(view.render(event(combined("call-8", List.of()))))
                    .isEqualTo("== call-8 final, 00:00.0 of audio (en, distil-whisper/distil-small.en) ==\n"
                            + "   (no speech)\n");
        }

        @Test
        void shouldReplaceControlCharactersInTranscriptText() {
            String shown = view.render(event(combined("call-9", List.of(
                    spoken(0, 1_000, " evil\u001b[2Jtext\nwith a break", 0, "agent")))));

            assertThat(shown).doesNotContain("\u001b").contains("agent: evil [2Jtext with a break\n");
        }
    }

    @Nested
    class Live {

        private final TerminalView view = TerminalView.live(80);

        @Test
        void shouldShowAnInterimRevisionAsALineWithSpeakerAndReach() {
            assertThat(view.render(AGENT_INTERIM)).isEqualTo("~ call-7 agent [00:03.2] Thank you for calling\n");
        }

        @Test
        void shouldRewriteTheLineInPlaceWhenTheNextRevisionArrives() {
            view.render(AGENT_INTERIM);

            assertThat(view.render(AGENT_INTERIM_LATER))
                    .isEqualTo("\r" + ESC + "1A" + ESC + "J~ call-7 agent [00:05.0] Thank you for calling Northwind.\n");
        }

        @Test
        void shouldKeepOneLinePerChannelInTheOrderTheyStarted() {
            view.render(AGENT_INTERIM);
            view.render(CUSTOMER_INTERIM);

            assertThat(view.render(AGENT_INTERIM_LATER)).isEqualTo("\r" + ESC + "2A" + ESC + "J"
                    + "~ call-7 agent [00:05.0] Thank you for calling Northwind.\n"
                    + "~ call-7 customer [00:05.1] Hi, a question\n");
        }

        @Test
        void shouldRemoveAChannelsLineAtItsFinal() {
            view.render(AGENT_INTERIM);
            view.render(CUSTOMER_INTERIM);

            assertThat(view.render(AGENT_FINAL)).isEqualTo("\r" + ESC + "2A" + ESC + "J"
                    + "~ call-7 customer [00:05.1] Hi, a question\n");
        }

        @Test
        void shouldPrintTheCombinedFinalInPlaceOfTheCallsLines() {
            view.render(AGENT_INTERIM);
            view.render(CUSTOMER_INTERIM);

            assertThat(view.render(COMBINED_FINAL)).isEqualTo("\r" + ESC + "2A" + ESC + "J" + FINAL_BLOCK);
            assertThat(view.render(event(callMetric("call-7")))).startsWith("-- call-7 latency:");
        }

        @Test
        void shouldKeepOtherCallsLinesBelowAFinal() {
            TailEvent otherCall = event(channel("call-8", TranscriptKind.INTERIM, 0, 0, "agent",
                    List.of(segment(0, 1_000, " Hello"))));
            view.render(AGENT_INTERIM);
            view.render(otherCall);

            assertThat(view.render(COMBINED_FINAL)).endsWith(FINAL_BLOCK + "~ call-8 agent [00:01.0] Hello\n");
        }

        @Test
        void shouldPrintNothingForAnEventThatChangesNothingOnScreen() {
            view.render(AGENT_INTERIM);

            assertThat(view.render(event(windowMetric("call-7")))).isEmpty();
            assertThat(view.render(event(channel("call-8", TranscriptKind.FINAL, 1, 0, "agent", List.of()))))
                    .isEmpty();
        }

        @Test
        void shouldCutALongLineToTheWidthKeepingTheNewestWords() {
            TerminalView narrow = TerminalView.live(40);
            String words = " one two three four five six seven eight nine ten";

            String shown = narrow.render(event(channel("call-7", TranscriptKind.INTERIM, 0, 0, "agent",
                    List.of(segment(0, 9_000, words)))));

            assertThat(shown).isEqualTo("~ call-7 agent [00:09.0] ...ht nine ten\n");
            assertThat(shown.length() - 1).isEqualTo(39);
        }

        @Test
        void shouldShowAtMostEightLinesDroppingTheOldestStarted() {
            for (int call = 0; call <= TerminalView.MAX_LIVE_LINES; call++) {
                view.render(event(channel("call-" + call, TranscriptKind.INTERIM, 0, 0, "agent",
                        List.of(segment(0, 1_000, " hi")))));
            }

            String shown = view.render(event(channel("call-1", TranscriptKind.INTERIM, 1, 0, "agent",
                    List.of(segment(0, 2_000, " hi there")))));

            assertThat(shown).startsWith("\r" + ESC + TerminalView.MAX_LIVE_LINES + "A")
                    .doesNotContain("call-0 ").contains("~ call-1 agent [00:02.0] hi there\n")
                    .contains("~ call-" + TerminalView.MAX_LIVE_LINES + " agent");
            assertThat(shown.chars().filter(c -> c == '\n').count()).isEqualTo(TerminalView.MAX_LIVE_LINES);
        }

        @Test
        void shouldRefuseATerminalTooNarrowToLayOut() {
            assertThatThrownBy(() -> TerminalView.live(5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a live view needs at least 20 columns, was 5");
        }
    }

    @Test
    void shouldChooseLiveOrPlainByWhereTheOutputGoes() {
        assertThat(TerminalView.on(new Terminal(true, 80)).render(AGENT_INTERIM)).isNotEmpty();
        assertThat(TerminalView.on(Terminal.none()).render(AGENT_INTERIM)).isEmpty();
    }
}
