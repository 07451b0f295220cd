package io.github.computejava.host;

/** Writes the {@code send_error_detail} record (20 bytes; tag u32 at 0, mask u32 at 4) the guest passed. */
final class SendErrorDetails {
    private SendErrorDetails() {}

    /** Sets the tag and clears the optional fields; the guest's mask says which fields it reads. */
    static void write(byte[] detail, int tag) {
        if (detail == null || detail.length < 8) {
            return;
        }
        detail[0] = (byte) tag;
        detail[1] = (byte) (tag >>> 8);
        detail[2] = (byte) (tag >>> 16);
        detail[3] = (byte) (tag >>> 24);
        // no optional field (dns rcode, tls alert, h2 error) is reported: clear the mask
        for (int i = 4; i < Math.min(detail.length, 20); i++) {
            detail[i] = 0;
        }
    }
}
