package dev.callscribe.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What tells one version of a recording file from another: its size and last-modified time. A file whose stamp
 * differs from the one stored in the connector's offsets was replaced, and is published again from its start; a file
 * whose stamp changes while it is read is still being written, and is read again later.
 *
 * @param sizeBytes  the file's size in bytes
 * @param modifiedMs its last-modified time, milliseconds since the epoch
 */
record FileStamp(long sizeBytes, long modifiedMs) {

    /** The stamp the file has now. */
    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
    }
}
