package io.github.computejava.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes {@code pkg/<name>.tar.gz} in the layout Fastly's CLI produces and deploys: {@code <name>/fastly.toml}
 * and {@code <name>/bin/main.wasm}.
 */
public final class PackageWriter {
    private PackageWriter() {}

    /** Writes the package and returns its path. */
    public static Path write(FastlyManifest manifest, Path wasm, Path packageDirectory) throws IOException {
        String name = manifest.packageName();
        Files.createDirectories(packageDirectory);
        Path target = packageDirectory.resolve(name + ".tar.gz");
        Path temp = Files.createTempFile(packageDirectory, name, ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temp);
                    GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(file);
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                directory(tar, name + "/");
                directory(tar, name + "/bin/");
                file(tar, name + "/bin/main.wasm", wasm);
                file(tar, name + "/fastly.toml", manifest.file());
                tar.finish();
            }
            makeReadable(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** Temp files start private; outputs are ordinary rw-r--r-- files. */
    static void makeReadable(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void directory(TarArchiveOutputStream tar, String path) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setMode(040750);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String path, Path source) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(source.toFile(), path);
        entry.setMode(0100644);
        tar.putArchiveEntry(entry);
        Files.copy(source, tar);
        tar.closeArchiveEntry();
    }
}
