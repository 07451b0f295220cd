package io.github.computejava.log;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.util.Objects;

/**
 * A real-time log endpoint of the service (Fastly's log streaming): each {@link #log(String)} is one log line.
 *
 * <pre>{@code
 * LogEndpoint access = LogEndpoint.open("access");
 * access.log(request.method() + " " + request.path());
 * }</pre>
 */
public final class LogEndpoint {
    private final Hostcalls calls;
    private final int handle;
    private final String name;

    private LogEndpoint(Hostcalls calls, int handle, String name) {
        this.calls = calls;
        this.handle = handle;
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
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        int status = calls.logEndpointGet(Text.utf8(name), out);
        if (status == FastlyStatus.INVAL) {
            throw new IllegalArgumentException("name: '" + name + "' is not a valid log endpoint name");
        }
        Statuses.check(status, "fastly_log.endpoint_get");
        return new LogEndpoint(calls, out[0], name);
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
        int[] n = new int[1];
        Statuses.check(calls.logWrite(handle, bytes, 0, bytes.length, n), "fastly_log.write");
    }

    @Override
    public String toString() {
        return "LogEndpoint{" + name + "}";
    }
}
