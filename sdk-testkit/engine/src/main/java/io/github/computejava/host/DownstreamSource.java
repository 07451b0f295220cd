package io.github.computejava.host;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Hands client requests to sandboxes that asked for more work with {@code fastly_http_downstream.next_request}
 * (a program serving several requests in one instance). The local server queues such sandboxes and gives them
 * new requests before starting fresh instances.
 */
public interface DownstreamSource {
    /** A source that never has another request: every {@code next_request} ends with none. */
    DownstreamSource NONE = new DownstreamSource() {
        @Override
        public CompletableFuture<Optional<DownstreamExchange>> next(Duration timeout) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public void giveBack(DownstreamExchange exchange) {
            throw new IllegalStateException("no exchange was handed out");
        }
    };

    /**
     * Registers a sandbox's wish for another request.
     *
     * @param timeout how long the sandbox waits at most
     * @return completes with the next exchange, or with empty when none came in time; cancelling it withdraws
     *     the wish
     */
    CompletableFuture<Optional<DownstreamExchange>> next(Duration timeout);

    /**
     * Returns an exchange that a sandbox received but will not serve (it abandoned the promise or ended): the
     * source must have it served elsewhere.
     *
     * @param exchange the unserved exchange
     */
    void giveBack(DownstreamExchange exchange);
}
