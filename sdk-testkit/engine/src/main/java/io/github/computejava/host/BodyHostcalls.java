package io.github.computejava.host;

import io.github.computejava.abi.FastlyStatus;

/**
 * The {@code fastly_http_body} hostcalls of a sandbox beyond {@link io.github.computejava.abi.Hostcalls}:
 * trailers. Trailers of a body being read are known once it was read to its end; before that the calls answer
 * {@code again}. Methods follow the conventions of {@code Hostcalls}.
 */
public final class BodyHostcalls {
    private final HandleTable handles;

    BodyHostcalls(Sandbox sandbox) {
        this.handles = sandbox.handles();
    }

    /** {@code trailer_append}: adds a trailer field to a body the program writes. */
    public int trailerAppend(int body, byte[] name, byte[] value) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        return HeadCalls.insert(b == null ? null : b.trailers(), name, value, true);
    }

    /** {@code trailer_names_get}: the trailer names, as a multi-value list. */
    public int trailerNamesGet(int body, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (!b.trailersReady()) {
            return FastlyStatus.AGAIN;
        }
        return HeadCalls.namesGet(b.trailers(), buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    /** {@code trailer_value_get}: the first value of a trailer; {@code none} when absent. */
    public int trailerValueGet(int body, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (!b.trailersReady()) {
            return FastlyStatus.AGAIN;
        }
        return HeadCalls.valueGet(b.trailers(), name, buf, len, nwrittenOut);
    }

    /** {@code trailer_values_get}: every value of a trailer, as a multi-value list. */
    public int trailerValuesGet(
            int body, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (!b.trailersReady()) {
            return FastlyStatus.AGAIN;
        }
        return HeadCalls.valuesGet(b.trailers(), name, buf, len, cursor, endingCursorOut, nwrittenOut);
    }
}
