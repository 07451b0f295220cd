package io.github.computejava.host;

import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
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
    private volatile String clientBodyFailure;

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
        this.originalHeaders = head.headers().copy();
    }

    /** The header fields as the client sent them, before the program changed any. */
    public HeaderList originalHeaders() {
        return originalHeaders.copy();
    }

    /**
     * Notes that the client's body could not be read to its end (malformed framing, a broken connection): the door
     * calls it when its read fails, before the program sees the failure. Whatever the program answers then, the
     * engine answers the client 400, as the fault is the client's. The first failure noted is kept.
     *
     * @param why what went wrong, completing "the client's request body ..." ({@code is malformed: ...})
     * @throws NullPointerException if {@code why} is null
     */
    public void clientBodyFailed(String why) {
        Objects.requireNonNull(why, "why");
        synchronized (this) {
            if (clientBodyFailure == null) {
                clientBodyFailure = why;
            }
        }
    }

    /** What went wrong with the client's body, if its read failed (see {@link #clientBodyFailed}). */
    public java.util.Optional<String> clientBodyFailure() {
        return java.util.Optional.ofNullable(clientBodyFailure);
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
