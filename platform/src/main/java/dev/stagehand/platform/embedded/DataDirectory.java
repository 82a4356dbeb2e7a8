package dev.stagehand.platform.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The directory where this node keeps everything it owns on disk (embedded PostgreSQL and Kafka, keys). Held under
 * an exclusive lock for the node's lifetime, so that a second instance started on the same directory stops with a
 * clear message instead of corrupting the first one's data.
 */
public final class DataDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "stagehand.lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static DataDirectory lock(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        Path lockFile = absolute.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException alreadyHeldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUseException(absolute);
        }
        return new DataDirectory(absolute, channel, lock);
    }

    public Path root() {
        return root;
    }

    /** A subdirectory, created when missing. */
    public Path resolve(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
