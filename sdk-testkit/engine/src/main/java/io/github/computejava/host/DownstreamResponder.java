package io.github.computejava.host;

/** Receives the response a sandbox sends to its client. */
@FunctionalInterface
public interface DownstreamResponder {
    /**
     * Called once, when the program sends its response. With {@code streaming}, the program is still writing
     * the body; read it until it ends.
     */
    void respond(ResponseHead head, BodyBuffer body, boolean streaming);
}
