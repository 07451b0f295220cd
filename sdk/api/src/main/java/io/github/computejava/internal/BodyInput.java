package io.github.computejava.internal;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A body on the host read in chunks: nothing is buffered beyond the caller's array. A read waits while the host
 * is still receiving or writing the body; the end is a read of zero bytes, and every read after it is -1. Reading
 * after {@link #close()} is an {@link IOException}; closing twice does nothing, and a handle the host already
 * released (badf) is not an error. The bodies of requests and responses ({@code fsthttp}) and of cached objects
 * ({@code cache.core}) are all read through this class; a cached object's body differs only in its messages and
 * in what a writer abandoning it means (a nested subclass, so a program without the core cache does not carry
 * it).
 */
public class BodyInput extends InputStream {
    /** The chunk size of {@link #transferTo}. */
    public static final int CHUNK = 16 * 1024;

    private final Hostcalls calls;
    private final int handle;
    private final int[] nread = new int[1];
    private boolean eof;
    private boolean closed;

    private BodyInput(Hostcalls calls, int handle) {
        this.calls = calls;
        this.handle = handle;
    }

    /**
     * A request's or response's body. A body that ends early ({@code httpincomplete}) fails the read like any
     * other status.
     *
     * @param calls the host
     * @param handle the body handle
     * @return the stream, which owns the handle
     */
    public static BodyInput of(Hostcalls calls, int handle) {
        return new BodyInput(calls, handle);
    }

    /**
     * A request's or response's body on the running program's host, as {@link #of(Hostcalls, int)}.
     *
     * @param handle the body handle
     * @return the stream, which owns the handle
     */
    public static BodyInput of(int handle) {
        return new BodyInput(Host.calls(), handle);
    }

    /**
     * A cached object's body. A writer abandoning the object before it was complete ({@code httpincomplete}) is
     * an {@link IOException}, as a broken stream is.
     *
     * @param calls the host
     * @param handle the body handle ({@code fastly_cache.get_body})
     * @return the stream, which owns the handle
     */
    public static BodyInput ofCachedObject(Hostcalls calls, int handle) {
        return new CachedObjectBody(calls, handle);
    }

    /**
     * The body handle.
     *
     * @return the handle
     */
    public int handle() {
        return handle;
    }

    /**
     * True until closed or handed over: the host still holds the unread rest of the body.
     *
     * @return whether the stream is open
     */
    public boolean open() {
        return !closed;
    }

    /**
     * Hands the handle over to the host (for example to send it on); this stream is then closed.
     *
     * @return the handle
     */
    public int takeHandle() {
        closed = true;
        return handle;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + b.length);
        }
        if (closed) {
            throw new IOException(closedMessage());
        }
        if (len == 0) {
            return 0;
        }
        if (eof) {
            return -1;
        }
        int status = calls.httpBody().read(handle, b, off, len, nread);
        checkRead(status);
        if (nread[0] == 0) {
            eof = true;
            return -1;
        }
        return nread[0];
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        byte[] buf = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = read(buf, 0, buf.length)) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            int status = calls.httpBody().close(handle);
            if (status != FastlyStatus.OK && status != FastlyStatus.BADF) {
                throw Statuses.toException(status, "fastly_http_body.close");
            }
        }
    }

    /** The message of a read after close. */
    String closedMessage() {
        return "body is closed";
    }

    /** Throws unless a read succeeded. */
    void checkRead(int status) throws IOException {
        Statuses.check(status, "fastly_http_body.read");
    }

    /** A cached object's body: its messages name it, and a writer abandoning it breaks the stream. */
    private static final class CachedObjectBody extends BodyInput {
        CachedObjectBody(Hostcalls calls, int handle) {
            super(calls, handle);
        }

        @Override
        String closedMessage() {
            return "the cached body is closed";
        }

        @Override
        void checkRead(int status) throws IOException {
            if (status == FastlyStatus.HTTPINCOMPLETE) {
                throw new IOException("the cached object's writer abandoned it before it was complete");
            }
            super.checkRead(status);
        }
    }
}
