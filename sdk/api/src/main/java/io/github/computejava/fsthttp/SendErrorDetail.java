package io.github.computejava.fsthttp;

import io.github.computejava.ComputeException;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.internal.Statuses;

/**
 * The {@code send_error_detail} record: tag u32 at 0, mask u32 at 4, dns_error_rcode u16 at 8,
 * dns_error_info_code u16 at 10, tls_alert_id u8 at 12, h2_error_frame u8 at 13, h2_error_code u32 at 16;
 * 20 bytes.
 */
final class SendErrorDetail {
    static final int SIZE = 20;
    /** Every mask bit this SDK understands: reserved, dns rcode, dns info code, tls alert, h2 error. */
    static final int MASK_ALL = 1 | 2 | 4 | 8 | 16;

    private SendErrorDetail() {}

    /** A fresh record with the mask set, so the host fills in what it knows. */
    static byte[] newBuffer() {
        byte[] b = new byte[SIZE];
        b[4] = (byte) MASK_ALL;
        return b;
    }

    static int u32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    /** The exception for a failed send: a missing backend, a transport failure with its detail, or a host error. */
    static ComputeException toException(int status, byte[] detail, String backend) {
        int tag = u32(detail, 0);
        SendErrorKind kind = SendErrorKind.fromTag(tag);
        if (kind == SendErrorKind.DESTINATION_NOT_FOUND || tag == 0 && status == FastlyStatus.INVAL) {
            return new BackendNotFoundException(backend);
        }
        if (tag <= 1) {
            return Statuses.toException(status, "fastly_http_req.send_v2");
        }
        int mask = u32(detail, 4);
        int rcode = kind == SendErrorKind.DNS_ERROR && (mask & 2) != 0 ? u16(detail, 8) : -1;
        int infoCode = kind == SendErrorKind.DNS_ERROR && (mask & 4) != 0 ? u16(detail, 10) : -1;
        int alert = kind == SendErrorKind.TLS_ALERT_RECEIVED && (mask & 8) != 0 ? detail[12] & 0xFF : -1;
        int frame = kind == SendErrorKind.H2_ERROR && (mask & 16) != 0 ? detail[13] & 0xFF : -1;
        long code = frame >= 0 ? u32(detail, 16) & 0xFFFFFFFFL : 0;
        StringBuilder extra = new StringBuilder();
        if (rcode >= 0) {
            extra.append("rcode ").append(rcode);
        }
        if (infoCode >= 0) {
            extra.append(extra.length() > 0 ? ", " : "").append("info code ").append(infoCode);
        }
        if (alert >= 0) {
            extra.append("alert ").append(alert);
        }
        if (frame >= 0) {
            extra.append("frame ").append(frame).append(", code ").append(code);
        }
        return new SendErrorException(backend, kind, extra.toString(), rcode, infoCode, alert, frame, code);
    }
}
