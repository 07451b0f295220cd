package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.host.readthrough.CacheOutcome;
import io.github.computejava.host.view.BackendTrace;
import io.github.computejava.host.view.CacheEntry;
import io.github.computejava.host.view.LogLine;
import io.github.computejava.host.view.RequestTrace;
import io.github.computejava.host.view.StoreContents;
import io.github.computejava.log.LogEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code engine().view()} shows of a host the program has run on: the inspector's data, in-process. */
class EngineViewTest {
    private static TestHost proxy(int history) {
        TestHost host = TestHost.builder().requestHistory(history).build();
        host.handler((request, w) -> {
            LogEndpoint.open("requests").log("serving " + request.path());
            request.cacheOptions(
                    request.path().startsWith("/pass")
                            ? CacheOptions.builder().pass(true).build()
                            : CacheOptions.DEFAULT);
            try (Response r = request.send("origin")) {
                w.headers().setAll(r.headers());
                w.status(r.status());
                r.body().transferTo(w.body());
            }
        });
        return host;
    }

    private static List<CacheOutcome> outcomes(TestHost host) {
        return host.engine().view().requests().stream()
                .map(r -> r.backendRequests().get(0).cacheOutcome().orElseThrow())
                .toList();
    }

    @Test
    void eachRequestIsListedNewestFirstWithItsBackendRequestAndLogLines() throws Exception {
        try (TestHost host = proxy(10)) {
            host.backend("origin")
                    .respond(MockResponse.builder().status(201).body("hi").build());

            host.get("/first").send().assertThat().hasStatus(201);
            host.clock().advance(Duration.ofSeconds(2));
            host.get("/second?q=1").send().assertThat().hasStatus(201);

            List<RequestTrace> requests = host.engine().view().requests();
            assertEquals(2, requests.size());
            RequestTrace second = requests.get(0);
            assertEquals("GET", second.method());
            assertTrue(second.url().endsWith("/second?q=1"), second.url());
            assertEquals(201, second.status());
            assertEquals(Optional.of(Duration.ZERO), second.answeredAfter(), "the virtual clock did not move");
            assertEquals(Duration.ofSeconds(2), Duration.between(requests.get(1).started(), second.started()));
            BackendTrace send = second.backendRequests().get(0);
            assertEquals("origin", send.backend());
            assertEquals(201, send.status());
            assertEquals(Optional.of(CacheOutcome.MISS), send.cacheOutcome());
            assertEquals(
                    List.of(new LogLine(second.started(), LogLine.Source.ENDPOINT, "requests", "serving /second")),
                    second.logLines());
        }
    }

    @Test
    void theCacheOutcomeOfEverySendIsNamed() throws Exception {
        try (TestHost host = proxy(20)) {
            host.backend("origin").respond(r -> {
                String path = r.path();
                if (path.startsWith("/private")) {
                    return MockResponse.builder()
                            .header("Cache-Control", "private")
                            .body("p")
                            .build();
                }
                if (path.startsWith("/etag")) {
                    if (r.header("If-None-Match").isPresent()) {
                        return MockResponse.builder()
                                .status(304)
                                .header("ETag", "\"v1\"")
                                .build();
                    }
                    return MockResponse.builder()
                            .header("Cache-Control", "max-age=10")
                            .header("ETag", "\"v1\"")
                            .body("e")
                            .build();
                }
                if (path.startsWith("/swr")) {
                    return MockResponse.builder()
                            .header("Cache-Control", "max-age=10, stale-while-revalidate=60")
                            .body("s")
                            .build();
                }
                return MockResponse.builder()
                        .header("Cache-Control", "max-age=60")
                        .body("c")
                        .build();
            });

            host.get("/cached").send();
            host.get("/cached").send();
            host.get("/pass").send();
            host.get("/private").send();
            host.get("/private").send();
            host.get("/etag").send();
            host.get("/swr").send();
            host.awaitBackgroundWork(Duration.ofSeconds(10));
            host.clock().advance(Duration.ofSeconds(11));
            host.get("/etag").send();
            host.get("/swr").send();
            host.awaitBackgroundWork(Duration.ofSeconds(10));

            assertEquals(
                    List.of(
                            CacheOutcome.STALE,
                            CacheOutcome.REVALIDATED,
                            CacheOutcome.MISS,
                            CacheOutcome.MISS,
                            CacheOutcome.HIT_FOR_PASS,
                            CacheOutcome.MISS,
                            CacheOutcome.PASS,
                            CacheOutcome.HIT,
                            CacheOutcome.MISS),
                    outcomes(host));
        }
    }

    @Test
    void cachedObjectsAreListedWithTheirUrlTimesKeysAndHits() throws Exception {
        try (TestHost host = proxy(10)) {
            host.backend("origin")
                    .respond(MockResponse.builder()
                            .header("Cache-Control", "max-age=60, stale-while-revalidate=5, stale-if-error=30")
                            .header("Surrogate-Key", "page b-key")
                            .header("Vary", "Accept-Language")
                            .body("hello")
                            .build());

            host.get("/page").header("Accept-Language", "da").send();
            host.awaitBackgroundWork(Duration.ofSeconds(10));
            host.clock().advance(Duration.ofSeconds(7));
            host.get("/page")
                    .header("Accept-Language", "da")
                    .send()
                    .assertThat()
                    .isCacheHit();

            List<CacheEntry> objects = host.engine().view().cacheObjects();
            assertEquals(1, objects.size());
            CacheEntry page = objects.get(0);
            assertEquals("readthrough", page.namespace());
            assertTrue(page.label().endsWith("/page"), page.label());
            assertEquals(64, page.key().length());
            assertEquals("accept-language: da", page.variant().toLowerCase(java.util.Locale.ROOT));
            assertEquals(Duration.ofSeconds(7), page.age());
            assertEquals(Duration.ofSeconds(60), page.ttl());
            assertEquals(Duration.ofSeconds(5), page.staleWhileRevalidate());
            assertEquals(Duration.ofSeconds(30), page.staleIfError());
            assertEquals("fresh", page.state());
            assertEquals(List.of("b-key", "page"), page.surrogateKeys());
            assertEquals(1, page.hits());
            assertEquals(5, page.size());
            assertEquals(Optional.of(200), page.status());
            assertFalse(page.hitForPass());

            assertEquals(1, host.purgeSurrogateKey("b-key", false));
            assertEquals(List.of(), host.engine().view().cacheObjects());
        }
    }

    @Test
    void storesShowEntriesKeysAndSecretNamesButNoSecretValue() {
        try (TestHost host = TestHost.create()) {
            host.configStore("settings", Map.of("greeting", "hej", "colour", "blue"));
            host.kvStore("data", Map.of("b", "22", "a", "1"));
            host.secretStore("vault", Map.of("token", "s3cr3t-value"));

            StoreContents stores = host.engine().view().stores();

            assertEquals(Map.of("settings", Map.of("colour", "blue", "greeting", "hej")), stores.configStores());
            assertEquals(
                    List.of("a", "b"), List.copyOf(stores.kvStores().get("data").keySet()));
            assertEquals(Map.of("a", 1, "b", 2), stores.kvStores().get("data"));
            assertEquals(Map.of("vault", List.of("token")), stores.secretStores());
            assertFalse(stores.toString().contains("s3cr3t-value"), stores.toString());
        }
    }

    @Test
    void onlyTheLastRequestsAreKeptAndNoneWithoutAHistory() throws Exception {
        try (TestHost host = proxy(2)) {
            host.backend("origin").respond(MockResponse.builder().body("x").build());
            for (String path : List.of("/1", "/2", "/3")) {
                host.get(path).send();
            }
            List<RequestTrace> kept = host.engine().view().requests();
            assertEquals(2, kept.size());
            assertTrue(kept.get(0).url().endsWith("/3") && kept.get(1).url().endsWith("/2"), kept.toString());
        }
        try (TestHost host = proxy(0)) {
            host.backend("origin").respond(MockResponse.builder().body("x").build());
            host.get("/1").send();
            assertFalse(host.engine().view().recordsRequests());
            assertEquals(List.of(), host.engine().view().requests());
        }
    }
}
