package io.github.computejava.host.readthrough;

import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.SendFailure;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.CacheOverride;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.UpstreamResponse;

/** Where the readthrough cache sends the requests it cannot answer: the engine's origin. */
@FunctionalInterface
public interface Upstream {
    /**
     * Performs one exchange with a backend.
     *
     * @param backend the backend
     * @param request the request head to send
     * @param body the request body
     * @param override the program's cache override, for the record
     * @return the response; its body may still be arriving
     * @throws SendFailure when no response arrives
     */
    UpstreamResponse exchange(Backend backend, RequestHead request, BodyBuffer body, CacheOverride override)
            throws SendFailure;
}
