package io.github.computejava.fsthttp;

import io.github.computejava.ComputeException;
import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.internal.Statuses;

/** The {@code send_error_detail} record of {@link FastlyHttpReq}, read after a failed send. */
final class SendErrorDetail {
    /** Every mask bit this SDK understands: reserved, dns rcode, dns info code, tls alert, h2 error. */
    static final int MASK_ALL = FastlyHttpReq.SEND_ERROR_MASK_RESERVED
            | FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_RCODE
            | FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_INFO_CODE
            | FastlyHttpReq.SEND_ERROR_MASK_TLS_ALERT_ID
            | FastlyHttpReq.SEND_ERROR_MASK_H2_ERROR;

    private SendErrorDetail() {}

    /** A fresh record with the mask set, so the host fills in what it knows. */
    static byte[] newBuffer() {
        byte[] b = new byte[FastlyHttpReq.SEND_ERROR_DETAIL_SIZE];
        b[FastlyHttpReq.SEND_ERROR_DETAIL_OFF_MASK] = (byte) MASK_ALL;
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
        int tag = u32(detail, FastlyHttpReq.SEND_ERROR_DETAIL_OFF_TAG);
        SendErrorKind kind = SendErrorKind.fromTag(tag);
        if (kind == SendErrorKind.DESTINATION_NOT_FOUND || tag == 0 && status == FastlyStatus.INVAL) {
            return new BackendNotFoundException(backend);
        }
        if (tag <= 1) {
            return Statuses.toException(status, "fastly_http_req.send_v2");
        }
        int mask = u32(detail, FastlyHttpReq.SEND_ERROR_DETAIL_OFF_MASK);
        int rcode = kind == SendErrorKind.DNS_ERROR && (mask & FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_RCODE) != 0
                ? u16(detail, FastlyHttpReq.SEND_ERROR_DETAIL_OFF_DNS_ERROR_RCODE)
                : -1;
        int infoCode =
                kind == SendErrorKind.DNS_ERROR && (mask & FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_INFO_CODE) != 0
                        ? u16(detail, FastlyHttpReq.SEND_ERROR_DETAIL_OFF_DNS_ERROR_INFO_CODE)
                        : -1;
        int alert = kind == SendErrorKind.TLS_ALERT_RECEIVED && (mask & FastlyHttpReq.SEND_ERROR_MASK_TLS_ALERT_ID) != 0
                ? detail[FastlyHttpReq.SEND_ERROR_DETAIL_OFF_TLS_ALERT_ID] & 0xFF
                : -1;
        int frame = kind == SendErrorKind.H2_ERROR && (mask & FastlyHttpReq.SEND_ERROR_MASK_H2_ERROR) != 0
                ? detail[FastlyHttpReq.SEND_ERROR_DETAIL_OFF_H2_ERROR_FRAME] & 0xFF
                : -1;
        long code = frame >= 0 ? u32(detail, FastlyHttpReq.SEND_ERROR_DETAIL_OFF_H2_ERROR_CODE) & 0xFFFFFFFFL : 0;
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
