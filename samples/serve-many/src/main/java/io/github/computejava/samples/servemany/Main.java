package io.github.computejava.samples.servemany;

import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.ServeManyOptions;
import java.time.Duration;

/**
 * One instance serving up to three client requests ({@link Compute#serveMany}), waiting at most two seconds
 * for each next one. The static counter lives as long as the instance: each answer says how many requests this
 * instance has served, so a client sees {@code 1, 2, 3} and then {@code 1} again from a fresh instance.
 */
public final class Main {
    /** The most requests one instance serves. */
    static final int MAX_REQUESTS = 3;

    /** How long an instance waits for its next request. */
    static final Duration NEXT_TIMEOUT = Duration.ofSeconds(2);

    private static int served;

    private Main() {}

    public static void main(String[] args) {
        Compute.serveMany(
                (request, w) -> {
                    served++;
                    w.headers().set("Content-Type", "text/plain");
                    w.write("request " + served + " of this instance: " + request.path() + "\n");
                },
                ServeManyOptions.builder()
                        .maxRequests(MAX_REQUESTS)
                        .nextTimeout(NEXT_TIMEOUT)
                        .build());
    }
}
