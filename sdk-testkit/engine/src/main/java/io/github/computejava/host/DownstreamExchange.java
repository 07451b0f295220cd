package io.github.computejava.host;

import java.util.Objects;

/** A client request and where its response goes: what a reused sandbox receives from {@code next_request}. */
public final class DownstreamExchange {
    private final DownstreamRequest request;
    private final DownstreamResponder responder;

    /**
     * @param request the client request
     * @param responder receives the response
     */
    public DownstreamExchange(DownstreamRequest request, DownstreamResponder responder) {
        this.request = Objects.requireNonNull(request, "request");
        this.responder = Objects.requireNonNull(responder, "responder");
    }

    /** The client request. */
    public DownstreamRequest request() {
        return request;
    }

    /** Where the response goes. */
    public DownstreamResponder responder() {
        return responder;
    }
}
