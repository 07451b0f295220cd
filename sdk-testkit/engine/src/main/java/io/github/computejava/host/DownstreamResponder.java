package io.github.computejava.host;

import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.ResponseHead;

/** Receives the response a sandbox sends to its client. */
@FunctionalInterface
public interface DownstreamResponder {
    /**
     * Called once, when the program sends its response. With {@code streaming}, the program is still writing
     * the body; read it until it ends.
     */
    void respond(ResponseHead head, BodyBuffer body, boolean streaming);

    /**
     * Called just before {@link #respond} when the engine answers the client in place of what the program sent (a
     * host rule: the client's body failed, the response's header section is over Fastly's limit), with the
     * sentence saying why, for the door's log. The default ignores it.
     *
     * @param why what was refused and the answer given instead
     */
    default void refused(String why) {}
}
