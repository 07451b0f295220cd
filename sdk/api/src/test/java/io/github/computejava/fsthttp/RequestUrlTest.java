package io.github.computejava.fsthttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parts of a request's URL: host, path and query, which share one reading of where the path starts. */
class RequestUrlTest {
    @Test
    void readsHostPathAndQueryOfAnAbsoluteUrl() {
        Request r = Request.get("https://example.com:8443/a/b?x=1&y=2#top");
        assertEquals(Optional.of("example.com:8443"), r.host());
        assertEquals("/a/b", r.path());
        assertEquals(Optional.of("x=1&y=2"), r.query());
    }

    @Test
    void theHostEndsAtTheFirstPathQueryOrFragment() {
        assertEquals(Optional.of("h"), Request.get("http://h").host());
        assertEquals("/", Request.get("http://h").path());
        assertEquals(Optional.of("h"), Request.get("http://h?q").host());
        assertEquals(Optional.of("q"), Request.get("http://h?q").query());
        assertEquals("/", Request.get("http://h?q").path());
        assertEquals(Optional.of("h"), Request.get("http://h#f").host());
        assertEquals(Optional.empty(), Request.get("http://h#f").query());
    }

    @Test
    void aUrlWithoutAHostHasNone() {
        assertEquals(Optional.empty(), Request.get("/only/a/path?k=v").host());
        assertEquals("/only/a/path", Request.get("/only/a/path?k=v").path());
        assertEquals(Optional.of("k=v"), Request.get("/only/a/path?k=v").query());
        assertEquals(Optional.empty(), Request.get("http:///no-host").host());
        assertEquals("/no-host", Request.get("http:///no-host").path());
    }
}
