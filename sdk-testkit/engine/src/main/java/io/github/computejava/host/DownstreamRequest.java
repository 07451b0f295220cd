package io.github.computejava.host;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/** The client request a sandbox serves: its head, its body (which may still be arriving) and addresses. */
public final class DownstreamRequest {
    private final RequestHead head;
    private final BodyBuffer body;
    private final byte[] clientAddress;
    private final byte[] serverAddress;
    private static final AtomicLong IDS = new AtomicLong();
    private final HeaderList originalHeaders;
    private final String requestId;

    /**
     * @param clientAddress the client's IP, 4 or 16 octets
     * @param serverAddress the address the request arrived at, 4 or 16 octets
     */
    public DownstreamRequest(RequestHead head, BodyBuffer body, byte[] clientAddress, byte[] serverAddress) {
        this(head, body, clientAddress, serverAddress, String.format("%032x", IDS.incrementAndGet()));
    }

    /**
     * @param clientAddress the client's IP, 4 or 16 octets
     * @param serverAddress the address the request arrived at, 4 or 16 octets
     * @param requestId the request's id ({@code downstream_client_request_id}), 32 hex digits on Fastly
     */
    public DownstreamRequest(
            RequestHead head, BodyBuffer body, byte[] clientAddress, byte[] serverAddress, String requestId) {
        this.head = Objects.requireNonNull(head, "head");
        this.body = Objects.requireNonNull(body, "body");
        this.clientAddress = checkAddress(clientAddress, "clientAddress");
        this.serverAddress = checkAddress(serverAddress, "serverAddress");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.originalHeaders = head.headers.copy();
    }

    /** The header fields as the client sent them, before the program changed any. */
    public HeaderList originalHeaders() {
        return originalHeaders.copy();
    }

    /** The request's id. */
    public String requestId() {
        return requestId;
    }

    private static byte[] checkAddress(byte[] a, String what) {
        Objects.requireNonNull(a, what);
        if (a.length != 4 && a.length != 16) {
            throw new IllegalArgumentException(what + ": 4 or 16 octets, got " + a.length);
        }
        return a.clone();
    }

    public RequestHead head() {
        return head;
    }

    public BodyBuffer body() {
        return body;
    }

    public byte[] clientAddress() {
        return clientAddress.clone();
    }

    public byte[] serverAddress() {
        return serverAddress.clone();
    }
}
