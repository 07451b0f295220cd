package io.github.computejava.samples.simplecache;

import io.github.computejava.cache.simple.CacheEntry;
import io.github.computejava.cache.simple.SimpleCache;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.fsthttp.SendErrorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fastly's simple cache example in Java: each path's page is built once from the {@code origin} backend's
 * content and served from the cache for 60 seconds. Concurrent requests for a path that is not cached wait for
 * the one building it. When the origin fails nothing is cached: that client gets a {@code 502}, and the next
 * request (one already waiting, or a later one) asks the origin again.
 */
public final class Main {
    /** The backend the pages' content comes from. */
    static final String BACKEND = "origin";

    private static final Duration TTL = Duration.ofSeconds(60);

    private Main() {}

    public static void main(String[] args) {
        Compute.serve((request, w) -> {
            String path = request.path();
            try (InputStream page = SimpleCache.getOrSet(path, () -> CacheEntry.of(build(path), TTL))) {
                w.headers().set("Content-Type", "text/html; charset=utf-8");
                w.headers().set("Cache-Control", "public, max-age=60");
                page.transferTo(w.body());
            } catch (OriginFailure e) {
                w.error(502, e.getMessage());
            }
        });
    }

    /** The expensive part: a page for a path, around the origin's content for it. */
    static String build(String path) {
        // the simple cache keeps the page: the content is fetched past the readthrough cache
        Request req = Request.get("https://http-me.glitch.me" + path).cacheOptions(CacheOptions.PASS);
        try (Response resp = req.send(BACKEND);
                InputStream body = resp.body()) {
            byte[] content = body.readAllBytes();
            if (resp.status() != 200) {
                throw new OriginFailure("the origin answered " + resp.status() + " for " + path);
            }
            return page(path, new String(content, StandardCharsets.UTF_8));
        } catch (SendErrorException e) {
            throw new OriginFailure("the origin is unreachable (" + e.kind() + ") for " + path);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the origin's answer failed", e);
        }
    }

    /** The page for a path with the origin's content (an HTML fragment). */
    static String page(String path, String content) {
        return "<!doctype html><title>" + escape(path) + "</title>\n" + content;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The origin did not provide the content: the page is not built, and nothing is cached. */
    static final class OriginFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OriginFailure(String message) {
            super(message);
        }
    }
}
