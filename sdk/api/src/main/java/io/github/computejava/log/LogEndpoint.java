package io.github.computejava.log;

import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.LogGuest;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A real-time log endpoint of the service (Fastly's log streaming): each {@link #log(String)} is one log line.
 * {@link #writer()} offers the endpoint as a {@link Writer}, for code that logs through one.
 *
 * <pre>{@code
 * LogEndpoint access = LogEndpoint.open("access");
 * access.log(request.method() + " " + request.path());
 *
 * PrintWriter out = new PrintWriter(LogEndpoint.open("debug").writer());
 * out.println("cache miss for " + request.path()); // one line
 * }</pre>
 */
public final class LogEndpoint {
    private final LogGuest.Endpoint endpoint;
    private final String name;

    private LogEndpoint(LogGuest.Endpoint endpoint, String name) {
        this.endpoint = endpoint;
        this.name = name;
    }

    /**
     * Opens an endpoint by name.
     *
     * @param name the endpoint name, as configured for the service
     * @return the endpoint
     * @throws IllegalArgumentException if {@code name} is empty or the host rejects it
     * @throws NullPointerException if {@code name} is null
     * @throws io.github.computejava.HostcallException if the host fails otherwise
     */
    public static LogEndpoint open(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: a log endpoint name cannot be empty");
        }
        LogGuest.Endpoint endpoint = LogGuest.open(name);
        if (endpoint == null) {
            throw new IllegalArgumentException("name: '" + name + "' is not a valid log endpoint name");
        }
        return new LogEndpoint(endpoint, name);
    }

    /**
     * The endpoint name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Writes one log line (UTF-8).
     *
     * @param message the line, without a trailing newline
     * @throws NullPointerException if {@code message} is null
     * @throws io.github.computejava.HostcallException if the host fails the write
     */
    public void log(String message) {
        byte[] bytes = Text.utf8(Objects.requireNonNull(message, "message"));
        endpoint.write(bytes, 0, bytes.length);
    }

    /**
     * The endpoint as a {@link Writer} of UTF-8 log lines. Each line ends at a newline ({@code \n}, a {@code \r}
     * before it dropped): the text up to it is one {@link #log(String)}, so {@code "a\n\nb\n"} logs {@code a}, an
     * empty line and {@code b}. {@link Writer#flush()} logs the text written since the last line end as a line of
     * its own (nothing when there is none), and {@link Writer#close()} flushes, after which writing is an {@link
     * IOException}. The writer holds no more than the current line and is not thread-safe.
     *
     * @return a new writer over this endpoint
     */
    public Writer writer() {
        return new LineWriter(this);
    }

    @Override
    public String toString() {
        return "LogEndpoint{" + name + "}";
    }
}
