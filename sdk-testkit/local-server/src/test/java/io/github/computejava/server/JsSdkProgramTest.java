package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program built with Fastly's JavaScript SDK runs on the local server: it imports ~180 hostcalls and uses them
 * differently from this SDK (the downstream body once, header iteration, config stores, KV stores, geolocation,
 * log endpoints, backend fetches, streaming bodies, the HTTP cache's after-send hook). The program is built here with {@code js-compute-runtime}
 * (npm package {@code @fastly/js-compute}); without it the tests are skipped. It runs in Chicory's interpreter:
 * compiling the JS engine takes about a minute, which the server pays once per program thanks to its cache.
 */
class JsSdkProgramTest {
    static final String APP = String.join(
            "\n",
            "/// <reference types=\"@fastly/js-compute\" />",
            "import { ConfigStore } from 'fastly:config-store';",
            "import { KVStore } from 'fastly:kv-store';",
            "import { getGeolocationForIpAddress } from 'fastly:geolocation';",
            "import { env } from 'fastly:env';",
            "import { Logger } from 'fastly:logger';",
            "import { CacheOverride } from 'fastly:cache-override';",
            "",
            "addEventListener('fetch', (event) => event.respondWith(handle(event)));",
            "",
            "async function handle(event) {",
            "  const req = event.request;",
            "  const path = new URL(req.url).pathname;",
            "  if (path === '/headers') {",
            "    return new Response(JSON.stringify([...req.headers.keys()]));",
            "  }",
            "  if (path === '/config') {",
            "    return new Response(new ConfigStore('settings').get('greeting'));",
            "  }",
            "  if (path === '/kv') {",
            "    const kv = new KVStore('things');",
            "    await kv.put('written', 'by js');",
            "    const seeded = await kv.get('seeded');",
            "    const written = await kv.get('written');",
            "    const missing = await kv.get('missing');",
            "    return new Response((await seeded.text()) + ',' + (await written.text()) + ',' + missing);",
            "  }",
            "  if (path === '/geo') {",
            "    return new Response(getGeolocationForIpAddress(event.client.address).city);",
            "  }",
            "  if (path === '/env') {",
            "    return new Response(env('FASTLY_HOSTNAME') + ' ' + env('FASTLY_POP'));",
            "  }",
            "  if (path === '/log') {",
            "    new Logger('audit').log('hello from the log');",
            "    return new Response('logged');",
            "  }",
            "  if (path === '/proxy') {",
            "    const resp = await fetch('http://origin.example/status/202/from-js?q=1', { backend: 'origin' });",
            "    return new Response(await resp.text(), { status: resp.status, headers: { 'x-proxied': 'yes' } });",
            "  }",
            "  if (path === '/cached') {",
            "    const resp = await fetch('http://origin.example/cache-control/max-age=0/js-cached', {",
            "      backend: 'origin',",
            "      cacheOverride: new CacheOverride({ afterSend(candidate) { candidate.ttl = 120; return {}; } }),",
            "    });",
            "    await resp.text();",
            "    return new Response(resp.headers.get('x-cache') || '-');",
            "  }",
            "  if (path === '/echo') {",
            "    return new Response(req.body);",
            "  }",
            "  return new Response('hello from js\\n');",
            "}",
            "");

    static Path wasm;
    static EmbeddedOrigin origin;
    static LocalServer server;
    static final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void buildAndServe(@TempDir Path dir) throws Exception {
        Optional<String> compiler = JsSdk.compiler();
        if (compiler.isEmpty()) {
            // each test then reports itself skipped with this reason (an assumption failing here would abort
            // the class silently: Surefire counts no test at all)
            System.err.println("JsSdkProgramTest: " + JsSdk.NO_COMPILER);
            return;
        }
        // --enable-http-cache: the after-send hook of /cached drives the cache through fastly_http_cache
        wasm = JsSdk.build(compiler.get(), dir, "main", APP, "--enable-http-cache");

        origin = EmbeddedOrigin.start(new InetSocketAddress("127.0.0.1", 0));
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        server = LocalServer.builder()
                .program(WasmProgram.load(wasm, WasmProgram.Execution.INTERPRETED))
                .engine(HostEngine.builder()
                        .backend(Backend.builder("origin").url(origin.uri()).build())
                        .configStore("settings", Map.of("greeting", "hello from a config store"))
                        .kvStore("things", Map.of("seeded", "from fastly.toml".getBytes(StandardCharsets.UTF_8))))
                .address(new InetSocketAddress("127.0.0.1", 0))
                .log(new ServerLog(print, print, 0))
                .build();
        server.start();
    }

    @BeforeEach
    void requireTheProgram() {
        Assumptions.assumeTrue(server != null, JsSdk.NO_COMPILER);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (origin != null) {
            origin.close();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAHello() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertEquals("hello from js\n", r.body());
    }

    @Test
    void iteratesTheRequestHeaders() throws Exception {
        HttpResponse<String> r = get("/headers", "X-One", "1", "X-Two", "2");
        JsonArray names = JsonParser.parseString(r.body()).getAsJsonArray();
        List<String> list = new ArrayList<>();
        names.forEach(n -> list.add(n.getAsString()));
        assertTrue(list.contains("x-one") && list.contains("x-two") && list.contains("host"), list.toString());
    }

    @Test
    void readsAConfigStore() throws Exception {
        assertEquals("hello from a config store", get("/config").body());
    }

    @Test
    void readsAndWritesAKvStore() throws Exception {
        assertEquals("from fastly.toml,by js,null", get("/kv").body());
    }

    @Test
    void looksUpGeolocationForTheLoopbackClient() throws Exception {
        assertEquals("San Francisco", get("/geo").body());
    }

    @Test
    void seesTheEnvironmentOfFastlysLocalTools() throws Exception {
        assertEquals("localhost XXX", get("/env").body());
    }

    @Test
    void writesToANamedLogEndpoint() throws Exception {
        assertEquals("logged", get("/log").body());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("audit :: hello from the log"), out.toString());
    }

    @Test
    void fetchesFromABackend() throws Exception {
        HttpResponse<String> r = get("/proxy");
        assertEquals(202, r.statusCode());
        assertEquals("yes", r.headers().firstValue("x-proxied").orElseThrow());
        assertTrue(r.body().contains("\"path\": \"/status/202/from-js\""), r.body());
        assertTrue(r.body().contains("\"query\": \"q=1\""), r.body());
    }

    @Test
    void drivesTheReadthroughCacheFromAnAfterSendHook() throws Exception {
        // the origin says max-age=0; the hook stores the response 120 s, so the second fetch is a hit
        assertEquals("MISS", get("/cached").body());
        assertEquals("HIT", get("/cached").body());
    }

    @Test
    void streamsTheRequestBodyBack() throws Exception {
        String body = "x".repeat(200_000);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(server.uri().resolve("/echo"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(body, r.body());
    }
}
