package dev.callscribe.transcriber;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.kafka.common.config.ConfigException;

/**
 * A number that tells the transcriber processes of one host (and one group) apart, held with an operating-system
 * file lock on {@code <directory>/slot-<n>.lock}: a process takes the lowest number whose file nobody holds. The OS
 * releases the lock when the process ends, even by SIGKILL, so a process restarted on the host takes the number its
 * predecessor had (unless a newer process took it meanwhile), and with it the same transactional id: it fences the
 * predecessor and aborts the transaction that one left open at once, instead of leaving it to time out. Two live
 * processes never hold the same number, so they never share a transactional id and fence each other.
 *
 * <p>Locks are per JVM: a second transcriber in the same process gets the next number too. The lock files are left
 * in place (they are empty); deleting one another process holds would let a third take the same number. Owns the
 * lock until {@link #close()}, which is idempotent.
 */
final class InstanceSlot implements AutoCloseable {

    /** More transcribers than any host runs; a bound so a directory full of held locks fails instead of looping. */
    static final int MAX_SLOTS = 1024;

    private final int number;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceSlot(int number, Path file, FileChannel channel, FileLock lock) {
        this.number = number;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lowest free slot in {@code directory}, creating the directory if needed.
     *
     * @throws IOException if the directory or a lock file cannot be written, or all {@link #MAX_SLOTS} are held
     */
    static InstanceSlot acquire(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (int number = 0; number < MAX_SLOTS; number++) {
            Path file = directory.resolve("slot-" + number + ".lock");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock != null) {
                return new InstanceSlot(number, file, channel, lock);
            }
            channel.close();
        }
        throw new IOException("all " + MAX_SLOTS + " slots in " + directory + " are held by live processes");
    }

    /** The lock, or null when another process, or another slot of this JVM, holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The slot's number, from 0. */
    int number() {
        return number;
    }

    /** The lock file. */
    Path file() {
        return file;
    }

    /** The host's name: HOSTNAME, else the local host's name. */
    static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new ConfigException(TranscriberConfig.INSTANCE_ID_CONFIG, "", "the host name cannot be resolved ("
                    + e.getMessage() + "); set " + TranscriberConfig.INSTANCE_ID_CONFIG + " to a name unique in the "
                    + "group and stable across restarts");
        }
    }

    /** Releases the slot for the next process. */
    @Override
    public synchronized void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }
}
