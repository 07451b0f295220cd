package io.github.computejava.fsthttp;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.Statuses;

/** Writes bytes to a body on the host, looping until the host has taken all of them. */
final class BodyOutput {
    /** {@code body_write_end.back}: append at the end. */
    static final int END_BACK = 0;

    private BodyOutput() {}

    static void writeAll(Hostcalls calls, int body, byte[] b, int off, int len) {
        int[] nwritten = new int[1];
        while (len > 0) {
            int status = calls.bodyWrite(body, b, off, len, END_BACK, nwritten);
            Statuses.check(status, "fastly_http_body.write");
            int n = nwritten[0];
            if (n <= 0 || n > len) {
                throw Statuses.toException(FastlyStatus.ERROR, "fastly_http_body.write");
            }
            off += n;
            len -= n;
        }
    }
}
