package io.github.computejava.samples.simplecache;

import io.github.computejava.cache.simple.CacheEntry;
import io.github.computejava.cache.simple.SimpleCache;
import io.github.computejava.fsthttp.Compute;
import java.io.InputStream;
import java.time.Duration;

/**
 * Fastly's simple cache example in Java: each path's page is rendered once and served from the cache for 60
 * seconds. Concurrent requests for a path that is not cached wait for the one rendering it.
 */
public final class Main {
    private static final Duration TTL = Duration.ofSeconds(60);
    private static int renders;

    private Main() {}

    public static void main(String[] args) {
        Compute.serve((request, w) -> {
            String path = request.path();
            try (InputStream page = SimpleCache.getOrSet(path, () -> CacheEntry.of(render(path), TTL))) {
                w.headers().set("Content-Type", "text/html; charset=utf-8");
                w.headers().set("Cache-Control", "public, max-age=60");
                page.transferTo(w.body());
            }
        });
    }

    /** The expensive part: a page for a path (numbered, so a cached page shows which rendering it is). */
    static String render(String path) {
        renders++;
        return "<!doctype html><title>" + escape(path) + "</title><h1>" + escape(path) + "</h1><p>rendering #" + renders
                + "</p>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
