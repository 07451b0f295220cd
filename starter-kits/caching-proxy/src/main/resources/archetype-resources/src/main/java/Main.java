package ${package};

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.HttpDate;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.Response;
import io.github.computejava.fsthttp.ResponseWriter;
import java.io.IOException;
import java.time.Duration;

/**
 * A caching proxy: every request goes to the {@code origin} backend of {@code fastly.toml}, stamped with the time;
 * Fastly's cache keeps the answer for {@link #EDGE_TTL} whatever the origin says, and browsers may keep it for a
 * minute.
 */
public final class Main {
    /** The backend, as {@code fastly.toml} names it. */
    static final String BACKEND = "origin";

    /** How long the edge keeps a cacheable answer: this overrides the origin's own freshness. */
    static final Duration EDGE_TTL = Duration.ofSeconds(30);

    /** What browsers are told. */
    static final String BROWSER_CACHE_CONTROL = "public, max-age=60";

    private Main() {}

    public static void main(String[] args) {
        Compute.serve(Main::handle);
    }

    static void handle(Request request, ResponseWriter response) throws IOException {
        request.headers().add("TheTime", HttpDate.now());
        request.cacheOptions(CacheOptions.builder().ttl(EDGE_TTL).build());

        try (Response origin = request.send(BACKEND)) {
            response.headers().setAll(origin.headers());
            response.headers().set("Cache-Control", BROWSER_CACHE_CONTROL);
            response.status(origin.status());
            origin.body().transferTo(response.body());
        }
    }
}
