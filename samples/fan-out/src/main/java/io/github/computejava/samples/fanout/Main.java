package io.github.computejava.samples.fanout;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.PendingRequest;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.fsthttp.ResponseWriter;
import io.github.computejava.fsthttp.SendErrorException;
import io.github.computejava.fsthttp.StreamingBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Concurrent backend requests from one program thread:
 *
 * <ul>
 *   <li>{@code GET /} asks three backends at once ({@link Request#sendAsync}) and assembles their answers: the
 *       page takes as long as the slowest backend, not the sum, and a backend that fails leaves its panel out;
 *   <li>{@code GET /cached} is the same dashboard with its panels kept 30 seconds in the cache by an after-send
 *       hook, whatever the backends say: the hooks run for requests sent asynchronously too;
 *   <li>{@code GET /first} asks two mirrors at once and serves whichever answers first ({@link
 *       PendingRequest#select}); the slower one is abandoned;
 *   <li>{@code PUT /upload} streams the client's body to the {@code store} backend while it arrives ({@link
 *       Request#sendAsyncStreaming}), in bounded memory whatever its size;
 *   <li>{@code PUT /upload-tagged} sends the store a first line naming the sample, then the client's body, as one
 *       stream ({@link Request#body(InputStream)}), read as it is sent;
 *   <li>{@code POST /backup} copies the {@code weather} backend's answer to the store, its body passed from one
 *       backend to the other by the host, never through the program.
 * </ul>
 *
 * Each answer's {@code Server-Timing} header gives the time spent waiting for backends, on the host's clock.
 */
public final class Main {
    /** The dashboard's backends, in the order of their panels. */
    static final List<String> PANELS = List.of("weather", "news", "stocks");

    /** The two mirrors {@code /first} races. */
    static final List<String> MIRRORS = List.of("mirror_eu", "mirror_us");

    /** Where uploads go. */
    static final String STORE = "store";

    /** The after-send hook of {@code /cached}: every panel is kept 30 seconds. */
    private static final CacheOptions KEEP_30_SECONDS = CacheOptions.builder()
            .afterSend(candidate -> candidate.setCacheable().ttl(Duration.ofSeconds(30)))
            .build();

    private Main() {}

    public static void main(String[] args) {
        Compute.serve((request, w) -> {
            String path = request.path();
            if (path.equals("/")) {
                dashboard(w, CacheOptions.PASS);
            } else if (path.equals("/cached")) {
                dashboard(w, KEEP_30_SECONDS);
            } else if (path.equals("/first")) {
                first(w);
            } else if (path.equals("/upload") && request.method().equals("PUT")) {
                upload(request, w);
            } else if (path.equals("/upload-tagged") && request.method().equals("PUT")) {
                InputStream tagged =
                        new Prefixed("uploaded-by: fan-out\n".getBytes(StandardCharsets.UTF_8), request.body());
                w.send(Request.of("PUT", "https://http-me.glitch.me/upload")
                        .cacheOptions(CacheOptions.PASS)
                        .body(tagged)
                        .send(STORE));
            } else if (path.equals("/backup") && request.method().equals("POST")) {
                backup(w);
            } else {
                w.error(404, "try /, /cached, /first or PUT /upload\n");
            }
        });
    }

    /** Three backends asked at once; each panel is its backend's answer, or a note that it failed. */
    static void dashboard(ResponseWriter w, CacheOptions cache) throws IOException {
        long start = Compute.currentTimeMillis();
        List<PendingRequest> pending = new ArrayList<>();
        for (String panel : PANELS) {
            pending.add(Request.get("https://http-me.glitch.me/" + panel)
                    .cacheOptions(cache)
                    .sendAsync(panel));
        }
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < PANELS.size(); i++) {
            page.append(PANELS.get(i)).append(": ");
            try (Response r = pending.get(i).await()) {
                page.append(r.status() == 200 ? r.bodyText().trim() : "unavailable (" + r.status() + ")");
            } catch (SendErrorException e) {
                page.append("unavailable (").append(e.kind()).append(')');
            }
            page.append('\n');
        }
        w.headers().set("Content-Type", "text/plain; charset=utf-8");
        w.headers().set("Server-Timing", "backends;dur=" + (Compute.currentTimeMillis() - start));
        w.body().write(page.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The first mirror to answer is served; the other is abandoned. */
    static void first(ResponseWriter w) {
        long start = Compute.currentTimeMillis();
        List<PendingRequest> race = new ArrayList<>();
        for (String mirror : MIRRORS) {
            race.add(Request.get("https://http-me.glitch.me/file")
                    .cacheOptions(CacheOptions.PASS)
                    .sendAsync(mirror));
        }
        PendingRequest.Selected winner = PendingRequest.select(race);
        for (PendingRequest loser : winner.others()) {
            loser.close();
        }
        Response r = winner.response();
        r.headers().set("Mirror", winner.request().backend());
        r.headers().set("Server-Timing", "backends;dur=" + (Compute.currentTimeMillis() - start));
        w.send(r);
    }

    /** The weather panel's answer goes to the store; its body never enters the program. */
    static void backup(ResponseWriter w) {
        try (Response weather = Request.get("https://http-me.glitch.me/weather")
                .cacheOptions(CacheOptions.PASS)
                .send("weather")) {
            Request put = Request.of("PUT", "https://http-me.glitch.me/backup/weather")
                    .cacheOptions(CacheOptions.PASS)
                    .body(weather.body());
            weather.headers().get("Content-Type").ifPresent(type -> put.headers()
                    .set("Content-Type", type));
            w.send(put.sendAsync(STORE).await());
        }
    }

    /** The client's body goes to the store as it arrives, copied through a fixed buffer. */
    static void upload(Request request, ResponseWriter w) throws IOException {
        long start = Compute.currentTimeMillis();
        Request put = Request.of("PUT", "https://http-me.glitch.me/upload").cacheOptions(CacheOptions.PASS);
        request.headers().get("Content-Type").ifPresent(type -> put.headers().set("Content-Type", type));
        StreamingBody body = put.sendAsyncStreaming(STORE);
        long copied = 0;
        byte[] chunk = new byte[StreamingBody.BUFFER];
        try (InputStream in = request.body()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                body.write(chunk, 0, n);
                copied += n;
            }
        }
        body.close();
        Response stored = body.pending().await();
        stored.headers().set("Uploaded-Bytes", Long.toString(copied));
        stored.headers().set("Server-Timing", "backends;dur=" + (Compute.currentTimeMillis() - start));
        w.send(stored);
    }

    /** A first few bytes, then a stream (TeaVM's class library has no {@code SequenceInputStream}). */
    private static final class Prefixed extends InputStream {
        private final byte[] prefix;
        private final InputStream rest;
        private int at;

        Prefixed(byte[] prefix, InputStream rest) {
            this.prefix = prefix;
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            return at < prefix.length ? prefix[at++] & 0xFF : rest.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at < prefix.length) {
                int n = Math.min(len, prefix.length - at);
                System.arraycopy(prefix, at, b, off, n);
                at += n;
                return n;
            }
            return rest.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }
}
