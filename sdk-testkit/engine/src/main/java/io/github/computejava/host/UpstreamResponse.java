package io.github.computejava.host;

/** A response from an origin (or the cache): its head and a body that may still be arriving. */
public final class UpstreamResponse {
    private final ResponseHead head;
    private final BodyBuffer body;

    public UpstreamResponse(ResponseHead head, BodyBuffer body) {
        this.head = head;
        this.body = body;
    }

    public ResponseHead head() {
        return head;
    }

    public BodyBuffer body() {
        return body;
    }
}
