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

    /**
     * Called for each informational response the program sends before its final one: a {@code 103 Early Hints}
     * head, without framing headers. A door passes it on to the client at once (the local server writes it as an
     * interim response); the default drops it, as a client that cannot take interim responses would never see it.
     *
     * @param head the informational head (status 103)
     */
    default void informational(ResponseHead head) {}
}
