package dev.callscribe.connect;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out {@code finished.action} for files whose last record is committed. A file is moved only then, never
 * when its last chunk is merely handed to Connect: a worker that dies in between would otherwise lose the end of the
 * call, with the file already gone. With exactly-once support "committed" means its transaction committed; on an
 * at-least-once worker, that the broker acknowledged the record.
 *
 * <p>{@link #committed} may be called from any thread (an at-least-once worker calls it from the producer's I/O
 * thread); the moves themselves happen in {@link #moveCommitted}, on the task's thread.
 */
final class FinishedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(FinishedFiles.class);
    /** How many numbered names to try when a moved file's name is taken; after that the file stays put. */
    private static final int MAX_NAME_SUFFIX = 1000;

    private final FinishedAction action;
    private final Optional<Path> finishedDirectory;
    private final Optional<Path> rejectedDirectory;
    private final Queue<Done> committed = new ConcurrentLinkedQueue<>();

    FinishedFiles(FinishedAction action, Optional<Path> finishedDirectory, Optional<Path> rejectedDirectory) {
        this.action = action;
        this.finishedDirectory = finishedDirectory;
        this.rejectedDirectory = rejectedDirectory;
    }

    /** A file the connector is done with. */
    private record Done(Path file, boolean rejected) {
    }

    /**
     * A record of {@code file} carrying {@code offset} is committed; if the offset says the file is finished, the
     * file is moved at the next {@link #moveCommitted}. Also called for a finished file found still in place, whose
     * task stopped before moving it. Thread-safe.
     */
    void committed(Path file, FileOffset offset) {
        if (action == FinishedAction.MOVE && offset.finished()) {
            committed.add(new Done(file, offset.rejected()));
        }
    }

    /** Moves every file committed so far. A file that cannot be moved stays where it is, with a warning. */
    void moveCommitted() {
        for (Done done = committed.poll(); done != null; done = committed.poll()) {
            Path file = done.file();
            (done.rejected() ? rejectedDirectory : finishedDirectory).ifPresent(directory -> move(file, directory));
        }
    }

    private static void move(Path file, Path directory) {
        try {
            Files.createDirectories(directory);
            Path moved = moveToFreeName(file, directory);
            LOG.info("Moved {} to {}", file, moved);
        } catch (NoSuchFileException e) {
            LOG.info("{} is gone already; nothing to move", file);
        } catch (IOException e) {
            LOG.warn("Cannot move {} to {}; it stays where it is (done, so it is not published again): {}", file,
                    directory, e.toString());
        }
    }

    /** Moves the file to its own name in {@code directory}, or the first free {@code name-N.ext}. */
    private static Path moveToFreeName(Path file, Path directory) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int suffix = 0; suffix <= MAX_NAME_SUFFIX; suffix++) {
            Path target = directory.resolve(suffix == 0 ? name : stem + "-" + suffix + extension);
            // Checked first because an atomic move (rename(2)) would silently replace an earlier recording.
            if (Files.notExists(target, LinkOption.NOFOLLOW_LINKS)) {
                return moveTo(file, target);
            }
        }
        throw new FileAlreadyExistsException(directory.resolve(name).toString(), null,
                "and " + MAX_NAME_SUFFIX + " numbered names are taken too");
    }

    private static Path moveTo(Path file, Path target) throws IOException {
        try {
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Another file system: copy and delete, which refuses to replace an existing file.
            return Files.move(file, target);
        }
    }
}
