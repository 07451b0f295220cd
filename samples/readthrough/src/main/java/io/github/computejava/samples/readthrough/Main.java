package io.github.computejava.samples.readthrough;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.fsthttp.ResponseWriter;
import io.github.computejava.fsthttp.SendErrorException;
import io.github.computejava.purge.Purge;
import java.time.Duration;
import java.util.List;

/**
 * The readthrough cache, one behaviour per path, in front of the {@code origin} backend:
 *
 * <ul>
 *   <li>{@code /ttl/...}: cached 30 seconds whatever the origin says (unless it says {@code private});
 *   <li>{@code /swr/...}: served stale for up to a minute while one request revalidates it;
 *   <li>{@code /hooks/...}: a token added only when the request reaches the origin (before-send), and the
 *       response stored two minutes under the surrogate key {@code hooked} with a marker header (after-send);
 *   <li>{@code /pass/...}: never looked up nor stored;
 *   <li>{@code POST /purge/KEY}: purges everything stored under a surrogate key;
 *   <li>{@code POST /soft-purge/KEY}: marks everything stored under a surrogate key stale;
 *   <li>anything else: the origin's own caching headers decide.
 * </ul>
 *
 * <p>The origin's response goes to the client as it arrives, body streamed. When the origin cannot be reached
 * (and no stale response may stand in for it) the client gets a {@code 502}.
 */
public final class Main {
    /** The backend every request goes to. */
    static final String BACKEND = "origin";

    private Main() {}

    public static void main(String[] args) {
        Compute.serve(Main::handle);
    }

    static void handle(Request request, ResponseWriter w) {
        String path = request.path();
        if (path.startsWith("/purge/") && "POST".equals(request.method())) {
            Purge.surrogateKey(path.substring("/purge/".length()));
            w.status(200).write("purged\n");
            return;
        }
        if (path.startsWith("/soft-purge/") && "POST".equals(request.method())) {
            Purge.softSurrogateKey(path.substring("/soft-purge/".length()));
            w.status(200).write("soft-purged\n");
            return;
        }
        request.cacheOptions(optionsFor(path));
        Response response;
        try {
            response = request.send(BACKEND);
        } catch (SendErrorException e) {
            w.status(502).write("origin unavailable: " + e.kind() + "\n");
            return;
        }
        w.send(response);
    }

    static CacheOptions optionsFor(String path) {
        if (path.startsWith("/ttl/")) {
            return CacheOptions.builder().ttl(Duration.ofSeconds(30)).build();
        }
        if (path.startsWith("/pass/")) {
            return CacheOptions.PASS;
        }
        if (path.startsWith("/swr/")) {
            return CacheOptions.builder()
                    .staleWhileRevalidate(Duration.ofSeconds(60))
                    .build();
        }
        if (path.startsWith("/hooks/")) {
            return CacheOptions.builder()
                    .beforeSend(backendRequest -> backendRequest.headers().set("X-Origin-Token", "only-on-miss"))
                    .afterSend(candidate -> {
                        if (candidate.status() == 200) {
                            candidate.ttl(Duration.ofSeconds(120));
                            candidate.surrogateKeys(List.of("hooked"));
                            candidate.headers().set("X-Stored-By", "after-send");
                        }
                    })
                    .build();
        }
        return CacheOptions.DEFAULT;
    }
}
