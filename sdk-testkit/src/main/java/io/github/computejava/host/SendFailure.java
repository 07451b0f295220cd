package io.github.computejava.host;

/**
 * A backend request that failed before a response arrived. {@link #tag()} is the {@code send_error_detail_tag}
 * the guest sees.
 */
public final class SendFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** {@code send_error_detail_tag.ok}: no failure (written on success). */
    public static final int OK = 1;

    public static final int DNS_TIMEOUT = 2;
    public static final int DNS_ERROR = 3;
    public static final int DESTINATION_NOT_FOUND = 4;
    public static final int DESTINATION_UNAVAILABLE = 5;
    public static final int DESTINATION_IP_UNROUTABLE = 6;
    public static final int CONNECTION_REFUSED = 7;
    public static final int CONNECTION_TERMINATED = 8;
    public static final int CONNECTION_TIMEOUT = 9;
    public static final int CONNECTION_LIMIT_REACHED = 10;
    public static final int TLS_CERTIFICATE_ERROR = 11;
    public static final int TLS_CONFIGURATION_ERROR = 12;
    public static final int HTTP_INCOMPLETE_RESPONSE = 13;
    public static final int HTTP_RESPONSE_HEADER_SECTION_TOO_LARGE = 14;
    public static final int HTTP_RESPONSE_BODY_TOO_LARGE = 15;
    public static final int HTTP_RESPONSE_TIMEOUT = 16;
    public static final int HTTP_RESPONSE_STATUS_INVALID = 17;
    public static final int HTTP_UPGRADE_FAILED = 18;
    public static final int HTTP_PROTOCOL_ERROR = 19;
    public static final int HTTP_REQUEST_CACHE_KEY_INVALID = 20;
    public static final int HTTP_REQUEST_URI_INVALID = 21;
    public static final int INTERNAL_ERROR = 22;
    public static final int TLS_ALERT_RECEIVED = 23;
    public static final int TLS_PROTOCOL_ERROR = 24;
    public static final int H2_ERROR = 25;

    private final int tag;

    public SendFailure(int tag, String message) {
        super(message);
        this.tag = tag;
    }

    public SendFailure(int tag, String message, Throwable cause) {
        super(message, cause);
        this.tag = tag;
    }

    /** The {@code send_error_detail_tag}. */
    public int tag() {
        return tag;
    }
}
