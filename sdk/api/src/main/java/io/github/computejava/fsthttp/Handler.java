package io.github.computejava.fsthttp;

/** A Compute program's request handler, the Java form of Go's {@code fsthttp.HandlerFunc}. */
@FunctionalInterface
public interface Handler {
    /**
     * Handles one client request.
     *
     * @param request the client's request
     * @param response the response to write; closed by {@link Compute#serve} when this returns
     * @throws Exception anything the handler does not handle itself: it is logged to stderr, and the client
     *     gets a 500 if nothing was sent yet
     */
    void handle(Request request, ResponseWriter response) throws Exception;
}
