package io.github.computejava.fsthttp;

import io.github.computejava.internal.Host;
import io.github.computejava.internal.Hostcalls;
import io.github.computejava.internal.Statuses;
import java.util.Objects;

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
        Hostcalls calls = Host.calls();
        Statuses.check(calls.abiInit(ABI_VERSION), "fastly_abi.init");
        int[] req = new int[1];
        int[] body = new int[1];
        Statuses.check(calls.reqBodyDownstreamGet(req, body), "fastly_http_req.body_downstream_get");
        Request request = Request.downstream(calls, req[0], body[0]);
        ResponseWriter response = new ResponseWriter(calls);
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

    private static void reportUncaught(Throwable t) {
        String message = t.getMessage();
        System.err.println("Uncaught " + t.getClass().getName() + (message == null ? "" : ": " + message));
        Host.reportUncaught(t);
    }
}
