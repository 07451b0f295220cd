package io.github.computejava.fsthttp;

import io.github.computejava.internal.Environment;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.HostClock;
import io.github.computejava.internal.UncaughtText;
import io.github.computejava.internal.guest.AbiGuest;
import io.github.computejava.internal.guest.HttpDownstreamGuest;
import io.github.computejava.internal.guest.HttpReqGuest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of a Compute program: {@code main} calls {@link #serve(Handler)} with its handler.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Compute.serve((request, response) -> response.write("Hello from Java\n"));
 * }
 * }</pre>
 */
public final class Compute {
    /** The host ABI version this SDK speaks ({@code fastly_abi.init}). */
    static final long ABI_VERSION = 1;

    private Compute() {}

    /**
     * Serves the client request this program instance was started for.
     *
     * <p>The handler's response is closed when it returns. Anything it throws is logged to stderr with its
     * class and message; the client gets a 500 if nothing was sent yet, or an incomplete body otherwise.
     *
     * @param handler the request handler
     * @throws NullPointerException if {@code handler} is null
     */
    public static void serve(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        AbiGuest.init(ABI_VERSION);
        int[] req = new int[1];
        int[] body = new int[1];
        HttpReqGuest.downstream(req, body);
        serveOne(handler, req[0], body[0]);
    }

    /**
     * Serves the client request this instance was started for, then further client requests the host hands to
     * the same instance ({@code fastly_http_downstream.next_request}), until a limit of {@code options} is
     * reached or no request comes in time. Static state (caches, counters, open stores) lives on across the
     * requests of one instance; each request gets a fresh {@link Request} and {@link ResponseWriter}.
     *
     * <p>Each request is served as {@link #serve(Handler)} serves one: its response is closed when the handler
     * returns, and what the handler throws is logged and answered with a 500 (or an incomplete body), after
     * which the instance goes on to the next request. A host that does not reuse instances (or has no further
     * request) simply ends the loop after the first request.
     *
     * <pre>{@code
     * Compute.serveMany(handler, ServeManyOptions.builder().maxRequests(100).build());
     * }</pre>
     *
     * @param handler the request handler
     * @param options the instance's limits ({@link ServeManyOptions#DEFAULT} for the host's)
     * @throws NullPointerException if {@code handler} or {@code options} is null
     * @throws io.github.computejava.HostcallException if the host fails to hand over the first request
     */
    public static void serveMany(Handler handler, ServeManyOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        AbiGuest.init(ABI_VERSION);
        long started = HostClock.currentTimeMillis();
        int[] req = new int[1];
        int[] body = new int[1];
        HttpReqGuest.downstream(req, body);
        int limit = options.maxRequests().orElse(Integer.MAX_VALUE);
        long lifetime = options.maxLifetime().map(Duration::toMillis).orElse(-1L);
        long next = options.nextTimeout().map(Duration::toMillis).orElse(-1L);
        int served = 0;
        while (true) {
            serveOne(handler, req[0], body[0]);
            served++;
            if (served >= limit) {
                return;
            }
            long timeout = next;
            if (lifetime >= 0) {
                long remaining = lifetime - (HostClock.currentTimeMillis() - started);
                if (remaining <= 0) {
                    return;
                }
                timeout = timeout < 0 ? remaining : Math.min(timeout, remaining);
            }
            if (!HttpDownstreamGuest.nextRequest(timeout, req, body)) {
                return;
            }
        }
    }

    private static void serveOne(Handler handler, int req, int body) {
        Request request = Request.downstream(req, body);
        ResponseWriter response = new ResponseWriter();
        try {
            handler.handle(request, response);
            response.close();
            BackgroundTasks.runAll();
        } catch (Throwable t) {
            reportUncaught(t);
            try {
                response.fail();
            } catch (Throwable second) {
                reportUncaught(second);
            }
        }
    }

    /**
     * The current time on the host's clock, in milliseconds since 1970-01-01T00:00:00Z.
     *
     * <p>It exists so a program reads the same clock through both doors. Inside {@code main.wasm} it and {@link
     * System#currentTimeMillis()} both read Fastly's clock; on the JVM, under the testkit, {@code
     * System.currentTimeMillis()} reads the machine's wall clock while this reads the test host's virtual clock,
     * so a test that advances the clock sees the program's time move with its cache. {@link HttpDate#now()}
     * reads this clock.
     *
     * @return milliseconds since the epoch
     * @throws io.github.computejava.HostcallException if the host cannot read its clock
     * @throws IllegalStateException on the JVM when no host is attached to this thread
     */
    public static long currentTimeMillis() {
        return HostClock.currentTimeMillis();
    }

    /**
     * An environment variable of this program instance, such as {@code FASTLY_POP}, {@code FASTLY_HOSTNAME},
     * {@code FASTLY_SERVICE_VERSION} or {@code FASTLY_TRACE_ID}.
     *
     * <p>Inside {@code main.wasm} the build also turns {@code System.getenv(name)} into this lookup; on the JVM
     * {@code System.getenv} reads the machine's environment, while this reads the test host's (the testkit sets
     * the values Fastly's local server sets, {@code FASTLY_POP=XXX} and so on, and a test may set its own).
     *
     * @param name the variable's name
     * @return its value, or empty when it is not set
     * @throws NullPointerException if {@code name} is null
     * @throws io.github.computejava.HostcallException if the host fails to report its environment
     * @throws IllegalStateException on the JVM when no host is attached to this thread
     */
    public static Optional<String> env(String name) {
        return Optional.ofNullable(Environment.get(Objects.requireNonNull(name, "name")));
    }

    /**
     * All environment variables of this program instance (see {@link #env(String)}).
     *
     * @return an unmodifiable map of names to values
     * @throws io.github.computejava.HostcallException if the host fails to report its environment
     * @throws IllegalStateException on the JVM when no host is attached to this thread
     */
    public static Map<String, String> env() {
        return Environment.all();
    }

    private static void reportUncaught(Throwable t) {
        // one write, so the local server receives the whole trace at once
        System.err.print(UncaughtText.of(t));
        Host.reportUncaught(t);
    }
}
