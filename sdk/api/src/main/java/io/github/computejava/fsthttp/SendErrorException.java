package io.github.computejava.fsthttp;

import io.github.computejava.ComputeException;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A backend request failed before a response arrived: DNS, connection, TLS, timeout, protocol. {@link #kind()}
 * says why; the DNS, TLS and HTTP/2 accessors carry the detail the host reported, if any.
 */
public class SendErrorException extends ComputeException {
    private static final long serialVersionUID = 1L;

    private final String backend;
    private final SendErrorKind kind;
    private final int dnsRcode;
    private final int dnsInfoCode;
    private final int tlsAlertId;
    private final int h2ErrorFrame;
    private final long h2ErrorCode;

    /**
     * Creates the exception.
     *
     * @param backend the backend the request went to
     * @param kind why it failed
     * @param detail extra detail from the host (DNS rcode, TLS alert, ...), or empty
     */
    public SendErrorException(String backend, SendErrorKind kind, String detail) {
        this(backend, kind, detail, -1, -1, -1, -1, 0);
    }

    SendErrorException(
            String backend,
            SendErrorKind kind,
            String detail,
            int dnsRcode,
            int dnsInfoCode,
            int tlsAlertId,
            int h2ErrorFrame,
            long h2ErrorCode) {
        super("Request to backend '" + backend + "' failed: " + describe(kind)
                + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.backend = backend;
        this.kind = kind;
        this.dnsRcode = dnsRcode;
        this.dnsInfoCode = dnsInfoCode;
        this.tlsAlertId = tlsAlertId;
        this.h2ErrorFrame = h2ErrorFrame;
        this.h2ErrorCode = h2ErrorCode;
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

    /**
     * The DNS response code, for {@link SendErrorKind#DNS_ERROR} when the host reported it (3 is NXDOMAIN).
     *
     * @return the rcode, or empty
     */
    public OptionalInt dnsRcode() {
        return dnsRcode < 0 ? OptionalInt.empty() : OptionalInt.of(dnsRcode);
    }

    /**
     * The extended DNS error info code, for {@link SendErrorKind#DNS_ERROR} when the host reported it.
     *
     * @return the info code, or empty
     */
    public OptionalInt dnsInfoCode() {
        return dnsInfoCode < 0 ? OptionalInt.empty() : OptionalInt.of(dnsInfoCode);
    }

    /**
     * The TLS alert the backend sent, for {@link SendErrorKind#TLS_ALERT_RECEIVED} when the host reported it.
     *
     * @return the alert id (such as 42, bad_certificate), or empty
     */
    public OptionalInt tlsAlertId() {
        return tlsAlertId < 0 ? OptionalInt.empty() : OptionalInt.of(tlsAlertId);
    }

    /**
     * The HTTP/2 frame type of an {@link SendErrorKind#H2_ERROR}, when the host reported it.
     *
     * @return the frame type, or empty
     */
    public OptionalInt h2ErrorFrame() {
        return h2ErrorFrame < 0 ? OptionalInt.empty() : OptionalInt.of(h2ErrorFrame);
    }

    /**
     * The HTTP/2 error code of an {@link SendErrorKind#H2_ERROR}, when the host reported it.
     *
     * @return the error code, or empty
     */
    public OptionalLong h2ErrorCode() {
        return h2ErrorFrame < 0 ? OptionalLong.empty() : OptionalLong.of(h2ErrorCode);
    }

    private static String describe(SendErrorKind kind) {
        return io.github.computejava.internal.Text.asciiLower(kind.name()).replace('_', ' ');
    }
}
