package io.github.computejava.fsthttp;

import io.github.computejava.internal.FastlyStatus;
import io.github.computejava.internal.Hostcalls;
import io.github.computejava.internal.Statuses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A body on the host read in chunks: nothing is buffered beyond the caller's array. */
final class BodyInput extends InputStream {
    static final int CHUNK = 16 * 1024;

    private final Hostcalls calls;
    private final int handle;
    private final int[] nread = new int[1];
    private boolean eof;
    private boolean closed;

    BodyInput(Hostcalls calls, int handle) {
        this.calls = calls;
        this.handle = handle;
    }

    int handle() {
        return handle;
    }

    /** True until closed or handed over: the host still holds the unread rest of the body. */
    boolean open() {
        return !closed;
    }

    /** Hands the handle over to the host (for example to send it on); this stream is then closed. */
    int takeHandle() {
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
            throw new IOException("body is closed");
        }
        if (len == 0) {
            return 0;
        }
        if (eof) {
            return -1;
        }
        int status = calls.bodyRead(handle, b, off, len, nread);
        Statuses.check(status, "fastly_http_body.read");
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
            int status = calls.bodyClose(handle);
            if (status != FastlyStatus.OK && status != FastlyStatus.BADF) {
                throw Statuses.toException(status, "fastly_http_body.close");
            }
        }
    }
}
