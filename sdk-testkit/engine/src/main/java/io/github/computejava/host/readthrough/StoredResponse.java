package io.github.computejava.host.readthrough;

import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.ResponseHead;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What the readthrough cache keeps with an object besides its body, in the object's user metadata: the response
 * head (status and headers) and the stale-if-error period, or the mark of a hit-for-pass object (a resource
 * recorded as uncacheable, whose lookups go straight to the backend). The encoding is private to this class.
 */
public final class StoredResponse {
    private static final int VERSION = 1;
    private static final int KIND_RESPONSE = 0;
    private static final int KIND_HIT_FOR_PASS = 1;

    private final boolean hitForPass;
    private final ResponseHead head;
    private final long staleIfErrorNanos;

    private StoredResponse(boolean hitForPass, ResponseHead head, long staleIfErrorNanos) {
        this.hitForPass = hitForPass;
        this.head = head;
        this.staleIfErrorNanos = staleIfErrorNanos;
    }

    /**
     * A stored response.
     *
     * @param head its status and headers (copied)
     * @param staleIfErrorNanos its stale-if-error period
     * @return the metadata
     * @throws NullPointerException if {@code head} is null
     * @throws IllegalArgumentException if {@code staleIfErrorNanos} is negative
     */
    public static StoredResponse of(ResponseHead head, long staleIfErrorNanos) {
        Objects.requireNonNull(head, "head");
        if (staleIfErrorNanos < 0) {
            throw new IllegalArgumentException("staleIfErrorNanos: negative");
        }
        return new StoredResponse(false, head.copy(), staleIfErrorNanos);
    }

    /**
     * The mark of a hit-for-pass object.
     *
     * @return the metadata
     */
    public static StoredResponse hitForPass() {
        return new StoredResponse(true, null, 0);
    }

    /**
     * Whether this marks a hit-for-pass object.
     *
     * @return true for hit-for-pass
     */
    public boolean isHitForPass() {
        return hitForPass;
    }

    /**
     * A copy of the stored response head.
     *
     * @return the head
     * @throws IllegalStateException for a hit-for-pass mark
     */
    public ResponseHead head() {
        if (hitForPass) {
            throw new IllegalStateException("a hit-for-pass object has no response");
        }
        return head.copy();
    }

    /**
     * The stale-if-error period.
     *
     * @return nanoseconds
     */
    public long staleIfErrorNanos() {
        return staleIfErrorNanos;
    }

    /**
     * The encoded metadata.
     *
     * @return bytes for the object's user metadata
     */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(VERSION);
        out.write(hitForPass ? KIND_HIT_FOR_PASS : KIND_RESPONSE);
        if (!hitForPass) {
            writeInt(out, head.status());
            writeInt(out, head.version());
            writeLong(out, staleIfErrorNanos);
            writeInt(out, head.headers().size());
            for (String[] f : head.headers().fields()) {
                writeString(out, f[0]);
                writeString(out, f[1]);
            }
        }
        return out.toByteArray();
    }

    /**
     * Decodes metadata written by {@link #encode()}.
     *
     * @param bytes the user metadata of a readthrough object
     * @return the metadata, or empty when the bytes are not readthrough metadata
     */
    public static Optional<StoredResponse> decode(byte[] bytes) {
        try {
            Reader in = new Reader(bytes);
            if (in.u8() != VERSION) {
                return Optional.empty();
            }
            int kind = in.u8();
            if (kind == KIND_HIT_FOR_PASS) {
                return Optional.of(hitForPass());
            }
            if (kind != KIND_RESPONSE) {
                return Optional.empty();
            }
            ResponseHead head = new ResponseHead(in.i32(), new HeaderList());
            head.version(in.i32());
            long sie = in.i64();
            int count = in.i32();
            for (int i = 0; i < count; i++) {
                head.headers().append(in.string(), in.string());
            }
            return Optional.of(new StoredResponse(false, head, sie));
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        writeInt(out, (int) (v >>> 32));
        writeInt(out, (int) v);
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        writeInt(out, b.length);
        out.write(b, 0, b.length);
    }

    private static final class Reader {
        private final byte[] b;
        private int at;

        Reader(byte[] b) {
            this.b = b;
        }

        int u8() {
            if (at >= b.length) {
                throw new IndexOutOfBoundsException("end of metadata");
            }
            return b[at++] & 0xFF;
        }

        int i32() {
            return u8() << 24 | u8() << 16 | u8() << 8 | u8();
        }

        long i64() {
            return (long) i32() << 32 | i32() & 0xFFFFFFFFL;
        }

        String string() {
            int n = i32();
            if (n < 0 || n > b.length - at) {
                throw new IndexOutOfBoundsException("string of " + n + " bytes");
            }
            String s = new String(b, at, n, StandardCharsets.ISO_8859_1);
            at += n;
            return s;
        }
    }
}
