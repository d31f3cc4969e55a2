package dev.callscribe.connect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lists the recordings of the watched directory that one task publishes: regular files whose name matches the
 * pattern and does not start with '.', that the task's {@link FileAssignment} gives it, and that have not been
 * modified for the minimum age (a recorder still writing one keeps touching it). Oldest first, then by name, so
 * calls are published in the order they were recorded.
 */
final class DirectoryScanner {

    private static final Comparator<Candidate> OLDEST_FIRST = Comparator
            .comparingLong((Candidate candidate) -> candidate.stamp().modifiedMs())
            .thenComparing(candidate -> candidate.file().getFileName().toString());

    private final Path directory;
    private final PathMatcher names;
    private final FileAssignment assignment;
    private final Duration minAge;
    private final Clock clock;

    DirectoryScanner(Path directory, PathMatcher names, FileAssignment assignment, Duration minAge, Clock clock) {
        this.directory = directory;
        this.names = names;
        this.assignment = assignment;
        this.minAge = minAge;
        this.clock = clock;
    }

    /** A file ready to be read, with the stamp it had when listed. */
    record Candidate(Path file, FileStamp stamp) {
    }

    Path directory() {
        return directory;
    }

    /**
     * The files ready to be read now.
     *
     * @throws IOException if the directory cannot be listed (missing, unmounted, no permission)
     */
    List<Candidate> scan() throws IOException {
        long newestReadable = clock.millis() - minAge.toMillis();
        List<Candidate> ready = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, this::isOurs)) {
            for (Path file : entries) {
                stampOf(file).filter(stamp -> stamp.modifiedMs() <= newestReadable)
                        .ifPresent(stamp -> ready.add(new Candidate(file.toAbsolutePath().normalize(), stamp)));
            }
        }
        ready.sort(OLDEST_FIRST);
        return ready;
    }

    private boolean isOurs(Path entry) {
        Path name = entry.getFileName();
        return !name.toString().startsWith(".") && names.matches(name) && assignment.owns(name.toString())
                && Files.isRegularFile(entry);
    }

    /** The file's stamp, or empty if it went away since it was listed. */
    private static Optional<FileStamp> stampOf(Path file) throws IOException {
        try {
            return Optional.of(FileStamp.of(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
