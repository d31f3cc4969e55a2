package dev.callscribe.vad;

/** The level of a frame of samples. Stateless. */
final class FrameLevel {

    /** Reported for a frame of digital silence, far below any useful floor. */
    static final double SILENT_DBFS = -200.0;

    private static final double DECIBELS_PER_DECADE = 10.0;

    private FrameLevel() {
    }

    /**
     * The frame's RMS level in dBFS, its mean (a DC offset) removed first: 0 dBFS is a full-scale square wave, so a
     * full-scale sine is -3 dBFS.
     */
    static double dbfs(float[] frame) {
        double mean = 0;
        for (float sample : frame) {
            mean += sample;
        }
        mean /= frame.length;
        double power = 0;
        for (float sample : frame) {
            double centred = sample - mean;
            power += centred * centred;
        }
        power /= frame.length;
        return power > 0 ? Math.max(SILENT_DBFS, DECIBELS_PER_DECADE * Math.log10(power)) : SILENT_DBFS;
    }
}
