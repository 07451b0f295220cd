package io.github.computejava.fsthttp;

import io.github.computejava.ComputeException;

/** A backend request failed before a response arrived: DNS, connection, TLS, timeout, protocol. */
public class SendErrorException extends ComputeException {
    private static final long serialVersionUID = 1L;

    private final String backend;
    private final SendErrorKind kind;

    /**
     * Creates the exception.
     *
     * @param backend the backend the request went to
     * @param kind why it failed
     * @param detail extra detail from the host (DNS rcode, TLS alert, ...), or empty
     */
    public SendErrorException(String backend, SendErrorKind kind, String detail) {
        super("Request to backend '" + backend + "' failed: " + describe(kind)
                + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.backend = backend;
        this.kind = kind;
    }

    /**
     * The backend the request went to.
     *
     * @return the backend name
     */
    public String backend() {
        return backend;
    }

    /**
     * Why the request failed.
     *
     * @return the kind of failure
     */
    public SendErrorKind kind() {
        return kind;
    }

    private static String describe(SendErrorKind kind) {
        return io.github.computejava.internal.Text.asciiLower(kind.name()).replace('_', ' ');
    }
}
