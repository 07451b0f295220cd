package io.github.computejava.fsthttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlTest {
    @Test
    void readsEachPartOfAnAbsoluteUrl() {
        Url u = Url.parse("https://example.com:8443/a/b?x=1&y=two#top");
        assertEquals(Optional.of("https"), u.scheme());
        assertEquals(Optional.of("example.com:8443"), u.host());
        assertEquals("/a/b", u.path());
        assertEquals(Optional.of("x=1&y=two"), u.query());
        assertEquals(Optional.of("top"), u.fragment());
        assertEquals("https://example.com:8443/a/b?x=1&y=two#top", u.toString());
    }

    @Test
    void readsARelativeUrlAndOneWithoutPath() {
        Url rel = Url.parse("/search?q=java");
        assertEquals(Optional.empty(), rel.scheme());
        assertEquals(Optional.empty(), rel.host());
        assertEquals("/search", rel.path());
        assertEquals("http://h", Url.parse("http://h").toString());
        assertEquals("/", Url.parse("http://h").path());
        assertEquals("http://h/?a=1", Url.parse("http://h?a=1").toString());
    }

    @Test
    void decodesQueryParametersAsFormsEncodeThem() {
        Url u = Url.parse("http://h/?q=a+b%26c&tag=x&tag=%E2%82%AC&flag&empty=&bad=%zz");
        assertEquals(Optional.of("a b&c"), u.queryParam("q"));
        assertEquals(List.of("x", "\u20ac"), u.queryParamValues("tag"));
        assertEquals(Optional.of(""), u.queryParam("flag"));
        assertEquals(Optional.of(""), u.queryParam("empty"));
        assertEquals(Optional.of("%zz"), u.queryParam("bad"));
        assertEquals(Optional.empty(), u.queryParam("nope"));
        assertEquals(List.of("q", "tag", "flag", "empty", "bad"), u.queryParamNames());
    }

    @Test
    void writesQueryParametersEncodedAndKeepsTheRestAsWritten() {
        Url u = Url.parse("http://h/p?a=1&keep=%2F&a=2&b=3");
        assertEquals("http://h/p?a=x%20y&keep=%2F&b=3", u.queryParam("a", "x y").toString());
        assertEquals(
                "http://h/p?a=1&keep=%2F&a=2&b=3&c=%E2%82%AC",
                u.addQueryParam("c", "\u20ac").toString());
        assertEquals("http://h/p?keep=%2F&b=3", u.removeQueryParam("a").toString());
        assertEquals(
                "http://h/p", Url.parse("http://h/p?a=1").removeQueryParam("a").toString());
        assertEquals(
                "http://h/p?n=1", Url.parse("http://h/p").queryParam("n", "1").toString());
        // the original is unchanged
        assertEquals("http://h/p?a=1&keep=%2F&a=2&b=3", u.toString());
    }

    @Test
    void replacesPathAndQuery() {
        Url u = Url.parse("https://h/old?x=1#f");
        assertEquals("https://h/new?x=1#f", u.path("/new").toString());
        assertEquals("https://h/old?y=2#f", u.query("y=2").toString());
        assertEquals("https://h/old#f", u.query(null).toString());
        assertThrows(IllegalArgumentException.class, () -> u.path("no-slash"));
        assertThrows(IllegalArgumentException.class, () -> u.path("/a?b"));
        assertThrows(IllegalArgumentException.class, () -> u.query("a b"));
    }

    @Test
    void requestFactoriesAndUrlValue() {
        assertEquals("POST", Request.post("http://h/").method());
        assertEquals("PUT", Request.put("http://h/").method());
        assertEquals("DELETE", Request.delete("http://h/").method());
        Request r = Request.get("http://h/a?page=3");
        assertEquals(Optional.of("3"), r.queryParam("page"));
        r.url(r.parsedUrl().path("/b").queryParam("page", "4"));
        assertEquals("http://h/b?page=4", r.url());
    }

    @Test
    void cacheTtlKeepsTheOtherOptions() {
        Request r = Request.get("http://h/")
                .cacheOptions(CacheOptions.builder().pci(true).build());
        r.cacheTtl(java.time.Duration.ofSeconds(30));
        assertEquals(
                Optional.of(java.time.Duration.ofSeconds(30)), r.cacheOptions().ttl());
        assertEquals(true, r.cacheOptions().pci());
        assertThrows(IllegalArgumentException.class, () -> r.cacheTtl(java.time.Duration.ofSeconds(-1)));
    }
}
