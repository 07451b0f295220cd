package io.github.computejava.samples.httpme;

import io.github.computejava.fsthttp.CacheOptions;
import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.HttpDate;
import io.github.computejava.fsthttp.Response;
import java.time.Duration;

/**
 * The seed's Go program in Java: stamp the request, cache the origin's answer for 30 seconds at the edge, let
 * browsers keep it for 60, and stream the body through.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Compute.serve((request, w) -> {
            request.headers().add("TheTime", HttpDate.now());
            request.cacheOptions(
                    CacheOptions.builder().ttl(Duration.ofSeconds(30)).build());

            try (Response resp = request.send("httpme")) {
                w.headers().setAll(resp.headers());
                w.headers().set("Cache-Control", "public, max-age=60");
                w.status(resp.status());
                resp.body().transferTo(w.body());
            }
        });
    }
}
