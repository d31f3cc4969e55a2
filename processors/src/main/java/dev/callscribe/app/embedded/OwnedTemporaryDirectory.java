package dev.callscribe.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A temporary directory that says it is in use: its owner holds an operating-system lock on {@code owner.lock}
 * inside it (the file also names the owner's process id, for people). The OS releases the lock when the owner
 * ends, however it ends, so a directory whose lock can be taken was left behind by a process that died without
 * cleaning up (SIGKILL, a crash, a power cut). {@link #create} removes such leftovers of the same prefix before it
 * makes a new directory; a directory whose owner still runs, or one without a lock file (not made by this class),
 * is never touched. The lock file is locked under another name and then renamed into place, so no other process
 * ever sees an {@code owner.lock} that is not locked yet.
 *
 * <p>Owns the directory and the lock until {@link #close()}, which deletes the directory and is idempotent.
 */
public final class OwnedTemporaryDirectory implements AutoCloseable {

    /** The lock file inside each directory. */
    public static final String OWNER_LOCK = "owner.lock";

    private static final Logger LOG = LoggerFactory.getLogger(OwnedTemporaryDirectory.class);
    private static final String LOCKING = OWNER_LOCK + ".new";

    private final Path directory;
    private final FileChannel channel;
    private boolean closed;

    private OwnedTemporaryDirectory(Path directory, FileChannel channel) {
        this.directory = directory;
        this.channel = channel;
    }

    /**
     * Removes the leftovers of dead owners among {@code parent}'s directories named {@code prefix*}, then makes a
     * new one and locks it.
     *
     * @throws UncheckedIOException if the directory cannot be made or locked
     */
    public static OwnedTemporaryDirectory create(Path parent, String prefix) {
        removeStale(parent, prefix);
        try {
            Path directory = Files.createTempDirectory(parent, prefix);
            Path locking = directory.resolve(LOCKING);
            FileChannel channel = FileChannel.open(locking, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            channel.lock();
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            Files.move(locking, directory.resolve(OWNER_LOCK), StandardCopyOption.ATOMIC_MOVE);
            return new OwnedTemporaryDirectory(directory, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory in " + parent, e);
        }
    }

    /**
     * Deletes every directory of {@code parent} named {@code prefix*} whose {@value #OWNER_LOCK} nobody holds.
     *
     * @return the directories deleted
     */
    public static List<Path> removeStale(Path parent, String prefix) {
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path candidate : entries.filter(path -> path.getFileName().toString().startsWith(prefix)).toList()) {
                if (removeIfOrphaned(candidate)) {
                    removed.add(candidate);
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot look for stale directories in {}: {}", parent, e.toString());
        }
        return removed;
    }

    /** The directory. */
    public Path path() {
        return directory;
    }

    /** Deletes the directory and releases the lock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The lock is held while the contents go, so no other process takes the directory for a leftover meanwhile.
        deleteTree(directory, path -> !path.equals(directory) && !path.getFileName().toString().equals(OWNER_LOCK));
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Lock of {} not closed cleanly: {}", directory, e.toString());
        }
        deleteTree(directory, path -> true);
    }

    private static boolean removeIfOrphaned(Path candidate) {
        Path lockFile = candidate.resolve(OWNER_LOCK);
        if (!Files.isDirectory(candidate) || !Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return false;
            }
            LOG.info("Removing {}: left behind by an embedded run that ended without cleaning up", candidate);
            deleteTree(candidate, path -> true);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            LOG.debug("Cannot check {}: {}", candidate, e.toString());
            return false;
        }
    }

    /** The lock, or null when another process (or this JVM) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void deleteTree(Path root, Predicate<Path> which) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).filter(which).forEach(path -> path.toFile().delete());
        } catch (NoSuchFileException e) {
            LOG.debug("{} is gone already", root);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", root, e.toString());
        }
    }
}
