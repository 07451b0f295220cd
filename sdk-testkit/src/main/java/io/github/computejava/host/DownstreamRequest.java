package io.github.computejava.host;

import java.util.Objects;

/** The client request a sandbox serves: its head, its body (which may still be arriving) and addresses. */
public final class DownstreamRequest {
    private final RequestHead head;
    private final BodyBuffer body;
    private final byte[] clientAddress;
    private final byte[] serverAddress;

    /**
     * @param clientAddress the client's IP, 4 or 16 octets
     * @param serverAddress the address the request arrived at, 4 or 16 octets
     */
    public DownstreamRequest(RequestHead head, BodyBuffer body, byte[] clientAddress, byte[] serverAddress) {
        this.head = Objects.requireNonNull(head, "head");
        this.body = Objects.requireNonNull(body, "body");
        this.clientAddress = checkAddress(clientAddress, "clientAddress");
        this.serverAddress = checkAddress(serverAddress, "serverAddress");
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
