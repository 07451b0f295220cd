package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started from its command line with {@code --watch}: new files are served, broken ones reported. */
class ServeSessionTest {
    private static final long WAIT_MILLIS = 30_000;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private ServeSession session;

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
    }

    private ServeSession open(String... args) {
        session = ServeCommand.open(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return session;
    }

    /** Writes a file whole, as a build does (a temporary file moved into place). */
    private void write(Path file, byte[] bytes) throws Exception {
        Path temp = Files.createTempFile(dir, "next", ".part");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String body(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(session.server().uri().resolve(path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRewrittenProgramIsServedWithoutRestartingAndTheOldOneAnswersUntilThen() throws Exception {
        Path wasm = dir.resolve("main.wasm");
        Files.write(wasm, TestPrograms.respond(200, "one"));
        open("--addr", "127.0.0.1:0", "--watch", wasm.toString()).watchFiles();
        int port = session.server().port();
        assertEquals("one", body("/"));

        write(wasm, TestPrograms.respond(200, "two"));
        List<String> answers = new ArrayList<>();
        await("the new program answers", () -> {
            try {
                answers.add(body("/"));
            } catch (Exception e) {
                throw new AssertionError("the server stopped answering while it reloaded", e);
            }
            return answers.get(answers.size() - 1).equals("two");
        });

        int firstTwo = answers.indexOf("two");
        assertTrue(answers.subList(0, firstTwo).stream().allMatch("one"::equals), answers.toString());
        assertEquals(port, session.server().port(), "the same socket");
        assertEquals("two", body("/"));
        await("the reload is reported", () -> printed().contains("Serving " + wasm + " (version 2"));
    }

    @Test
    void aBrokenOrMissingProgramIsReportedAndTheOldOneKeepsServing() throws Exception {
        Path wasm = dir.resolve("main.wasm");
        Files.write(wasm, TestPrograms.respond(200, "one"));
        open("--addr", "127.0.0.1:0", wasm.toString()).watchFiles();

        write(wasm, "not wasm".getBytes(StandardCharsets.UTF_8));
        await("the broken program is reported", () -> errors().contains("still serving version 1"));
        assertTrue(errors().contains("is not a WebAssembly module"), errors());
        assertEquals("one", body("/"));

        Files.delete(wasm);
        await("the missing program is reported", () -> printed().contains(wasm + " is missing"));
        assertEquals("one", body("/"));

        write(wasm, TestPrograms.respond(200, "three"));
        await("the repaired program answers", () -> {
            try {
                return body("/").equals("three");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aChangedManifestReplacesStoresAndBackendsAndABrokenOneKeepsThePrevious() throws Exception {
        Path wasm = dir.resolve("main.wasm");
        Files.write(wasm, TestPrograms.respond(200, "one"));
        Path manifest = dir.resolve("fastly.toml");
        Files.writeString(
                manifest,
                "[local_server.backends.origin]\nurl = \"http://127.0.0.1:9/\"\n"
                        + "[local_server.config_stores.settings]\nformat = \"inline-toml\"\n"
                        + "[local_server.config_stores.settings.contents]\ngreeting = \"hej\"\n");
        open("-C", manifest.toString(), "--addr", "127.0.0.1:0", wasm.toString())
                .watchFiles();
        assertEquals(Map.of("greeting", "hej"), session.server().engine().configStore("settings"));

        write(
                manifest,
                ("[local_server.backends.other]\nurl = \"http://127.0.0.1:10/\"\n"
                                + "[local_server.config_stores.settings]\nformat = \"inline-toml\"\n"
                                + "[local_server.config_stores.settings.contents]\ngreeting = \"hallo\"\n")
                        .getBytes(StandardCharsets.UTF_8));
        // the line is printed once the new configuration is in use
        await("the new configuration is reported", () -> printed()
                .contains("Reloaded " + manifest + " (1 backends, 1 stores)"));
        assertEquals("hallo", session.server().engine().configStore("settings").get("greeting"));
        assertTrue(session.server().engine().backend("other") != null);
        assertEquals(null, session.server().engine().backend("origin"), "a backend no longer defined is gone");

        write(manifest, "[local_server.backends.broken\nurl = 1\n".getBytes(StandardCharsets.UTF_8));
        await("the broken manifest is reported", () -> errors().contains("keeping the previous configuration"));
        assertTrue(errors().contains(manifest.toString()), errors());
        assertEquals("hallo", session.server().engine().configStore("settings").get("greeting"));
        assertEquals("one", body("/"), "the program still serves");
    }

    @Test
    void aChangedSourceIsRebuiltAndServedAndAFailedBuildKeepsTheOldProgram() throws Exception {
        Path wasm = dir.resolve("main.wasm");
        Files.write(wasm, TestPrograms.respond(200, "first"));
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path source = sources.resolve("Main.txt");
        Files.writeString(source, "first");
        open("--addr", "127.0.0.1:0", wasm.toString());
        List<java.util.Set<Path>> builds = new java.util.concurrent.CopyOnWriteArrayList<>();
        // the "build" turns the source's text into a program answering with it; "broken" fails to build
        ServeSession.Rebuild rebuild = changed -> {
            builds.add(changed);
            try {
                String text = Files.readString(source);
                if (text.equals("broken")) {
                    System.err.println("the text is broken");
                    return false;
                }
                write(wasm, TestPrograms.respond(200, text));
                return true;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        Thread watching = new Thread(() -> {
            try {
                session.watch(List.of(sources), rebuild);
            } catch (InterruptedException e) {
                // closed
            }
        });
        watching.start();
        await("the watch has started", () -> printed().contains("Watching " + sources));

        Files.writeString(source, "second");
        await("the rebuilt program answers", () -> {
            try {
                return body("/").equals("second");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(java.util.Set.of(source), builds.get(0), "the build is told what changed");

        Files.writeString(source, "broken");
        await("the failed build is reported", () -> errors().contains("the build failed; still serving version 2"));
        assertEquals("second", body("/"));

        session.close();
        watching.join(10_000);
        assertFalse(watching.isAlive(), "closing the session ends the watch");
    }

    @Test
    void openRefusesABadCommandLineAndAnUnreadableProgram() {
        ServeCommand.StartFailure usage = assertThrows(ServeCommand.StartFailure.class, () -> open("--bogus"));
        assertEquals(2, usage.status());
        ServeCommand.StartFailure missing = assertThrows(
                ServeCommand.StartFailure.class,
                () -> open("--addr", "127.0.0.1:0", dir.resolve("none.wasm").toString()));
        assertEquals(1, missing.status());
        assertFalse(printed().contains("Listening on"), printed());
        session = null;
    }
}
