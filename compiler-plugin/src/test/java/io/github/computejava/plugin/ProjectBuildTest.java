package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build removes the previous outputs before any step can fail, so deploy never picks up a stale package. */
class ProjectBuildTest {
    @TempDir
    Path dir;

    private Path wasm;
    private Path pkg;
    private Path toml;

    @BeforeEach
    void previousBuild() throws IOException {
        wasm = dir.resolve("bin/main.wasm");
        pkg = dir.resolve("pkg");
        toml = dir.resolve("fastly.toml");
        Files.createDirectories(wasm.getParent());
        Files.createDirectories(pkg);
        Files.write(wasm, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Files.writeString(pkg.resolve("old-name.tar.gz"), "stale package");
        Files.writeString(pkg.resolve("notes.txt"), "not a package");
    }

    private ProjectBuild build(String mainClass) {
        return new ProjectBuild(toml, FixtureBuilds.wasmBuild(mainClass, wasm, dir.resolve("target/compute")), pkg);
    }

    @Test
    void anInvalidFastlyTomlLeavesNoOldWasmNorPackage() throws IOException {
        Files.writeString(toml, "name = \"unterminated\n");

        BuildException e =
                assertThrows(BuildException.class, () -> build("io.github.computejava.plugin.fixtures.HelloProgram")
                        .run());

        assertTrue(e.getMessage().contains("is not valid TOML"), e.getMessage());
        assertFalse(Files.exists(wasm), "the previous main.wasm must be gone");
        assertFalse(Files.exists(pkg.resolve("old-name.tar.gz")), "the previous package must be gone");
        assertTrue(Files.exists(pkg.resolve("notes.txt")), "only packages are build outputs");
    }

    @Test
    void aMissingFastlyTomlLeavesNoOldOutputs() {
        assertThrows(BuildException.class, () -> build("io.github.computejava.plugin.fixtures.HelloProgram")
                .run());

        assertFalse(Files.exists(wasm));
        assertFalse(Files.exists(pkg.resolve("old-name.tar.gz")));
    }

    @Test
    void aProgramThatDoesNotCompileLeavesNoOldOutputs() throws IOException {
        Files.writeString(toml, "manifest_version = 3\nname = \"app\"\nlanguage = \"other\"\n");

        assertThrows(
                BuildException.class, () -> build("com.example.DoesNotExist").run());

        assertFalse(Files.exists(wasm));
        assertFalse(Files.exists(pkg.resolve("old-name.tar.gz")));
        assertFalse(Files.exists(pkg.resolve("app.tar.gz")));
    }

    @Test
    void aGoodBuildWritesTheNewPackageOnly() throws IOException {
        Files.writeString(toml, "manifest_version = 3\nname = \"new name\"\nlanguage = \"other\"\n");

        Path written =
                build("io.github.computejava.plugin.fixtures.HelloProgram").run();

        assertEquals(pkg.resolve("new-name.tar.gz"), written);
        assertTrue(Files.size(wasm) > 8, "a freshly compiled main.wasm");
        assertFalse(Files.exists(pkg.resolve("old-name.tar.gz")));
    }
}
