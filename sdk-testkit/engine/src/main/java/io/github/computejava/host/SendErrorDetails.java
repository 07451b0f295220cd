package io.github.computejava.host;

/**
 * Writes the {@code send_error_detail} record the guest passed (20 bytes: tag u32 @0, mask u32 @4,
 * dns_error_rcode u16 @8, dns_error_info_code u16 @10, tls_alert_id u8 @12, h2_error_frame u8 @13,
 * h2_error_code u32 @16).
 *
 * <p>On the way in the mask says which fields the guest understands; on the way out it says which ones the
 * host set. The host writes only fields the guest asked for.
 */
final class SendErrorDetails {
    static final int SIZE = 20;
    static final int MASK_DNS_RCODE = 2;
    static final int MASK_DNS_INFO_CODE = 4;
    static final int MASK_TLS_ALERT = 8;
    static final int MASK_H2_ERROR = 16;

    private SendErrorDetails() {}

    /** Sets the tag and clears every optional field (for {@code ok} and failures without detail). */
    static void write(byte[] detail, int tag) {
        if (detail == null || detail.length < 8) {
            return;
        }
        putU32(detail, 0, tag);
        for (int i = 4; i < Math.min(detail.length, SIZE); i++) {
            detail[i] = 0;
        }
    }

    /** Sets the tag and the detail fields of {@code failure} that the guest's mask asks for. */
    static void write(byte[] detail, SendFailure failure) {
        if (detail == null || detail.length < 8) {
            return;
        }
        int wanted = detail.length >= SIZE ? u32(detail, 4) : 0;
        write(detail, failure.tag());
        if (detail.length < SIZE) {
            return;
        }
        int mask = 0;
        if ((wanted & MASK_DNS_RCODE) != 0 && failure.dnsRcode() >= 0) {
            putU16(detail, 8, failure.dnsRcode());
            mask |= MASK_DNS_RCODE;
        }
        if ((wanted & MASK_DNS_INFO_CODE) != 0 && failure.dnsInfoCode() >= 0) {
            putU16(detail, 10, failure.dnsInfoCode());
            mask |= MASK_DNS_INFO_CODE;
        }
        if ((wanted & MASK_TLS_ALERT) != 0 && failure.tlsAlertId() >= 0) {
            detail[12] = (byte) failure.tlsAlertId();
            mask |= MASK_TLS_ALERT;
        }
        if ((wanted & MASK_H2_ERROR) != 0 && failure.h2ErrorFrame() >= 0) {
            detail[13] = (byte) failure.h2ErrorFrame();
            putU32(detail, 16, (int) failure.h2ErrorCode());
            mask |= MASK_H2_ERROR;
        }
        putU32(detail, 4, mask);
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
