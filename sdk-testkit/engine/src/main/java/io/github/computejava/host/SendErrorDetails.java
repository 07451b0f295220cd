package io.github.computejava.host;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.host.backend.SendFailure;

/**
 * Writes the {@code send_error_detail} record the guest passed ({@link FastlyHttpReq}'s layout).
 *
 * <p>On the way in the mask says which fields the guest understands; on the way out it says which ones the
 * host set. The host writes only fields the guest asked for.
 */
final class SendErrorDetails {
    private static final int SIZE = FastlyHttpReq.SEND_ERROR_DETAIL_SIZE;
    private static final int OFF_MASK = FastlyHttpReq.SEND_ERROR_DETAIL_OFF_MASK;

    private SendErrorDetails() {}

    /** Sets the tag and clears every optional field (for {@code ok} and failures without detail). */
    static void write(byte[] detail, int tag) {
        if (detail == null || detail.length < OFF_MASK + 4) {
            return;
        }
        putU32(detail, FastlyHttpReq.SEND_ERROR_DETAIL_OFF_TAG, tag);
        for (int i = OFF_MASK; i < Math.min(detail.length, SIZE); i++) {
            detail[i] = 0;
        }
    }

    /** Sets the tag and the detail fields of {@code failure} that the guest's mask asks for. */
    static void write(byte[] detail, SendFailure failure) {
        if (detail == null || detail.length < OFF_MASK + 4) {
            return;
        }
        int wanted = detail.length >= SIZE ? u32(detail, OFF_MASK) : 0;
        write(detail, failure.tag());
        if (detail.length < SIZE) {
            return;
        }
        int mask = 0;
        if ((wanted & FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_RCODE) != 0 && failure.dnsRcode() >= 0) {
            putU16(detail, FastlyHttpReq.SEND_ERROR_DETAIL_OFF_DNS_ERROR_RCODE, failure.dnsRcode());
            mask |= FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_RCODE;
        }
        if ((wanted & FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_INFO_CODE) != 0 && failure.dnsInfoCode() >= 0) {
            putU16(detail, FastlyHttpReq.SEND_ERROR_DETAIL_OFF_DNS_ERROR_INFO_CODE, failure.dnsInfoCode());
            mask |= FastlyHttpReq.SEND_ERROR_MASK_DNS_ERROR_INFO_CODE;
        }
        if ((wanted & FastlyHttpReq.SEND_ERROR_MASK_TLS_ALERT_ID) != 0 && failure.tlsAlertId() >= 0) {
            detail[FastlyHttpReq.SEND_ERROR_DETAIL_OFF_TLS_ALERT_ID] = (byte) failure.tlsAlertId();
            mask |= FastlyHttpReq.SEND_ERROR_MASK_TLS_ALERT_ID;
        }
        if ((wanted & FastlyHttpReq.SEND_ERROR_MASK_H2_ERROR) != 0 && failure.h2ErrorFrame() >= 0) {
            detail[FastlyHttpReq.SEND_ERROR_DETAIL_OFF_H2_ERROR_FRAME] = (byte) failure.h2ErrorFrame();
            putU32(detail, FastlyHttpReq.SEND_ERROR_DETAIL_OFF_H2_ERROR_CODE, (int) failure.h2ErrorCode());
            mask |= FastlyHttpReq.SEND_ERROR_MASK_H2_ERROR;
        }
        putU32(detail, OFF_MASK, mask);
    }

    private static int u32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    private static void putU32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    private static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }
}
