package io.github.computejava.host;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.FramingHeadersMode;
import io.github.computejava.abi.HttpVersion;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.MessageHead;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostcalls that act alike on a request head, a response head and a body's trailers: header fields (names,
 * first value, all values, set, insert, append, remove), version and framing mode. Each is written once here;
 * {@link HttpReqHost}, {@link HttpRespHost} and {@link HttpBodyHost} look the handle up and pass what it holds, or
 * null when the handle is not of the kind the call takes, which answers {@code badf}.
 */
final class Heads {
    private Heads() {}

    /** The headers of {@code head}, or null when there is no head (a bad handle). */
    static HeaderList headers(MessageHead head) {
        return head == null ? null : head.headers();
    }

    // ---- header fields

    /** {@code header_names_get}: the distinct names, as a multi-value list. */
    static int namesGet(HeaderList headers, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwritten) {
        if (headers == null) {
            return FastlyStatus.BADF;
        }
        return Buffers.multi(headers.names(), buf, len, cursor, endingCursorOut, nwritten);
    }

    /** {@code header_value_get}: the first value of a header; {@code none} when absent. */
    static int valueGet(HeaderList headers, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
        if (headers == null) {
            return FastlyStatus.BADF;
        }
        String n = Buffers.latin1(name);
        if (!HeaderList.isValidName(n)) {
            return FastlyStatus.INVAL;
        }
        String v = headers.first(n);
        if (v == null) {
            return FastlyStatus.NONE;
        }
        return Buffers.single(Buffers.latin1(v), buf, len, nwrittenOut);
    }

    /** {@code header_values_get}: every value of a header, as a multi-value list. */
    static int valuesGet(
            HeaderList headers, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwritten) {
        if (headers == null) {
            return FastlyStatus.BADF;
        }
        String n = Buffers.latin1(name);
        if (!HeaderList.isValidName(n)) {
            return FastlyStatus.INVAL;
        }
        return Buffers.multi(headers.values(n), buf, len, cursor, endingCursorOut, nwritten);
    }

    /** {@code header_values_set}: replaces a header's values with the NUL-terminated values; none removes it. */
    static int valuesSet(HeaderList headers, byte[] name, byte[] values, int valuesLen) {
        if (headers == null) {
            return FastlyStatus.BADF;
        }
        String n = Buffers.latin1(name);
        if (!HeaderList.isValidName(n) || valuesLen < 0 || valuesLen > values.length) {
            return FastlyStatus.INVAL;
        }
        List<String> list = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < valuesLen; i++) {
            if (values[i] == 0) {
                list.add(Buffers.latin1(values, start, i - start));
                start = i + 1;
            }
        }
        if (start < valuesLen) {
            list.add(Buffers.latin1(values, start, valuesLen - start));
        }
        for (String v : list) {
            if (!HeaderList.isValidValue(v)) {
                return FastlyStatus.INVAL;
            }
        }
        if (list.isEmpty()) {
            headers.remove(n);
        } else {
            headers.set(n, list);
        }
        return FastlyStatus.OK;
    }

    /** {@code header_insert} (replacing every value) or {@code header_append} (adding one). */
    static int insert(HeaderList headers, byte[] name, byte[] value, boolean append) {
        if (headers == null) {
            return FastlyStatus.BADF;
        }
        String n = Buffers.latin1(name);
        String v = Buffers.latin1(value);
        if (!HeaderList.isValidName(n) || !HeaderList.isValidValue(v)) {
            return FastlyStatus.INVAL;
        }
        if (append) {
            headers.append(n, v);
        } else {
            headers.set(n, v);
        }
        return FastlyStatus.OK;
    }

    /** {@code header_remove}: {@code inval} when the header is absent. */
    static int remove(HeaderList headers, byte[] name) {
        if (headers == null) {
            return FastlyStatus.BADF;
        }
        String n = Buffers.latin1(name);
        if (!HeaderList.isValidName(n)) {
            return FastlyStatus.INVAL;
        }
        return headers.remove(n) ? FastlyStatus.OK : FastlyStatus.INVAL;
    }

    // ---- version and framing

    /** {@code version_get}. */
    static int versionGet(MessageHead head, int[] versionOut) {
        if (head == null) {
            return FastlyStatus.BADF;
        }
        versionOut[0] = head.version();
        return FastlyStatus.OK;
    }

    /** {@code version_set}: {@code inval} outside the {@code http_version} enum. */
    static int versionSet(MessageHead head, int version) {
        if (head == null) {
            return FastlyStatus.BADF;
        }
        if (version < HttpVersion.HTTP_09 || version > HttpVersion.H3) {
            return FastlyStatus.INVAL;
        }
        head.version(version);
        return FastlyStatus.OK;
    }

    /** {@code framing_headers_mode_set}: {@code inval} outside the {@code framing_headers_mode} enum. */
    static int framingModeSet(MessageHead head, int mode) {
        if (head == null) {
            return FastlyStatus.BADF;
        }
        if (mode != FramingHeadersMode.AUTOMATIC && mode != FramingHeadersMode.MANUALLY_FROM_HEADERS) {
            return FastlyStatus.INVAL;
        }
        head.framingMode(mode);
        return FastlyStatus.OK;
    }
}
