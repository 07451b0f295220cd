package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Fastly's JavaScript SDK's cache paths in a program built with {@code --enable-http-cache}: the SDK drives {@code
 * fastly_http_cache} itself, so a fetch also runs the before- and after-send hooks of its {@code CacheOverride}.
 */
class JsSdkHttpCacheTest extends JsSdkCachePaths {
    JsSdkHttpCacheTest() {
        super("http-cache", "--enable-http-cache");
    }

    @Test
    void beforeSendEditsTheBackendRequestAndAfterSendWhatIsStored() throws Exception {
        // the origin says max-age=0; the hook stores the response 120 s, with a header and an upper-cased body
        String path = "/hooks/page?cc=" + enc("max-age=0");
        HttpResponse<String> first = get("/fetch?mode=hooks&path=" + enc(path));
        assertEquals("/HOOKS/PAGE#1", body(first), "the stored body went through bodyTransformFn");
        assertEquals("yes", origin.lastHeader("/hooks/page", "x-before-send"), "beforeSend's header reached it");

        HttpResponse<String> second = get("/fetch?mode=hooks&path=" + enc(path));
        assertEquals("/HOOKS/PAGE#1", body(second));
        assertEquals("HIT", header(second, "x-cache"));
        assertEquals("stored", header(second, "x-after-send"), "afterSend's header was stored");
        assertEquals(1, origin.requests("/hooks/page"));
    }

    @Test
    void afterSendCanMakeACacheableResponseUncacheable() throws Exception {
        String path = "/uncacheable/page?cc=" + enc("max-age=60");
        assertEquals("/uncacheable/page#1", body(get("/fetch?mode=uncacheable&path=" + enc(path))));
        assertEquals("/uncacheable/page#2", body(get("/fetch?mode=uncacheable&path=" + enc(path))));
        assertEquals(2, origin.requests("/uncacheable/page"));
    }
}
