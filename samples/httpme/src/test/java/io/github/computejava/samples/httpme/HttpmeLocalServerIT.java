package io.github.computejava.samples.httpme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.config.LocalServerConfig;
import io.github.computejava.server.EmbeddedOrigin;
import io.github.computejava.server.LocalServer;
import io.github.computejava.server.WasmProgram;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The built {@code bin/main.wasm} served by the local server, its {@code httpme} backend (from {@code fastly.toml})
 * pointed at the embedded demo origin: the client gets the origin's status and body with the program's {@code
 * Cache-Control}, and the origin sees the {@code TheTime} header the program adds.
 */
class HttpmeLocalServerIT {
    @Test
    void proxiesToTheOriginStampingTheRequestAndSettingCacheControl() throws Exception {
        LocalServerConfig config = LocalServerConfig.read(Path.of("fastly.toml"));
        Backend configured = config.backends().get("httpme");
        assertEquals("127.0.0.1", configured.url().orElseThrow().getHost(), "fastly.toml serves httpme locally");

        try (EmbeddedOrigin origin = EmbeddedOrigin.start(new InetSocketAddress("127.0.0.1", 0));
                LocalServer server = LocalServer.builder()
                        .program(WasmProgram.load(Path.of("bin/main.wasm"), WasmProgram.Execution.COMPILED))
                        .engine(HostEngine.builder()
                                .backend(
                                        configured.toBuilder().url(origin.uri()).build()))
                        .address(new InetSocketAddress("127.0.0.1", 0))
                        .build()) {
            server.start();

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri().resolve("/status/203/hello?from=test"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertEquals(203, response.statusCode(), "the origin's status");
            assertEquals(
                    "public, max-age=60",
                    response.headers().firstValue("cache-control").orElseThrow());
            assertEquals(
                    "application/json; charset=utf-8",
                    response.headers().firstValue("content-type").orElseThrow(),
                    "the origin's headers come through");
            JsonObject seen = JsonParser.parseString(response.body()).getAsJsonObject();
            assertEquals("/status/203/hello", seen.get("path").getAsString(), "the origin's body");
            assertEquals("from=test", seen.get("query").getAsString());
            JsonObject headers = seen.getAsJsonObject("headers");
            assertTrue(headers.has("TheTime"), "the origin saw TheTime: " + headers);
            assertTrue(
                    headers.get("TheTime").getAsString().endsWith(" GMT"),
                    headers.get("TheTime").toString());
        }
    }
}
