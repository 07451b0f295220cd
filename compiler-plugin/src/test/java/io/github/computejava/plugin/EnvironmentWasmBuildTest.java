package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.VirtualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code System.getenv} in a program becomes the SDK's WASI environment reader in {@code main.wasm}, and the SDK's
 * clock is the host's: run on the local server, the program sees the host's environment and virtual time.
 */
class EnvironmentWasmBuildTest {
    @TempDir
    Path dir;

    @Test
    void systemGetenvReadsTheHostsEnvironmentAndTheSdkReadsTheHostsClock() throws IOException {
        WasmBuild.Result result = FixtureBuilds.wasmBuild(
                        "io.github.computejava.plugin.fixtures.EnvironmentProgram",
                        dir.resolve("bin/main.wasm"),
                        dir.resolve("work"))
                .run();
        for (ImportCheck.ModuleImport imp : result.imports()) {
            assertFalse(imp.module().startsWith("teavm"), "still imports " + imp);
        }
        assertTrue(
                result.imports().stream().anyMatch(i -> i.name().equals("environ_get")),
                result.imports().toString());

        Instant start = Instant.parse("2030-02-03T04:05:06.789Z");
        try (TestHost host = TestHost.builder()
                .localServer(result.wasm())
                .clock(new VirtualClock(start))
                .environment("FASTLY_POP", "FRA")
                .environment("FEATURE_FLAG", "on")
                .build()) {
            host.get("/")
                    .send()
                    .assertThat()
                    .hasStatus(200)
                    .hasBody("ok")
                    .hasHeader("X-Pop", "FRA")
                    .hasHeader("X-Missing", "null")
                    .hasHeader("X-Hostname", "localhost")
                    .hasHeader("X-Flag", "on")
                    .hasHeader("X-Same", "true")
                    .hasHeader("X-Millis", Long.toString(start.toEpochMilli()))
                    .hasHeader("X-Date", "Sun, 03 Feb 2030 04:05:06 GMT");
        }
    }
}
