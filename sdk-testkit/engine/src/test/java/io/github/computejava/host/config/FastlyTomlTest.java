package io.github.computejava.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reader of fastly.toml: the build's top-level keys and the local server's section from one parse. */
class FastlyTomlTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("fastly.toml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void topLevelKeysAndTheLocalServerSectionComeFromOneFile() throws Exception {
        FastlyToml toml = FastlyToml.read(
                write(
                        """
                manifest_version = 3
                name = "my service"
                language = "other"
                [local_server.config_stores.settings]
                format = "inline-toml"
                [local_server.config_stores.settings.contents]
                greeting = "hello"
                """));
        assertEquals(Optional.of("my service"), toml.name());
        assertEquals(Optional.of(3L), toml.manifestVersion());
        assertEquals(Optional.of("other"), toml.language());
        assertEquals(
                Map.of("greeting", "hello"),
                toml.localServer(name -> null).configStores().get("settings"));
    }

    @Test
    void aMissingOrBlankNameIsEmpty() throws Exception {
        assertEquals(
                Optional.empty(),
                FastlyToml.read(write("language = \"other\"\n")).name());
        assertEquals(Optional.empty(), FastlyToml.read(write("name = \"  \"\n")).name());
    }

    @Test
    void wrongTypesAndBadTomlNameTheFileAndLine() throws Exception {
        Path file = write("name = \"x\"\nmanifest_version = \"3\"\n");
        String message =
                assertThrows(ConfigException.class, () -> FastlyToml.read(file)).getMessage();
        assertTrue(message.startsWith(file + ":2:"), message);
        assertTrue(message.contains("manifest_version must be an integer"), message);

        assertTrue(assertThrows(ConfigException.class, () -> FastlyToml.read(write("name = 5\n")))
                .getMessage()
                .contains("name must be a string"));
        assertTrue(assertThrows(ConfigException.class, () -> FastlyToml.read(write("name = \"x\nlanguage = ")))
                .getMessage()
                .contains("is not valid TOML"));
        assertTrue(assertThrows(ConfigException.class, () -> FastlyToml.read(dir.resolve("none.toml")))
                .getMessage()
                .contains("no such file"));
    }
}
