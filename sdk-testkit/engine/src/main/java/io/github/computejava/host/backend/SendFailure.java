package io.github.computejava.host.backend;

import io.github.computejava.abi.FastlyHttpReq;

/**
 * A backend request that failed before a response arrived. {@link #tag()} is the {@code send_error_detail_tag}
 * the guest sees, one of {@link FastlyHttpReq}'s {@code SEND_ERROR_TAG_*}.
 */
public final class SendFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int tag;
    private int dnsRcode = -1;
    private int dnsInfoCode = -1;
    private int tlsAlertId = -1;
    private int h2ErrorFrame = -1;
    private long h2ErrorCode;

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

    // ---- detail fields of send_error_detail (each -1 when the host does not report it)

    /**
     * A DNS failure with the resolver's answer: {@code dns_error} with its rcode and extended info code.
     *
     * @param rcode the DNS response code (u16), or -1
     * @param infoCode the extended DNS error info code (u16), or -1
     */
    public static SendFailure dnsError(int rcode, int infoCode, String message) {
        SendFailure f = new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_DNS_ERROR, message);
        f.dnsRcode = checkU16(rcode, "rcode");
        f.dnsInfoCode = checkU16(infoCode, "infoCode");
        return f;
    }

    /**
     * A TLS alert from the backend: {@code tls_alert_received} with the alert id (u8).
     *
     * @param alertId the TLS alert description, 0..255, or -1
     */
    public static SendFailure tlsAlert(int alertId, String message) {
        SendFailure f = new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_TLS_ALERT_RECEIVED, message);
        if (alertId < -1 || alertId > 0xFF) {
            throw new IllegalArgumentException("alertId: a TLS alert id is 0..255, got " + alertId);
        }
        f.tlsAlertId = alertId;
        return f;
    }

    /**
     * An HTTP/2 error from the backend: {@code h2_error} with the frame type (u8) and error code (u32).
     *
     * @param frame the frame type, 0..255
     * @param code the error code, 0..2^32-1
     */
    public static SendFailure h2Error(int frame, long code, String message) {
        SendFailure f = new SendFailure(FastlyHttpReq.SEND_ERROR_TAG_H2_ERROR, message);
        if (frame < 0 || frame > 0xFF) {
            throw new IllegalArgumentException("frame: an HTTP/2 frame type is 0..255, got " + frame);
        }
        if (code < 0 || code > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("code: an HTTP/2 error code is a u32, got " + code);
        }
        f.h2ErrorFrame = frame;
        f.h2ErrorCode = code;
        return f;
    }

    /** The DNS rcode, or -1. */
    public int dnsRcode() {
        return dnsRcode;
    }

    /** The extended DNS error info code, or -1. */
    public int dnsInfoCode() {
        return dnsInfoCode;
    }

    /** The TLS alert id, or -1. */
    public int tlsAlertId() {
        return tlsAlertId;
    }

    /** The HTTP/2 frame type, or -1 when no HTTP/2 error is reported. */
    public int h2ErrorFrame() {
        return h2ErrorFrame;
    }

    /** The HTTP/2 error code (meaningful when {@link #h2ErrorFrame()} is not -1). */
    public long h2ErrorCode() {
        return h2ErrorCode;
    }

    private static int checkU16(int v, String what) {
        if (v < -1 || v > 0xFFFF) {
            throw new IllegalArgumentException(what + ": a u16 or -1, got " + v);
        }
        return v;
    }
}
