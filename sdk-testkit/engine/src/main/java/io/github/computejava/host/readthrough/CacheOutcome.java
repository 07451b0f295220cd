package io.github.computejava.host.readthrough;

/**
 * What the readthrough cache did with one {@code send}, in Fastly's terms: the cache state of a backend request as
 * the local server's inspector and {@link io.github.computejava.host.EngineView} show it.
 */
public enum CacheOutcome {
    /** Answered from a fresh stored response; no backend request. */
    HIT("HIT"),
    /** Fetched from the backend: not stored yet, or expired with nothing to revalidate. */
    MISS("MISS"),
    /** Sent to the backend without a lookup: not GET or HEAD, the program's {@code pass}, or an uncached send. */
    PASS("PASS"),
    /** Sent to the backend because the URL was recorded as uncacheable (hit-for-pass). */
    HIT_FOR_PASS("hit-for-pass"),
    /** A stale response revalidated by the backend's {@code 304}, and served refreshed. */
    REVALIDATED("revalidated"),
    /** A stale response served: within stale-while-revalidate (one revalidation runs) or stale-if-error. */
    STALE("stale");

    private final String label;

    CacheOutcome(String label) {
        this.label = label;
    }

    /**
     * The name the inspector shows.
     *
     * @return {@code HIT}, {@code MISS}, {@code PASS}, {@code hit-for-pass}, {@code revalidated} or {@code stale}
     */
    public String label() {
        return label;
    }
}
