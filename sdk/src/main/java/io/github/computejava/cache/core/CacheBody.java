package io.github.computejava.cache.core;

import io.github.computejava.internal.FastlyStatus;
import io.github.computejava.internal.Hostcalls;
import io.github.computejava.internal.Statuses;
import java.io.IOException;
import java.io.InputStream;

/** A cached object's body read from the host in chunks; reads wait while the object is still being written. */
final class CacheBody extends InputStream {
    private final Hostcalls calls;
    private final int handle;
    private final int[] nread = new int[1];
    private boolean eof;
    private boolean closed;

    CacheBody(Hostcalls calls, int handle) {
        this.calls = calls;
        this.handle = handle;
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
            throw new IOException("the cached body is closed");
        }
        if (len == 0) {
            return 0;
        }
        if (eof) {
            return -1;
        }
        int status = calls.bodyRead(handle, b, off, len, nread);
        if (status == FastlyStatus.HTTPINCOMPLETE) {
            throw new IOException("the cached object's writer abandoned it before it was complete");
        }
        Statuses.check(status, "fastly_http_body.read");
        if (nread[0] == 0) {
            eof = true;
            return -1;
        }
        return nread[0];
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
