package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        // a command line that serves would block until the process stops: the timeout fails such a test
        return assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> ServeCommand.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private Path program() throws Exception {
        Path wasm = dir.resolve("main.wasm");
        Files.write(wasm, TestPrograms.respond(200, "ok"));
        return wasm;
    }

    @Test
    void aMissingConfigFileIsAnErrorBeforeListening() throws Exception {
        Path missing = dir.resolve("missing.toml");

        int status = run(
                "-C",
                missing.toString(),
                "--addr",
                "127.0.0.1:0",
                "--interpreter",
                program().toString());

        assertEquals(1, status);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("error: " + missing + ": no such file"), errors);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("Listening on"), out.toString());
    }

    @Test
    void aMalformedConfigFileIsAnErrorBeforeListening() throws Exception {
        Path bad = dir.resolve("fastly.toml");
        Files.writeString(bad, "[local_server.backends.origin\nurl = 1\n");

        int status = run(
                "-C",
                bad.toString(),
                "--addr",
                "127.0.0.1:0",
                "--interpreter",
                program().toString());

        assertEquals(1, status);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("error: " + bad + ":1"), errors);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("Listening on"), out.toString());
    }

    @Test
    void aFramesFileThatDoesNotExistIsAnErrorBeforeListening() throws Exception {
        Path missing = dir.resolve("missing.frames.json");

        int status = run(
                "--frames",
                missing.toString(),
                "--addr",
                "127.0.0.1:0",
                "--interpreter",
                program().toString());

        assertEquals(1, status);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("error: the frame map " + missing + " does not exist"), errors);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("Listening on"), out.toString());
    }

    @Test
    void traceRefusesAMapWrittenForAnotherModule() throws Exception {
        Path wasm = program();
        new FrameMap(FrameMap.sha256(new byte[] {0, 'a', 's', 'm'}), java.util.List.of(), java.util.List.of(), 0, 0, 0)
                .write(FrameMap.beside(wasm));

        int status = run("trace", wasm.toString());

        assertEquals(1, status);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("was written for another build of " + wasm), errors);
    }
}
