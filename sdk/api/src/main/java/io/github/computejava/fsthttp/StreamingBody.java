package io.github.computejava.fsthttp;

import io.github.computejava.internal.guest.HttpBodyGuest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The body of a request sent with {@link Request#sendAsyncStreaming(String)}, written while the host sends it: the
 * backend receives each chunk as it is written, so a body of any size passes through in bounded memory (a write
 * waits while the backend is behind). {@link #close()} ends the body; then take the response from {@link
 * #pending()}.
 *
 * <pre>{@code
 * StreamingBody upload = Request.of("PUT", "https://store.example/big").sendAsyncStreaming("store");
 * request.body().transferTo(upload);  // or write chunks the program makes
 * upload.close();
 * try (Response r = upload.pending().await()) { ... }
 * }</pre>
 *
 * <p>Writes are buffered up to {@value #BUFFER} bytes; {@link #flush()} hands what is buffered to the host.
 */
public final class StreamingBody extends OutputStream {
    /** The bytes buffered before they go to the host. */
    public static final int BUFFER = 16 * 1024;

    private final int handle;
    private final PendingRequest pending;
    private final byte[] buffer = new byte[BUFFER];
    private int count;
    private boolean closed;

    StreamingBody(int handle, PendingRequest pending) {
        this.handle = handle;
        this.pending = pending;
    }

    /**
     * The request being sent; its response arrives once the backend answers (often after the body ends).
     *
     * @return the pending request
     */
    public PendingRequest pending() {
        return pending;
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        if (count == buffer.length) {
            flushBuffer();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        checkOpen();
        if (len >= buffer.length) {
            flushBuffer();
            HttpBodyGuest.writeAll(handle, b, off, len);
            return;
        }
        if (len > buffer.length - count) {
            flushBuffer();
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    /** Hands the buffered bytes to the host. */
    @Override
    public void flush() throws IOException {
        checkOpen();
        flushBuffer();
    }

    /** Ends the body: the backend sees its end. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        flushBuffer();
        closed = true;
        HttpBodyGuest.close(handle);
    }

    /**
     * Ends the body as broken: the backend sees an incomplete request, and the send usually fails. Does nothing
     * once closed.
     */
    public void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        HttpBodyGuest.abandon(handle);
    }

    private void flushBuffer() {
        if (count > 0) {
            HttpBodyGuest.writeAll(handle, buffer, 0, count);
            count = 0;
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the streaming request body is closed");
        }
    }
}
