package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.computejava.host.HostEngine;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.ResponseHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inspector's JSON and page, on a server running a caching proxy program. */
class InspectorTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger originRequests = new AtomicInteger();
    private LocalServer server;
    private URI inspector;

    private void serve() throws Exception {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        server = LocalServer.builder()
                .program(
                        WasmProgram.load("proxy.wasm", TestPrograms.loggingProxy("v1"), WasmProgram.Execution.COMPILED))
                .engine(HostEngine.builder()
                        .backend(Backend.builder("origin").build())
                        .configStore("settings", Map.of("greeting", "hej"))
                        .kvStore("data", Map.of("k", "four".getBytes(StandardCharsets.UTF_8)))
                        .secretStore("vault", Map.of("token", "s3cr3t".getBytes(StandardCharsets.UTF_8))))
                .origin((backend, request, body) -> {
                    originRequests.incrementAndGet();
                    HeaderList h = new HeaderList();
                    h.append("Cache-Control", "max-age=300");
                    h.append(
                            "Surrogate-Key",
                            "all " + request.uri().substring(request.uri().lastIndexOf('/') + 1));
                    return new UpstreamResponse(
                            new ResponseHead(200, h), BodyBuffer.of("origin".getBytes(StandardCharsets.UTF_8)));
                })
                .address(new InetSocketAddress("127.0.0.1", 0))
                .inspector(new InetSocketAddress("127.0.0.1", 0))
                .log(new ServerLog(print, print, 0))
                .build();
        server.start();
        inspector = server.inspectorUri().orElseThrow();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cacheOf(String path) throws Exception {
        return get(server.uri().resolve(path)).headers().firstValue("X-Cache").orElse("-");
    }

    private JsonObject api() throws Exception {
        HttpResponse<String> r = get(inspector.resolve("/api"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private HttpResponse<String> purge(String json, String contentType) throws Exception {
        return http.send(
                HttpRequest.newBuilder(inspector.resolve("/api/purge"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestAppearsWithItsBackendRequestsCacheOutcomesAndLogLines() throws Exception {
        serve();
        assertEquals(0, api().getAsJsonArray("requests").size());

        assertEquals("MISS", cacheOf("/a?x=1"));
        assertEquals("HIT", cacheOf("/a?x=1"));

        JsonArray requests = api().getAsJsonArray("requests");
        assertEquals(2, requests.size());
        JsonObject hit = requests.get(0).getAsJsonObject();
        JsonObject miss = requests.get(1).getAsJsonObject();
        assertEquals("GET", hit.get("method").getAsString());
        assertTrue(hit.get("url").getAsString().endsWith("/a?x=1"), hit.toString());
        assertEquals(200, hit.get("status").getAsInt());
        assertTrue(hit.get("seconds").getAsDouble() >= 0, hit.toString());
        JsonObject send = hit.getAsJsonArray("backendRequests").get(0).getAsJsonObject();
        assertEquals("origin", send.get("backend").getAsString());
        assertEquals("HIT", send.get("cache").getAsString());
        assertEquals(
                "MISS",
                miss.getAsJsonArray("backendRequests")
                        .get(0)
                        .getAsJsonObject()
                        .get("cache")
                        .getAsString());
        JsonArray lines = hit.getAsJsonArray("logLines");
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("endpoint", lines.get(0).getAsJsonObject().get("source").getAsString());
        assertEquals("requests", lines.get(0).getAsJsonObject().get("endpoint").getAsString());
        assertEquals("v1 proxying", lines.get(0).getAsJsonObject().get("text").getAsString());
        assertEquals("stdout", lines.get(1).getAsJsonObject().get("source").getAsString());
        assertEquals("v1 on stdout", lines.get(1).getAsJsonObject().get("text").getAsString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("v1 on stdout"), "the server still prints it");
    }

    @Test
    void purgingAnObjectByKeyMakesTheNextRequestMiss() throws Exception {
        serve();
        cacheOf("/page");
        assertEquals("HIT", cacheOf("/page"));

        JsonArray cache = api().getAsJsonArray("cache");
        assertEquals(1, cache.size());
        JsonObject object = cache.get(0).getAsJsonObject();
        assertEquals("readthrough", object.get("namespace").getAsString());
        assertTrue(object.get("label").getAsString().endsWith("/page"), object.toString());
        assertEquals(300.0, object.get("ttl").getAsDouble());
        assertEquals("fresh", object.get("state").getAsString());
        assertEquals(1, object.get("hits").getAsInt());
        assertEquals(6, object.get("size").getAsInt());
        assertEquals(200, object.get("status").getAsInt());
        assertEquals("[\"all\",\"page\"]", object.get("surrogateKeys").toString());

        HttpResponse<String> purged = purge(
                "{\"namespace\":\"readthrough\",\"key\":\"" + object.get("key").getAsString() + "\"}",
                "application/json");
        assertEquals(200, purged.statusCode(), purged.body());
        assertEquals(
                1,
                JsonParser.parseString(purged.body())
                        .getAsJsonObject()
                        .get("purged")
                        .getAsInt());

        assertEquals(0, api().getAsJsonArray("cache").size());
        assertEquals("MISS", cacheOf("/page"));
        assertEquals(2, originRequests.get());
    }

    @Test
    void purgingBySurrogateKeyHardOrSoft() throws Exception {
        serve();
        cacheOf("/one");
        cacheOf("/two");

        HttpResponse<String> soft = purge("{\"surrogateKey\":\"one\",\"soft\":true}", "application/json");
        assertEquals("{\"purged\":1}", soft.body().trim());
        JsonArray cache = api().getAsJsonArray("cache");
        for (int i = 0; i < cache.size(); i++) {
            JsonObject o = cache.get(i).getAsJsonObject();
            boolean one = o.get("label").getAsString().endsWith("/one");
            assertEquals(one ? "expired" : "fresh", o.get("state").getAsString(), o.toString());
        }

        HttpResponse<String> hard = purge("{\"surrogateKey\":\"all\"}", "application/json; charset=utf-8");
        assertEquals("{\"purged\":2}", hard.body().trim());
        assertEquals(0, api().getAsJsonArray("cache").size());
    }

    @Test
    void aPurgeMustBeJsonAndNameSomething() throws Exception {
        serve();
        assertEquals(
                415,
                purge("surrogateKey=all", "application/x-www-form-urlencoded").statusCode());
        assertEquals(400, purge("{}", "application/json").statusCode());
        assertEquals(400, purge("[1]", "application/json").statusCode());
        assertEquals(400, purge("{\"key\":\"abc\"}", "application/json").statusCode());
        assertEquals(400, purge("{\"surrogateKey\":\"\"}", "application/json").statusCode());
        assertEquals(405, get(inspector.resolve("/api/purge")).statusCode());
    }

    @Test
    void storesShowNamesButNoSecretValueAndBackendsTheirUrls() throws Exception {
        serve();
        JsonObject all = api();
        JsonObject stores = all.getAsJsonObject("stores");
        assertEquals(
                "{\"settings\":{\"greeting\":\"hej\"}}", stores.get("config").toString());
        assertEquals("{\"data\":{\"k\":4}}", stores.get("kv").toString());
        assertEquals("{\"vault\":[\"token\"]}", stores.get("secret").toString());
        assertFalse(all.toString().contains("s3cr3t"), all.toString());
        assertEquals(
                "origin",
                all.getAsJsonArray("backends")
                        .get(0)
                        .getAsJsonObject()
                        .get("name")
                        .getAsString());
        JsonObject s = all.getAsJsonObject("server");
        assertEquals("proxy.wasm", s.get("program").getAsString());
        assertEquals(1, s.get("programVersion").getAsInt());
    }

    @Test
    void thePageIsServedAndNoRouteOfTheProgramShadowsIt() throws Exception {
        serve();
        HttpResponse<String> page = get(inspector);
        assertEquals(200, page.statusCode());
        assertEquals(
                "text/html; charset=utf-8",
                page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<script src=\"/inspector.js\">"), page.body());
        assertEquals(200, get(inspector.resolve("/inspector.js")).statusCode());
        assertEquals(200, get(inspector.resolve("/inspector.css")).statusCode());
        assertEquals(404, get(inspector.resolve("/nothing")).statusCode());
        assertFalse(server.uri().getPort() == inspector.getPort(), "the inspector has an address of its own");
        assertEquals("origin", get(server.uri().resolve("/api")).body(), "the program still answers its /api");
    }

    @Test
    void requestsNamingAnotherHostAreRefused() throws Exception {
        serve();
        try (java.net.Socket socket = new java.net.Socket(inspector.getHost(), inspector.getPort())) {
            socket.getOutputStream()
                    .write("GET /api HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        }
    }
}
