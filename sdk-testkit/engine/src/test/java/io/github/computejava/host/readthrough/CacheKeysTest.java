package io.github.computejava.host.readthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.http.RequestHead;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CacheKeysTest {
    private static RequestHead get(String uri, String... headers) {
        return new RequestHead("GET", uri, Headers.of(headers));
    }

    @Test
    void keysAre32Bytes() {
        assertEquals(32, CacheKeys.defaultKey(get("http://example.com/")).length);
    }

    @Test
    void theKeyIsMadeOfPathQueryAndHost() {
        byte[] a = CacheKeys.defaultKey(get("http://example.com/a?x=1"));
        assertArrayEquals(a, CacheKeys.defaultKey(get("https://other.test/a?x=1", "Host", "example.com")));
        assertArrayEquals(a, CacheKeys.defaultKey(get("/a?x=1", "Host", "example.com")));
        assertArrayEquals(a, CacheKeys.defaultKey(get("http://example.com/a?x=1#fragment")));
        assertFalse(Arrays.equals(a, CacheKeys.defaultKey(get("http://example.com/a?x=2"))));
        assertFalse(Arrays.equals(a, CacheKeys.defaultKey(get("http://example.com/a?x=1", "Host", "b.test"))));
        assertFalse(Arrays.equals(a, CacheKeys.defaultKey(get("http://example.com/A?x=1"))));
    }

    @Test
    void theMethodAndOtherHeadersAreNotPartOfTheKey() {
        byte[] a = CacheKeys.defaultKey(get("http://example.com/a"));
        RequestHead head = new RequestHead("HEAD", "http://example.com/a", Headers.of("Accept", "x"));
        assertArrayEquals(a, CacheKeys.defaultKey(head));
    }

    @Test
    void anEmptyPathIsTheRoot() {
        assertArrayEquals(
                CacheKeys.defaultKey(get("http://example.com/")), CacheKeys.defaultKey(get("http://example.com")));
        assertArrayEquals(
                CacheKeys.defaultKey(get("http://example.com/?q")), CacheKeys.defaultKey(get("http://example.com?q")));
    }

    @Test
    void theOverrideHeaderCarriesHex() {
        byte[] key = new byte[32];
        key[0] = (byte) 0xAB;
        key[31] = 1;
        String hex = CacheKeys.toHex(key);
        assertEquals("AB" + "00".repeat(30) + "01", hex);
        assertArrayEquals(
                key,
                CacheKeys.overrideKey(get("http://x/", "fastly-xqd-cache-key", hex.toLowerCase()))
                        .orElseThrow());
        assertTrue(CacheKeys.overrideKey(get("http://x/")).isEmpty());
        assertThrows(
                IllegalArgumentException.class,
                () -> CacheKeys.overrideKey(get("http://x/", "fastly-xqd-cache-key", "AB")));
        assertThrows(IllegalArgumentException.class, () -> CacheKeys.fromHex("zz".repeat(32)));
    }
}
