package io.github.computejava.host.backend;

import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.UpstreamResponse;

/**
 * Where backend requests go once the host has decided to contact the backend: a real HTTP client in the local
 * server, Java functions in the testkit.
 */
@FunctionalInterface
public interface Origin {
    /**
     * Performs one exchange with a backend. The request body may still be streaming in; the response body may
     * stream out after this returns.
     *
     * @throws SendFailure when no response arrives (refused, timed out, DNS, TLS, protocol)
     */
    UpstreamResponse exchange(Backend backend, RequestHead request, BodyBuffer body) throws SendFailure;

    /**
     * Performs one exchange, knowing the cache override the program set on the request (the testkit records
     * it); the default ignores it.
     *
     * @throws SendFailure when no response arrives
     */
    default UpstreamResponse exchange(Backend backend, RequestHead request, BodyBuffer body, CacheOverride override)
            throws SendFailure {
        return exchange(backend, request, body);
    }
}
