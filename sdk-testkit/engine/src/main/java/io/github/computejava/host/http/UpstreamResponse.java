package io.github.computejava.host.http;

import io.github.computejava.host.readthrough.CacheOutcome;
import java.util.Optional;

/**
 * A response from an origin (or the cache): its head, a body that may still be arriving, and, once it has been
 * through the readthrough cache, what the cache did.
 */
public final class UpstreamResponse {
    private final ResponseHead head;
    private final BodyBuffer body;
    private final CacheOutcome cacheOutcome;

    public UpstreamResponse(ResponseHead head, BodyBuffer body) {
        this(head, body, null);
    }

    private UpstreamResponse(ResponseHead head, BodyBuffer body, CacheOutcome cacheOutcome) {
        this.head = head;
        this.body = body;
        this.cacheOutcome = cacheOutcome;
    }

    public ResponseHead head() {
        return head;
    }

    public BodyBuffer body() {
        return body;
    }

    /**
     * What the readthrough cache did to produce this response.
     *
     * @return the outcome, empty for a response that has not been through the cache
     */
    public Optional<CacheOutcome> cacheOutcome() {
        return Optional.ofNullable(cacheOutcome);
    }

    /**
     * This response marked with what the cache did.
     *
     * @param outcome the outcome
     * @return a response with the same head and body
     */
    public UpstreamResponse withCacheOutcome(CacheOutcome outcome) {
        return new UpstreamResponse(head, body, outcome);
    }
}
