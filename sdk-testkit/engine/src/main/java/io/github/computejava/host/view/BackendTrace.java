package io.github.computejava.host.view;

import io.github.computejava.host.readthrough.CacheOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One backend request a program made ({@code send} and its variants), and what the readthrough cache did with it.
 *
 * @param backend the backend's name
 * @param method the request's method
 * @param url the request's URL as the program sent it
 * @param started when it was sent, by the engine's clock
 * @param status the response's status, 0 while none has arrived or when the send failed
 * @param error why the send failed, empty when it did not (or has not yet)
 * @param cacheOutcome what the cache did, empty while unknown (in flight, or failed before an outcome)
 * @param duration how long until the response head (or the failure), empty while in flight
 */
public record BackendTrace(
        String backend,
        String method,
        String url,
        Instant started,
        int status,
        String error,
        Optional<CacheOutcome> cacheOutcome,
        Optional<Duration> duration) {}
