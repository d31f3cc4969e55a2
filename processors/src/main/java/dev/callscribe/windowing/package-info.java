/**
 * Cutting a channel's audio into inference windows, from its sample count and its speech spans
 * ({@link dev.callscribe.vad.SpeechUpdate}) as they arrive. Entry point: {@link dev.callscribe.windowing.WindowCutter};
 * options: {@link dev.callscribe.windowing.WindowingOptions}; output: {@link dev.callscribe.windowing.WindowPlan}s,
 * ranges of samples the segmenter slices from the audio it stores.
 *
 * <p>Two modes ({@link dev.callscribe.windowing.WindowMode}): utterance windows that pack a channel's consecutive
 * speech until the window is full or a latency budget runs out (live calls), and fixed overlapping windows exactly
 * as {@link dev.callscribe.longform.AudioChunker} cuts recordings (chunked). Why pack: the encoder always takes 30 s,
 * so a 4 s window costs as much as a full one; every plan reports its speech samples so the fill ratio (speech per
 * window second) can be published.
 *
 * <p><b>Time.</b> Everything is stream time: a position is a sample index at the channel's source rate, counted
 * from its first sample, so sample {@code n} is at {@code n * 1000 / rate} ms into the channel (see
 * {@link dev.callscribe.vad.SampleClock}, which also turns the option durations into samples, rounded to the
 * nearest sample). The latency budget counts stream time too: it has passed when the audio fed for the channel
 * reaches {@code budget} past the window's first speech, however long that took to arrive. This keeps the plans
 * deterministic and testable; ending a call that goes quiet on the wall clock (an inactivity timeout) is the
 * segmenter's business, and it does so by calling {@code finish}.
 *
 * <p><b>State.</b> A cutter's state ({@link dev.callscribe.windowing.WindowingState}) is a few numbers per channel,
 * never spans or audio, with a byte form under 50 bytes, so the segmenter keeps it in a state store and resumes
 * after a restart with identical results.
 *
 * <p>Pure: JDK and the project's own {@code vad} and {@code longform} packages only.
 */
package dev.callscribe.windowing;
