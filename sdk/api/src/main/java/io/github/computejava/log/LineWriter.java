package io.github.computejava.log;

import io.github.computejava.ComputeException;
import java.io.IOException;
import java.io.Writer;

/**
 * {@link LogEndpoint#writer()}: buffers the current line and logs it at its newline, or when flushed. Like the
 * SDK's other streams it takes no lock: one request's program runs on one thread.
 */
final class LineWriter extends Writer {
    private final LogEndpoint endpoint;
    private final StringBuilder line = new StringBuilder();
    private boolean closed;

    LineWriter(LogEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > cbuf.length - off) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + cbuf.length);
        }
        checkOpen();
        for (int i = off, end = off + len; i < end; i++) {
            put(cbuf[i]);
        }
    }

    // Writer's own write(String, int, int) and write(int) lock; these do not, so no monitor code is linked
    @Override
    public void write(String str, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > str.length() - off) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + str.length());
        }
        checkOpen();
        for (int i = off, end = off + len; i < end; i++) {
            put(str.charAt(i));
        }
    }

    @Override
    public void write(int c) throws IOException {
        checkOpen();
        put((char) c);
    }

    private void put(char c) throws IOException {
        if (c != '\n') {
            line.append(c);
            return;
        }
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
        }
        emit();
    }

    @Override
    public void flush() throws IOException {
        checkOpen();
        if (line.length() > 0) {
            emit();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
        }
    }

    private void emit() throws IOException {
        String text = line.toString();
        line.setLength(0);
        try {
            endpoint.log(text);
        } catch (ComputeException e) {
            throw new IOException("logging to " + endpoint.name() + " failed: " + e.getMessage(), e);
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the log writer of " + endpoint.name() + " is closed");
        }
    }
}
