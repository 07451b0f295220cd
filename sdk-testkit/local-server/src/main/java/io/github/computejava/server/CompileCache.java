package io.github.computejava.server;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Compiled programs kept on disk, keyed by the module's digest under a directory per Chicory version, so a
 * program compiles once across server starts (large programs, such as those built by Fastly's JavaScript SDK,
 * take a minute to compile).
 */
final class CompileCache implements Cache {
    private final Path directory;

    CompileCache(Path directory) {
        this.directory = directory;
    }

    /** The default location: {@code $XDG_CACHE_HOME} or {@code ~/.cache}, then {@code compute-java/compiled}. */
    static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("compute-java").resolve("compiled").resolve("chicory-" + ServeCommand.chicoryVersion());
    }

    /** The cached code, or null (also when the cache cannot be read: the program then compiles). */
    @Override
    public byte[] get(String key) {
        Path file = file(key);
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Keeps the compiled code; a cache that cannot be written is skipped. */
    @Override
    public void putIfAbsent(String key, byte[] data) {
        try {
            put(file(key), data);
        } catch (IOException e) {
            // no cache this time
        }
    }

    private void put(Path file, byte[] data) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(directory);
        Path tmp = Files.createTempFile(directory, "compiling-", ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } catch (FileAlreadyExistsException e) {
            // another server compiled it first
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path file(String key) {
        return directory.resolve(key.replaceAll("[^A-Za-z0-9_-]", "_") + ".jar");
    }
}
