package io.github.computejava.host.cache;

import io.github.computejava.host.AsyncItem;
import io.github.computejava.host.http.BodyBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;

/**
 * The bytes of a cached object: appended by one writer, read by any number of readers at any position while
 * the writer is still going. Reads block until the bytes they want arrive, the writer finishes (end of body)
 * or abandons it (an error for every reader).
 */
final class ObjectBody {
    private static final int WRITING = 0;
    private static final int COMPLETE = 1;
    private static final int ABANDONED = 2;

    private final Object lock = new Object();
    private final ArrayList<byte[]> chunks = new ArrayList<>();
    private final ArrayList<Long> starts = new ArrayList<>();
    private final long declaredLength;
    private long size;
    private int state = WRITING;

    /** Bookkeeping of the store: how many stored objects share this body (guarded by the store's lock). */
    int storeRefs;

    ObjectBody(long declaredLength) {
        this.declaredLength = declaredLength;
    }

    /** A finished body holding {@code bytes}. */
    static ObjectBody of(byte[] bytes) {
        ObjectBody body = new ObjectBody(bytes.length);
        body.append(bytes, 0, bytes.length);
        body.finish();
        return body;
    }

    /**
     * Adds bytes at the end.
     *
     * @return false if the body is no longer being written, or the bytes overrun the declared length (which
     *     abandons the body)
     */
    boolean append(byte[] b, int off, int len) {
        synchronized (lock) {
            if (state != WRITING) {
                return false;
            }
            if (declaredLength >= 0 && size + len > declaredLength) {
                state = ABANDONED;
                lock.notifyAll();
                return false;
            }
            if (len > 0) {
                byte[] chunk = new byte[len];
                System.arraycopy(b, off, chunk, 0, len);
                starts.add(size);
                chunks.add(chunk);
                size += len;
                lock.notifyAll();
            }
            return true;
        }
    }

    /**
     * Ends the body.
     *
     * @return false if it was not being written, or is shorter than declared (which abandons it)
     */
    boolean finish() {
        synchronized (lock) {
            if (state != WRITING) {
                return false;
            }
            state = declaredLength >= 0 && size != declaredLength ? ABANDONED : COMPLETE;
            lock.notifyAll();
            return state == COMPLETE;
        }
    }

    /** Ends the body unsuccessfully: readers past the written bytes get an error. */
    void abandon() {
        synchronized (lock) {
            if (state == WRITING) {
                state = ABANDONED;
                lock.notifyAll();
            }
        }
    }

    boolean isWriting() {
        synchronized (lock) {
            return state == WRITING;
        }
    }

    boolean isAbandoned() {
        synchronized (lock) {
            return state == ABANDONED;
        }
    }

    /** Bytes written so far. */
    long size() {
        synchronized (lock) {
            return size;
        }
    }

    /** The length: final once complete, else as declared by the writer, else -1. */
    long length() {
        synchronized (lock) {
            return state == COMPLETE ? size : declaredLength;
        }
    }

    /**
     * Waits until the writer finishes.
     *
     * @return the final length
     * @throws BodyBuffer.BodyAbandonedException if the writer abandoned the body
     * @throws InterruptedIOException if interrupted
     */
    long awaitLength() throws IOException {
        synchronized (lock) {
            while (state == WRITING) {
                waitLocked();
            }
            if (state == ABANDONED) {
                throw new BodyBuffer.BodyAbandonedException();
            }
            return size;
        }
    }

    /**
     * Reads bytes at {@code pos}, blocking until at least one is there or the body ends.
     *
     * @return the count read, or -1 when the body ends at or before {@code pos}
     */
    int read(long pos, byte[] dst, int off, int len) throws IOException {
        synchronized (lock) {
            while (pos >= size) {
                if (state == COMPLETE) {
                    return -1;
                }
                if (state == ABANDONED) {
                    throw new BodyBuffer.BodyAbandonedException();
                }
                waitLocked();
            }
            int i = chunkAt(pos);
            byte[] chunk = chunks.get(i);
            int at = (int) (pos - starts.get(i));
            int n = Math.min(len, chunk.length - at);
            System.arraycopy(chunk, at, dst, off, n);
            return n;
        }
    }

    /** How many bytes at {@code pos} a read returns without waiting; -1 when a read there would not wait for bytes. */
    private long readableAt(long pos) {
        synchronized (lock) {
            if (pos < size) {
                return size - pos;
            }
            return state == WRITING ? 0 : -1;
        }
    }

    /**
     * A stream of bytes {@code [from, to)}; {@code to < 0} reads to the end. It is an {@link AsyncItem}, so a body
     * reading it tells {@code fastly_async_io} when a read would not wait (bytes there, or the end).
     */
    InputStream reader(long from, long to) {
        return new Reader(from, to);
    }

    private int chunkAt(long pos) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private void waitLocked() throws InterruptedIOException {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for cached bytes");
        }
    }

    private final class Reader extends InputStream implements AsyncItem {
        private long pos;
        private final long end;

        Reader(long from, long to) {
            this.pos = from;
            this.end = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (end >= 0) {
                if (pos >= end) {
                    return -1;
                }
                len = (int) Math.min(len, end - pos);
            }
            int n = ObjectBody.this.read(pos, b, off, len);
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        @Override
        public int available() {
            long n = end >= 0 && pos >= end ? 0 : readableAt(pos);
            if (end >= 0) {
                n = Math.min(n, end - pos);
            }
            return (int) Math.max(0, Math.min(n, Integer.MAX_VALUE));
        }

        @Override
        public boolean isReady() {
            return (end >= 0 && pos >= end) || readableAt(pos) != 0;
        }
    }
}
