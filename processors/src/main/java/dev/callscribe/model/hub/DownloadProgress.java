package dev.callscribe.model.hub;

/**
 * Where one file's download stands.
 *
 * @param repoId           the repository
 * @param file             the file, relative to the repository
 * @param bytesDone        bytes on disk so far, those of an earlier partial download included
 * @param totalBytes       the file's size in bytes, or -1 where the server did not say
 * @param resumedFromBytes bytes already on disk when this download started (0 for a fresh one)
 */
public record DownloadProgress(String repoId, String file, long bytesDone, long totalBytes, long resumedFromBytes) {

    /** Returns the share done in percent, or -1 where the size is unknown. */
    public double percent() {
        return totalBytes > 0 ? 100.0 * bytesDone / totalBytes : -1;
    }

    /** Returns a copy with another byte count. */
    DownloadProgress at(long bytes) {
        return new DownloadProgress(repoId, file, bytes, totalBytes, resumedFromBytes);
    }
}
