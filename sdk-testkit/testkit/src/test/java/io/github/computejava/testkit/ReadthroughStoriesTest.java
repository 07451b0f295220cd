package io.github.computejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The readthrough cache as a testkit user sees it: a virtual clock, a scripted backend, X-Cache on responses. */
@ComputeTest
class ReadthroughStoriesTest {
    /** The seed's program: cache the origin's answer 30 seconds at the edge, 60 in browsers. */
    private static void seedProgram(TestHost host) {
        host.handler((request, w) -> {
            request.cacheOptions(
                    CacheOptions.builder().ttl(Duration.ofSeconds(30)).build());
            try (Response resp = request.send("httpme")) {
                w.headers().setAll(resp.headers());
                w.headers().set("Cache-Control", "public, max-age=60");
                w.status(resp.status());
                resp.body().transferTo(w.body());
            }
        });
    }

    @Test
    void theSeedCachesThirtySecondsAtTheEdge(TestHost host) {
        seedProgram(host);
        host.backend("httpme")
                .respond(MockResponse.builder()
                        .header("Cache-Control", "s-maxage=86400, max-age=0")
                        .body("from httpme")
                        .build());

        host.get("/anything").send().assertThat().isCacheMiss().hasBody("from httpme");
        host.clock().advance(Duration.ofSeconds(29));
        host.get("/anything")
                .send()
                .assertThat()
                .isCacheHit()
                .hasHeader("Age", "29")
                .hasHeader("Cache-Control", "public, max-age=60");
        host.backend("httpme").assertRequestCount(1);

        host.clock().advance(Duration.ofSeconds(1));
        host.get("/anything").send().assertThat().isCacheMiss();
        host.backend("httpme").assertRequestCount(2);
    }

    @Test
    void theSeedsCaveatAPrivateResponseIsNeverCached(TestHost host) {
        seedProgram(host);
        host.backend("httpme")
                .respond(MockResponse.builder()
                        .header("Cache-Control", "private")
                        .body("yours only")
                        .build());
        for (int i = 0; i < 3; i++) {
            host.get("/cart").send().assertThat().isCacheMiss().hasBody("yours only");
        }
        host.backend("httpme").assertRequestCount(3);
    }

    @Test
    void purgesReachTheReadthroughCache(TestHost host) {
        host.handler((request, w) -> w.send(request.send("origin")));
        host.backend("origin").respond(request -> MockResponse.builder()
                .header("Cache-Control", "max-age=3600")
                .header("Surrogate-Key", "catalog " + request.path().substring(1))
                .body("page " + request.path())
                .build());
        host.get("/a").send();
        host.get("/b").send();
        host.get("/c").send();
        host.backend("origin").assertRequestCount(3);

        assertEquals(1, host.purgeSurrogateKey("a", false));
        host.get("/a").send().assertThat().isCacheMiss();
        host.get("/b").send().assertThat().isCacheHit();

        assertEquals(1, host.purgeUrl("http://localhost/b"));
        host.get("/b").send().assertThat().isCacheMiss();

        host.purgeAll();
        host.get("/c").send().assertThat().isCacheMiss();
        host.backend("origin").assertRequestCount(6);
    }
}
