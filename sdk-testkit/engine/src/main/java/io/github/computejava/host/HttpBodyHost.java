package io.github.computejava.host;

import io.github.computejava.abi.FastlyHttpBody;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.http.BodyBuffer;
import java.io.IOException;

/**
 * {@code fastly_http_body}: bodies as pipes, read and written in either direction, with trailers. Trailers of a
 * body being read are known once it was read to its end; before that the trailer calls answer {@code again}.
 */
final class HttpBodyHost implements FastlyHttpBody {
    private final Sandbox sandbox;
    private final HandleTable handles;

    HttpBodyHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    @Override
    public int new_(int[] bodyOut) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        bodyOut[0] = handles.add(new BodyBuffer());
        return FastlyStatus.OK;
    }

    @Override
    public int read(int body, byte[] buf, int off, int len, int[] nreadOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null || b.isStreaming()) {
            return FastlyStatus.BADF;
        }
        try {
            int n = b.read(buf, off, len);
            nreadOut[0] = Math.max(n, 0);
            return FastlyStatus.OK;
        } catch (BodyBuffer.BodyAbandonedException e) {
            return FastlyStatus.HTTPINCOMPLETE;
        } catch (IOException e) {
            return FastlyStatus.ERROR;
        }
    }

    @Override
    public int write(int body, byte[] buf, int off, int len, int end, int[] nwrittenOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (end != END_BACK && end != END_FRONT) {
            return FastlyStatus.INVAL;
        }
        try {
            ByteBudget budget = sandbox.bodyBudget();
            if (b.write(buf, off, len, end == END_FRONT, budget) != null) {
                sandbox.refuse("a body write of " + len + " bytes was refused: the program holds "
                        + budget.used() + " bytes in bodies nobody has read, and the limit is "
                        + budget.capacity() + " (limits.buffered_body_mb)");
                return FastlyStatus.LIMITEXCEEDED;
            }
            nwrittenOut[0] = len;
            return FastlyStatus.OK;
        } catch (IllegalStateException e) {
            return FastlyStatus.BADF;
        } catch (IOException e) {
            return FastlyStatus.ERROR;
        }
    }

    @Override
    public int append(int dest, int src) {
        BodyBuffer d = handles.get(dest, BodyBuffer.class);
        BodyBuffer s = handles.get(src, BodyBuffer.class);
        if (d == null || s == null || dest == src) {
            return FastlyStatus.BADF;
        }
        try {
            d.append(s);
        } catch (IllegalStateException e) {
            return FastlyStatus.BADF;
        }
        handles.remove(src);
        return FastlyStatus.OK;
    }

    @Override
    public int close(int body) {
        BodyBuffer b = handles.take(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (b.isStreaming()) {
            b.close();
            sandbox.cacheHost().bodyEnded(b);
        } else {
            b.discard();
        }
        return FastlyStatus.OK;
    }

    @Override
    public int abandon(int body) {
        BodyBuffer b = handles.take(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        b.abandon();
        sandbox.cacheHost().bodyEnded(b);
        return FastlyStatus.OK;
    }

    @Override
    public int knownLength(int body, long[] lengthOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        long n = b.knownLength();
        if (n < 0) {
            return FastlyStatus.NONE;
        }
        lengthOut[0] = n;
        return FastlyStatus.OK;
    }

    /** {@code trailer_append}: adds a trailer field to a body the program writes. */
    @Override
    public int trailerAppend(int body, byte[] name, byte[] value) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        return Heads.insert(b == null ? null : b.trailers(), name, value, true);
    }

    /** {@code trailer_names_get}: the trailer names, as a multi-value list. */
    @Override
    public int trailerNamesGet(int body, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (!b.trailersReady()) {
            return FastlyStatus.AGAIN;
        }
        return Heads.namesGet(b.trailers(), buf, len, cursor, endingCursorOut, nwrittenOut);
    }

    /** {@code trailer_value_get}: the first value of a trailer; {@code none} when absent. */
    @Override
    public int trailerValueGet(int body, byte[] name, byte[] buf, int len, int[] nwrittenOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (!b.trailersReady()) {
            return FastlyStatus.AGAIN;
        }
        return Heads.valueGet(b.trailers(), name, buf, len, nwrittenOut);
    }

    /** {@code trailer_values_get}: every value of a trailer, as a multi-value list. */
    @Override
    public int trailerValuesGet(
            int body, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        BodyBuffer b = handles.get(body, BodyBuffer.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        if (!b.trailersReady()) {
            return FastlyStatus.AGAIN;
        }
        return Heads.valuesGet(b.trailers(), name, buf, len, cursor, endingCursorOut, nwrittenOut);
    }
}
