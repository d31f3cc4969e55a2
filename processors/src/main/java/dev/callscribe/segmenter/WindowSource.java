package dev.callscribe.segmenter;

import java.util.List;

/**
 * The channel a window is cut from, with what its record needs: the call's state and the channel's filled gaps.
 *
 * @param callId the call
 * @param channel the channel, from 0
 * @param call the call's state (format, speakers, language, capture time)
 * @param gaps the channel's gaps filled with silence, as [start, end) sample pairs
 */
record WindowSource(String callId, int channel, CallState call, List<long[]> gaps) {
}
