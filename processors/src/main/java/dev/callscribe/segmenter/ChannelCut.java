package dev.callscribe.segmenter;

import java.util.List;

/**
 * One channel's voice activity detector and window cutter, in their byte forms, plus what the segmenter tracks for
 * its windows.
 *
 * @param vad the detector's state
 * @param windowing the cutter's state
 * @param lastWindowEnd end sample of the latest window with audio; silence between windows is counted from here
 * @param gaps ranges of samples that never arrived and were filled with silence, as [start, end) pairs, oldest first;
 *             trimmed as audio is released
 */
record ChannelCut(byte[] vad, byte[] windowing, long lastWindowEnd, List<long[]> gaps) {

    ChannelCut {
        gaps = List.copyOf(gaps);
    }
}
