package io.github.computejava.host.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One client request as the engine saw it: the method and URL it arrived with, when, the status the program answered
 * with and how long that took, the backend requests it made and the lines it logged.
 *
 * @param id the request's id ({@code FASTLY_TRACE_ID}, 32 hex digits)
 * @param method the client's method
 * @param url the client's URL
 * @param started when the program started serving it, by the engine's clock
 * @param status the status sent to the client, 0 while no response has been sent
 * @param answeredAfter how long after {@code started} the response head was sent, empty while none has been
 * @param backendRequests the backend requests, in the order they were made
 * @param logLines the lines logged, in order
 * @param droppedLines how many lines were not kept (a request keeps at most {@value #MAX_LINES})
 */
public record RequestTrace(
        String id,
        String method,
        String url,
        Instant started,
        int status,
        Optional<Duration> answeredAfter,
        List<BackendTrace> backendRequests,
        List<LogLine> logLines,
        int droppedLines) {
    /** The most log lines kept per request. */
    public static final int MAX_LINES = 200;

    /** The most backend requests kept per request. */
    public static final int MAX_BACKEND_REQUESTS = 100;

    public RequestTrace {
        backendRequests = List.copyOf(backendRequests);
        logLines = List.copyOf(logLines);
    }
}
