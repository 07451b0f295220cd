package io.github.computejava.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.testkit.TestHost;
import io.github.computejava.testkit.TestRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The geo and erl packages in {@code main.wasm}: the build binds {@code fastly_geo} and {@code fastly_erl} with the
 * ABI's signatures (the import check refuses anything else), and on the local server the program reads seeded
 * geolocation and is rate limited on the host's virtual clock.
 */
class GeoRateLimitWasmBuildTest {
    @TempDir
    Path dir;

    @Test
    void geolocationAndRateLimitingWorkInsideMainWasm() throws IOException {
        WasmBuild.Result result = FixtureBuilds.wasmBuild(
                        "io.github.computejava.plugin.fixtures.GeoRateLimitProgram",
                        dir.resolve("bin/main.wasm"),
                        dir.resolve("work"))
                .run();
        List<String> imports = result.imports().stream()
                .filter(i -> i.module().equals("fastly_geo") || i.module().equals("fastly_erl"))
                .map(i -> i.module() + "." + i.name())
                .sorted()
                .collect(Collectors.toList());
        assertEquals(
                List.of(
                        "fastly_erl.check_rate",
                        "fastly_erl.penaltybox_add",
                        "fastly_erl.penaltybox_has",
                        "fastly_erl.ratecounter_increment",
                        "fastly_erl.ratecounter_lookup_count",
                        "fastly_erl.ratecounter_lookup_rate",
                        "fastly_geo.lookup"),
                imports);
        for (ImportCheck.ModuleImport imp : result.imports()) {
            assertEquals(false, imp.module().startsWith("teavm"), "still imports " + imp);
        }

        try (TestHost host = TestHost.builder()
                .localServer(result.wasm())
                .geolocation(
                        "2001:db8::7",
                        "{\"city\":\"Paris\",\"country_code\":\"FR\",\"as_number\":3215,"
                                + "\"latitude\":48.8566,\"utc_offset\":100}")
                .build()) {
            host.get("/geo")
                    .header("X-Ip", "2001:db8:0::7")
                    .send()
                    .assertThat()
                    .hasStatus(200)
                    .hasHeader("X-Found", "true")
                    .hasHeader("X-City", "Paris")
                    .hasHeader("X-Country", "FR")
                    .hasHeader("X-As", "3215")
                    .hasHeader("X-Lat", "48.8566")
                    .hasHeader("X-Offset", "60")
                    // the local server's client is on loopback, which gets Fastly's default data
                    .hasHeader("X-Client-City", "San Francisco");
            host.get("/geo").header("X-Ip", "198.51.100.1").send().assertThat().hasHeader("X-Found", "false");
            host.get("/geo").header("X-Ip", "127.0.0.1").send().assertThat().hasHeader("X-As", "54113");

            erl(host, "client", 100)
                    .hasStatus(200)
                    .hasHeader("X-In-Box", "false")
                    .hasHeader("X-Count", "100");
            host.clock().advance(Duration.ofSeconds(1));
            erl(host, "client", 101)
                    .hasStatus(429)
                    .hasHeader("X-In-Box", "true")
                    .hasHeader("X-Count", "201")
                    .hasHeader("X-Rate", "20");
            erl(host, "other", 1).hasStatus(200);
            host.clock().advance(Duration.ofSeconds(120));
            erl(host, "client", 0).hasStatus(200).hasHeader("X-In-Box", "false");

            host.get("/count")
                    .header("X-Entry", "k")
                    .header("X-Delta", "7")
                    .send()
                    .assertThat()
                    .hasHeader("X-Count", "7")
                    .hasHeader("X-Has", "true,false");
        }
    }

    private static io.github.computejava.testkit.ResponseAssert erl(TestHost host, String entry, int delta) {
        TestRequest r = host.get("/erl").header("X-Entry", entry).header("X-Delta", Integer.toString(delta));
        return r.send().assertThat();
    }
}
