package io.github.computejava.cache.core;

import io.github.computejava.internal.guest.CacheGuest;
import java.io.OutputStream;

/**
 * Writes an object's body into the cache. The object is visible as soon as the write begins: concurrent
 * readers stream the bytes as they arrive. {@link #close()} completes the object; {@link #abandon()} gives it
 * up (readers see an error, later lookups miss). Small writes are gathered before they go to the host.
 */
public final class CacheWriter extends OutputStream {
    private static final int BUFFER = 8 * 1024;

    private final CacheGuest.BodyWriter body;
    private final byte[] buffer = new byte[BUFFER];
    private int buffered;
    private boolean closed;

    CacheWriter(CacheGuest.BodyWriter body) {
        this.body = body;
    }

    /**
     * Writes one byte.
     *
     * @param b the byte
     * @throws IllegalStateException if the writer was closed or abandoned
     * @throws io.github.computejava.HostcallException if the host fails the write
     */
    @Override
    public void write(int b) {
        checkOpen();
        if (buffered == BUFFER) {
            flushBuffer();
        }
        buffer[buffered++] = (byte) b;
    }

    /**
     * Writes bytes.
     *
     * @param b the bytes
     * @param off where they start
     * @param len how many
     * @throws IllegalStateException if the writer was closed or abandoned
     * @throws IndexOutOfBoundsException if the range is outside {@code b}
     * @throws io.github.computejava.HostcallException if the host fails the write
     */
    @Override
    public void write(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + b.length);
        }
        checkOpen();
        if (len >= BUFFER) {
            flushBuffer();
            writeAll(b, off, len);
            return;
        }
        if (buffered + len > BUFFER) {
            flushBuffer();
        }
        System.arraycopy(b, off, buffer, buffered, len);
        buffered += len;
    }

    /**
     * Sends gathered bytes to the host, so readers see them.
     *
     * @throws IllegalStateException if the writer was closed or abandoned
     * @throws io.github.computejava.HostcallException if the host fails the write
     */
    @Override
    public void flush() {
        checkOpen();
        flushBuffer();
    }

    /**
     * Completes the object. Idempotent.
     *
     * @throws io.github.computejava.HostcallException if the host fails to complete it
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flushBuffer();
        } finally {
            closed = true;
        }
        body.close();
    }

    /**
     * Gives the object up: readers waiting for its bytes get an error and later lookups miss it. Does nothing
     * after {@link #close()}.
     *
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        body.abandon();
    }

    private void flushBuffer() {
        if (buffered > 0) {
            int n = buffered;
            buffered = 0;
            writeAll(buffer, 0, n);
        }
    }

    private void writeAll(byte[] b, int off, int len) {
        body.write(b, off, len);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the cache writer is closed");
        }
    }
}
