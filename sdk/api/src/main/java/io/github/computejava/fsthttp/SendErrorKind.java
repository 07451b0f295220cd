package io.github.computejava.fsthttp;

/** Why a backend request failed, as the host reports it ({@code send_error_detail_tag}). */
public enum SendErrorKind {
    /** The host did not say. */
    UNKNOWN,
    /** Looking up the backend's address timed out. */
    DNS_TIMEOUT,
    /** Looking up the backend's address failed. */
    DNS_ERROR,
    /** No such backend, or the backend is invalid. */
    DESTINATION_NOT_FOUND,
    /** The backend is considered down. */
    DESTINATION_UNAVAILABLE,
    /** No route to the backend's address. */
    DESTINATION_IP_UNROUTABLE,
    /** The backend refused the connection. */
    CONNECTION_REFUSED,
    /** The connection closed before a complete response. */
    CONNECTION_TERMINATED,
    /** Connecting to the backend timed out. */
    CONNECTION_TIMEOUT,
    /** The backend's connection limit was reached. */
    CONNECTION_LIMIT_REACHED,
    /** The backend's TLS certificate did not verify. */
    TLS_CERTIFICATE_ERROR,
    /** The backend's TLS configuration is wrong. */
    TLS_CONFIGURATION_ERROR,
    /** The response was incomplete. */
    HTTP_INCOMPLETE_RESPONSE,
    /** The response head was too large. */
    HTTP_RESPONSE_HEADER_SECTION_TOO_LARGE,
    /** The response body was too large. */
    HTTP_RESPONSE_BODY_TOO_LARGE,
    /** The response did not arrive in time. */
    HTTP_RESPONSE_TIMEOUT,
    /** The response status or reason was invalid. */
    HTTP_RESPONSE_STATUS_INVALID,
    /** Upgrading the HTTP version failed. */
    HTTP_UPGRADE_FAILED,
    /** Another HTTP protocol error. */
    HTTP_PROTOCOL_ERROR,
    /** The request's cache key was invalid. */
    HTTP_REQUEST_CACHE_KEY_INVALID,
    /** The request's URI was invalid. */
    HTTP_REQUEST_URI_INVALID,
    /** The host failed internally. */
    INTERNAL_ERROR,
    /** The backend sent a TLS alert. */
    TLS_ALERT_RECEIVED,
    /** A TLS protocol error. */
    TLS_PROTOCOL_ERROR,
    /** The backend sent an HTTP/2 error. */
    H2_ERROR;

    /** The kind for a {@code send_error_detail_tag} value (0 uninitialized and 1 ok map to UNKNOWN). */
    static SendErrorKind fromTag(int tag) {
        SendErrorKind[] all = values();
        return tag >= 2 && tag - 1 < all.length ? all[tag - 1] : UNKNOWN;
    }

    /** The {@code send_error_detail_tag} value of this kind. */
    int tag() {
        return this == UNKNOWN ? 0 : ordinal() + 1;
    }
}
