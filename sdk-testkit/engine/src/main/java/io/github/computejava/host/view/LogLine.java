package io.github.computejava.host.view;

import java.time.Instant;

/**
 * A line a program logged: to a {@code fastly_log} endpoint, or (on the local server) to its standard output or
 * error.
 *
 * @param at when, by the engine's clock
 * @param source where it went
 * @param endpoint the endpoint's name for {@link Source#ENDPOINT}, else empty
 * @param text the line (at most {@value #MAX_LENGTH} characters are kept)
 */
public record LogLine(Instant at, Source source, String endpoint, String text) {
    /** The longest text kept; longer lines are cut. */
    public static final int MAX_LENGTH = 4096;

    /** Where a line went. */
    public enum Source {
        /** A {@code fastly_log} endpoint. */
        ENDPOINT,
        /** The program's standard output. */
        STDOUT,
        /** The program's standard error. */
        STDERR
    }
}
