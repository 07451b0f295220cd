package io.github.computejava.host.http;

import io.github.computejava.host.AsyncItem;
import io.github.computejava.host.ByteBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * A body on the host: a pipe of byte chunks and appended sources (another body, or a stream from a peer),
 * written by one party and read by another, possibly at the same time.
 *
 * <p>A body the program owns reads to its end when nothing is queued: the program is its only writer. Once
 * handed to a consumer that streams it ({@link #startStreaming()}), reads block until bytes arrive, the writer
 * closes the body (end of body) or abandons it (an error for the reader), and writers wait when more than
 * {@link #STREAMING_LIMIT} bytes are queued, so a slow client slows the program instead of filling memory.
 */
public final class BodyBuffer implements AsyncItem {
    /** Bytes queued ahead of a streaming consumer before writers wait. */
    public static final int STREAMING_LIMIT = 4 * 1024 * 1024;

    private final Object lock = new Object();
    private final ArrayDeque<Object> segments = new ArrayDeque<>();
    private int headOffset;
    private long queuedBytes;
    private boolean complete;
    private boolean abandoned;
    private boolean streaming;
    private boolean incoming;
    private long knownLength = -1;
    private long bytesRead;
    private HeaderList trailers;
    // the program's bytes queued here, drawn from its instance's budget and given back as they are read
    private ByteBudget budget;
    private long budgeted;

    /** An empty, open body. */
    public BodyBuffer() {}

    /** A body holding {@code bytes}. */
    public static BodyBuffer of(byte[] bytes) {
        BodyBuffer b = new BodyBuffer();
        if (bytes.length > 0) {
            b.segments.add(bytes);
            b.queuedBytes = bytes.length;
        }
        return b;
    }

    /**
     * A body whose bytes come from {@code source} as they are read.
     *
     * @param knownLength the length the peer announced, or -1
     */
    public static BodyBuffer fromStream(InputStream source, long knownLength) {
        BodyBuffer b = new BodyBuffer();
        b.segments.add(source);
        b.knownLength = knownLength;
        return b;
    }

    /**
     * A body a peer is still delivering (a client's request body, an origin's response body): the host writes it
     * with {@link #produce} and closes it at its end; the program reads it, blocking until bytes arrive.
     *
     * @param knownLength the length the peer announced, or -1
     */
    public static BodyBuffer incoming(long knownLength) {
        BodyBuffer b = new BodyBuffer();
        b.incoming = true;
        b.knownLength = knownLength;
        return b;
    }

    /**
     * A body the program owns whose bytes come from {@code source} (typically an {@link #incoming} body) before
     * anything the program adds; its known length is the source's while nothing has been read or added.
     */
    public static BodyBuffer readingFrom(BodyBuffer source) {
        BodyBuffer b = new BodyBuffer();
        b.segments.add(source);
        return b;
    }

    /**
     * Appends bytes a peer delivered to an {@link #incoming} body, waiting while more than {@link
     * #STREAMING_LIMIT} bytes are queued.
     *
     * @throws IllegalStateException if the body was closed, abandoned or discarded
     * @throws InterruptedIOException if interrupted while waiting
     */
    public void produce(byte[] b, int off, int len) throws IOException {
        writeChunk(b, off, len, false, true);
    }

    /** Appends bytes ({@code front} puts them before everything queued). */
    public void write(byte[] b, int off, int len, boolean front) throws IOException {
        writeChunk(b, off, len, front, false);
    }

    /**
     * Appends bytes a program wrote, drawing them from {@code budget} until they are read or discarded.
     *
     * @return null when written, else the budget that refused them (nothing is written then)
     */
    public ByteBudget write(byte[] b, int off, int len, boolean front, ByteBudget budget) throws IOException {
        ByteBudget refused = budget.reserve(len);
        if (refused != null) {
            return refused;
        }
        synchronized (lock) {
            if (this.budget != null && this.budget != budget) {
                budget.release(len);
                writeChunk(b, off, len, front, false);
                return null;
            }
            this.budget = budget;
            budgeted += len;
        }
        try {
            writeChunk(b, off, len, front, false);
        } catch (IOException | RuntimeException e) {
            giveBack(len);
            throw e;
        }
        return null;
    }

    /** Returns up to {@code n} budgeted bytes (they were read or dropped). */
    private void giveBack(long n) {
        ByteBudget b;
        long back;
        synchronized (lock) {
            back = Math.min(n, budgeted);
            budgeted -= back;
            b = budget;
        }
        if (b != null && back > 0) {
            b.release(back);
        }
    }

    private void writeChunk(byte[] b, int off, int len, boolean front, boolean fromPeer) throws IOException {
        byte[] chunk = new byte[len];
        System.arraycopy(b, off, chunk, 0, len);
        synchronized (lock) {
            while ((streaming || incoming) && queuedBytes > STREAMING_LIMIT && !complete && !abandoned) {
                waitLocked();
            }
            if (complete || abandoned) {
                throw new IllegalStateException("body is closed");
            }
            if (len == 0) {
                return;
            }
            if (!fromPeer) {
                knownLength = -1;
            }
            if (front) {
                if (headOffset > 0 && segments.peekFirst() instanceof byte[]) {
                    byte[] head = (byte[]) segments.pollFirst();
                    byte[] rest = new byte[head.length - headOffset];
                    System.arraycopy(head, headOffset, rest, 0, rest.length);
                    segments.addFirst(rest);
                    headOffset = 0;
                }
                segments.addFirst(chunk);
            } else {
                segments.addLast(chunk);
            }
            queuedBytes += len;
            lock.notifyAll();
        }
    }

    /** Appends everything {@code source} will yield. */
    public void append(BodyBuffer source) {
        synchronized (lock) {
            if (complete || abandoned) {
                throw new IllegalStateException("body is closed");
            }
            knownLength = -1;
            segments.addLast(source);
            lock.notifyAll();
        }
    }

    /** Ends the body: readers see end-of-body after the queued bytes. */
    public void close() {
        synchronized (lock) {
            complete = true;
            lock.notifyAll();
        }
    }

    /** Ends the body unsuccessfully: readers get an error once the queued bytes run out. */
    public void abandon() {
        synchronized (lock) {
            abandoned = true;
            lock.notifyAll();
        }
    }

    /** Marks the body as consumed by a streaming reader, which turns on writer backpressure. */
    public void startStreaming() {
        synchronized (lock) {
            streaming = true;
        }
    }

    public boolean isStreaming() {
        synchronized (lock) {
            return streaming;
        }
    }

    /** Whether a peer is delivering this body (see {@link #incoming}). */
    public boolean isIncoming() {
        synchronized (lock) {
            return incoming;
        }
    }

    /**
     * Whether a read would return at once: bytes are queued, or the body has ended (or failed). A body the
     * program owns is always ready; an appended stream counts as ready when it reports available bytes.
     */
    public boolean isReadable() {
        Object head;
        synchronized (lock) {
            if (segments.isEmpty()) {
                return complete || abandoned || !(streaming || incoming);
            }
            head = segments.peekFirst();
            if (head instanceof byte[]) {
                return true;
            }
        }
        if (head instanceof BodyBuffer) {
            return ((BodyBuffer) head).isReadable();
        }
        if (head instanceof AsyncItem) {
            // a stream that knows when a read would not wait, also at its end (a cached object's body)
            return ((AsyncItem) head).isReady();
        }
        try {
            return ((InputStream) head).available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** For {@code fastly_async_io}: a body the program streams out is ready when writable, any other when readable. */
    @Override
    public boolean isReady() {
        return isStreaming() ? isWritable() : isReadable();
    }

    /** Whether a writer would not wait for the reader: fewer than {@link #STREAMING_LIMIT} bytes are queued. */
    public boolean isWritable() {
        synchronized (lock) {
            return queuedBytes <= STREAMING_LIMIT || complete || abandoned;
        }
    }

    /**
     * The trailer fields of this body: those a program appended before sending it, or those a peer sent after its
     * last byte (set before the body is closed).
     */
    public HeaderList trailers() {
        synchronized (lock) {
            if (trailers == null) {
                trailers = new HeaderList();
            }
            return trailers;
        }
    }

    /** Whether the trailers are final: the body ended and was read to its end. */
    public boolean trailersReady() {
        synchronized (lock) {
            return segments.isEmpty() && (complete || !(streaming || incoming));
        }
    }

    public boolean isComplete() {
        synchronized (lock) {
            return complete;
        }
    }

    public boolean isAbandoned() {
        synchronized (lock) {
            return abandoned;
        }
    }

    /** Bytes handed out by {@link #read} so far. */
    public long bytesRead() {
        synchronized (lock) {
            return bytesRead;
        }
    }

    /**
     * The total length when it is certain: a complete body of plain bytes, or a peer's announced length not yet
     * read from.
     *
     * @return the length, or -1 when unknown
     */
    public long knownLength() {
        synchronized (lock) {
            if (incoming && knownLength >= 0 && bytesRead == 0) {
                return knownLength;
            }
            if (segments.size() == 1 && bytesRead == 0 && segments.peekFirst() instanceof BodyBuffer) {
                return ((BodyBuffer) segments.peekFirst()).knownLength();
            }
            if ((streaming || incoming) && !complete) {
                return -1;
            }
            if (knownLength >= 0 && bytesRead == 0 && segments.size() == 1) {
                return knownLength;
            }
            long total = -headOffset;
            for (Object s : segments) {
                if (!(s instanceof byte[])) {
                    return -1;
                }
                total += ((byte[]) s).length;
            }
            return total;
        }
    }

    /**
     * Reads up to {@code len} bytes, blocking until at least one is available.
     *
     * @return the count read, or -1 at the end of the body
     * @throws BodyAbandonedException if the writer abandoned the body
     * @throws IOException if an appended source fails
     */
    public int read(byte[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            Object head;
            synchronized (lock) {
                while (segments.isEmpty()) {
                    if (abandoned) {
                        throw new BodyAbandonedException();
                    }
                    if (complete || !(streaming || incoming)) {
                        return -1;
                    }
                    waitLocked();
                }
                head = segments.peekFirst();
                if (head instanceof byte[]) {
                    byte[] chunk = (byte[]) head;
                    int n = Math.min(len, chunk.length - headOffset);
                    System.arraycopy(chunk, headOffset, dst, off, n);
                    headOffset += n;
                    if (headOffset == chunk.length) {
                        segments.pollFirst();
                        headOffset = 0;
                    }
                    queuedBytes -= n;
                    bytesRead += n;
                    lock.notifyAll();
                    if (budgeted > 0) {
                        long back = Math.min(n, budgeted);
                        budgeted -= back;
                        budget.release(back);
                    }
                    return n;
                }
            }
            // a source: read outside the lock so writers are not blocked by a slow peer
            int n = head instanceof BodyBuffer
                    ? ((BodyBuffer) head).read(dst, off, len)
                    : ((InputStream) head).read(dst, off, len);
            synchronized (lock) {
                if (n < 0) {
                    if (segments.peekFirst() == head) {
                        segments.pollFirst();
                    }
                    if (head instanceof BodyBuffer) {
                        // trailers travel with the bytes they follow
                        HeaderList sourceTrailers = ((BodyBuffer) head).trailers;
                        if (sourceTrailers != null && !sourceTrailers.isEmpty()) {
                            if (trailers == null) {
                                trailers = new HeaderList();
                            }
                            for (String[] f : sourceTrailers.fields()) {
                                trailers.append(f[0], f[1]);
                            }
                        }
                    }
                    if (head instanceof InputStream) {
                        closeQuietly((InputStream) head);
                    }
                    continue;
                }
                bytesRead += n;
                return n;
            }
        }
    }

    /** Reads everything to the end of the body. */
    public byte[] readAll() throws IOException {
        return readAll(-1);
    }

    /**
     * Reads everything to the end of the body, which is expected to hold {@code expected} bytes (-1 when unknown): the
     * bytes are read straight into an array of that size, whatever the body turns out to hold.
     */
    public byte[] readAll(long expected) throws IOException {
        byte[] first = new byte[expected >= 0 && expected <= (1 << 20) ? (int) expected : 16384];
        int at = 0;
        int n;
        while (at < first.length && (n = read(first, at, first.length - at)) >= 0) {
            at += n;
        }
        if (at < first.length) {
            // ended early
            return java.util.Arrays.copyOf(first, at);
        }
        byte[] buf = new byte[16384];
        n = read(buf, 0, buf.length);
        if (n < 0) {
            return first;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(first.length + n);
        out.write(first, 0, first.length);
        do {
            out.write(buf, 0, n);
        } while ((n = read(buf, 0, buf.length)) >= 0);
        return out.toByteArray();
    }

    /** Drops all queued bytes and closes appended streams; the body reads as ended. */
    public void discard() {
        synchronized (lock) {
            for (Object s : segments) {
                if (s instanceof InputStream) {
                    closeQuietly((InputStream) s);
                } else if (s instanceof BodyBuffer) {
                    ((BodyBuffer) s).discard();
                }
            }
            segments.clear();
            headOffset = 0;
            queuedBytes = 0;
            complete = true;
            if (budgeted > 0) {
                budget.release(budgeted);
                budgeted = 0;
            }
            lock.notifyAll();
        }
    }

    /** This body as an InputStream (reads block as {@link #read} does). */
    public InputStream asInputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = BodyBuffer.this.read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return BodyBuffer.this.read(b, off, len);
            }

            @Override
            public void close() {
                discard();
            }
        };
    }

    private void waitLocked() throws InterruptedIOException {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for body data");
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the stream is finished either way
        }
    }

    /** The writer abandoned the body before finishing it. */
    public static final class BodyAbandonedException extends IOException {
        private static final long serialVersionUID = 1L;

        public BodyAbandonedException() {
            super("the body was abandoned before it was complete");
        }
    }
}
