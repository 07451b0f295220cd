package io.github.computejava.host;

import io.github.computejava.abi.FastlyStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The host side of the ABI's buffer protocols: single values with {@code buflen}, and multi-value cursors. */
final class Buffers {
    private Buffers() {}

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** Writes one value; on {@code buflen} reports the size needed. */
    static int single(byte[] value, byte[] buf, int len, int[] nwrittenOut) {
        if (value.length > len) {
            nwrittenOut[0] = value.length;
            return FastlyStatus.BUFLEN;
        }
        System.arraycopy(value, 0, buf, 0, value.length);
        nwrittenOut[0] = value.length;
        return FastlyStatus.OK;
    }

    /**
     * Writes as many whole NUL-terminated values as fit, from {@code cursor}; the ending cursor is the next value
     * to ask for, or -1 when all were written. When not even one fits: {@code buflen} with its size.
     */
    static int multi(List<String> values, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        if (cursor < 0) {
            return FastlyStatus.INVAL;
        }
        int pos = 0;
        int i = cursor;
        while (i < values.size()) {
            byte[] v = latin1(values.get(i));
            if (pos + v.length + 1 > len) {
                break;
            }
            System.arraycopy(v, 0, buf, pos, v.length);
            buf[pos + v.length] = 0;
            pos += v.length + 1;
            i++;
        }
        if (i == cursor && i < values.size()) {
            nwrittenOut[0] = latin1(values.get(i)).length + 1;
            return FastlyStatus.BUFLEN;
        }
        nwrittenOut[0] = pos;
        endingCursorOut[0] = i >= values.size() ? -1 : i;
        return FastlyStatus.OK;
    }
}
