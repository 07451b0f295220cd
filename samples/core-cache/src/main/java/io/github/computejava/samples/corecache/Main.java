package io.github.computejava.samples.corecache;

import io.github.computejava.cache.core.CacheWriter;
import io.github.computejava.cache.core.Found;
import io.github.computejava.cache.core.StreamingInsert;
import io.github.computejava.cache.core.Transaction;
import io.github.computejava.cache.core.WriteOptions;
import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.fsthttp.ResponseWriter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Fastly's core cache transaction example in Java. A lookup either finds the object (used at once, even if
 * stale), or obliges this request to build and insert it while concurrent requests wait and stream it; a
 * request obliged to revalidate a stale object rebuilds it, then replaces the object if it changed or only
 * refreshes its metadata if not.
 */
public final class Main {
    static final Duration TTL = Duration.ofSeconds(60);
    static final Duration STALE_WHILE_REVALIDATE = Duration.ofSeconds(300);

    private Main() {}

    public static void main(String[] args) {
        Compute.serve((request, w) -> {
            String path = request.path();
            try (Transaction tx = Transaction.lookup("core-cache-sample:" + path)) {
                Optional<Found> found = tx.found();
                if (found.isPresent()) {
                    // a cached item was found: use it now, even if stale; revalidate below
                    Found f = found.get();
                    respond(w, f.isStale() ? "STALE" : "HIT", f);
                }
                if (tx.mustInsert()) {
                    // nothing was found and this request was chosen to insert it
                    byte[] contents = buildContents(path);
                    try (StreamingInsert insert = tx.insertAndStreamBack(options(contents))) {
                        insert.writer().write(contents);
                        insert.writer().close();
                        respond(w, "MISS", insert.found());
                    }
                } else if (tx.mustInsertOrUpdate()) {
                    // the item was found stale and used above; this request revalidates it
                    byte[] revalidated = buildContents(path);
                    Found stale = found.orElseThrow();
                    if (shouldReplace(stale, revalidated)) {
                        try (CacheWriter writer = tx.insert(options(revalidated))) {
                            writer.write(revalidated);
                        }
                    } else {
                        tx.update(options(revalidated));
                    }
                }
            }
        });
    }

    /** The contents for a path, from the origin (not through the readthrough cache). */
    static byte[] buildContents(String path) {
        Request req = Request.get("https://http-me.glitch.me" + path).cacheOptions(CacheOptions.PASS);
        try (Response resp = req.send("origin");
                InputStream body = resp.body()) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("reading the origin's answer failed", e);
        }
    }

    static WriteOptions options(byte[] contents) {
        return WriteOptions.builder(TTL)
                .staleWhileRevalidate(STALE_WHILE_REVALIDATE)
                .knownLength(contents.length)
                .userMetadata(fingerprint(contents))
                .surrogateKeys("core-cache-sample")
                .build();
    }

    static boolean shouldReplace(Found stale, byte[] revalidated) {
        return !Arrays.equals(stale.userMetadata(), fingerprint(revalidated));
    }

    private static byte[] fingerprint(byte[] contents) {
        return Integer.toHexString(Arrays.hashCode(contents)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void respond(ResponseWriter w, String cacheState, Found found) {
        w.headers().set("X-Cache", cacheState);
        w.headers().set("X-Cache-Hits", Long.toString(found.hits()));
        w.headers().set("Age", Long.toString(found.age().getSeconds()));
        try (InputStream body = found.body()) {
            body.transferTo(w.body());
        } catch (IOException e) {
            throw new IllegalStateException("reading the cached object failed", e);
        }
    }
}
