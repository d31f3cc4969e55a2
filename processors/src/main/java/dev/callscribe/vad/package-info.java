/**
 * Voice activity detection: which stretches of a channel are speech, decided chunk by chunk as the audio arrives.
 *
 * <p>Three parts, each replaceable on its own:
 * <ul>
 *   <li>{@link dev.callscribe.vad.FrameClassifier} scores one frame for speech;
 *       {@link dev.callscribe.vad.SpectralFrameClassifier} is the baseline (energy floor, speech-band fraction and
 *       spectral peakiness; its Javadoc says what it detects and what it does not).</li>
 *   <li>{@link dev.callscribe.vad.HysteresisGate} is the state machine from scores to spans: on/off thresholds,
 *       minimum speech, hangover, padding. It imports no model, so a Silero classifier could feed it unchanged.</li>
 *   <li>{@link dev.callscribe.vad.SpeechDetector} is the entry class: framing, the energy floor, the two above, and
 *       a small resumable {@link dev.callscribe.vad.VadState} for a Kafka Streams state store.</li>
 * </ul>
 *
 * <p>Time is stream time: positions are sample indices at the channel's source rate, from its first sample;
 * {@link dev.callscribe.vad.SampleClock} converts milliseconds once, and everything after is integer arithmetic,
 * so results are exact and independent of chunking and of the wall clock.
 *
 * <p>Pure: JDK only (the FFT is written out here), no Kafka, Avro or ONNX Runtime.
 */
package dev.callscribe.vad;
