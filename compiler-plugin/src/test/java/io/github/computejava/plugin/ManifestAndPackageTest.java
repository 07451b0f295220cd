package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestAndPackageTest {
    @TempDir
    Path dir;

    @Test
    void packageNamesAreSanitisedLikeFastlysCli() {
        // each pair was produced by `fastly compute pack` (CLI v16.1.0)
        assertEquals("My-App-1-0", FastlyManifest.packageName("My App_1.0"));
        assertEquals("a-b-c-d-e", FastlyManifest.packageName("a&b=c+d:e"));
        assertEquals("hello-woerld", FastlyManifest.packageName("héllo wörld"));
        assertEquals("x-y", FastlyManifest.packageName("x--y"));
        assertEquals("a-b", FastlyManifest.packageName("a/b"));
        assertEquals("dots-name", FastlyManifest.packageName("dots.name"));
        assertEquals("UPPER", FastlyManifest.packageName("UPPER"));
    }

    @Test
    void invalidManifestsGetClearErrors() throws IOException {
        Path missing = dir.resolve("fastly.toml");
        assertTrue(assertThrows(BuildException.class, () -> FastlyManifest.read(missing))
                .getMessage()
                .contains("No fastly.toml"));
        Files.writeString(missing, "name = \"x\nlanguage = ");
        assertTrue(assertThrows(BuildException.class, () -> FastlyManifest.read(missing))
                .getMessage()
                .contains("is not valid TOML"));
        Files.writeString(missing, "manifest_version = 3\nlanguage = \"other\"\n");
        assertTrue(assertThrows(BuildException.class, () -> FastlyManifest.read(missing))
                .getMessage()
                .contains("must set name"));
    }

    @Test
    void packageHasTheCliLayout() throws IOException {
        Path toml = dir.resolve("fastly.toml");
        Files.writeString(toml, "manifest_version = 3\nname = \"My App\"\nlanguage = \"other\"\n");
        Path wasm = dir.resolve("main.wasm");
        Files.write(wasm, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Path pkg = PackageWriter.write(FastlyManifest.read(toml), wasm, dir.resolve("pkg"));
        assertEquals(dir.resolve("pkg/My-App.tar.gz"), pkg);
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pkg);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName());
                if (e.getName().endsWith("main.wasm")) {
                    assertEquals(8, tar.readAllBytes().length);
                }
            }
        }
        assertEquals(List.of("My-App/", "My-App/bin/", "My-App/bin/main.wasm", "My-App/fastly.toml"), names);
    }
}
