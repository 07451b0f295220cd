package io.github.computejava.cache.core;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Statuses;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * An object found in the cache: its metadata, read from the host when asked, and its body. The body may still
 * be arriving (another client is writing it); reads then wait for the bytes.
 *
 * <p>Only one body stream of a {@code Found} may be open at a time: close it before asking for another. A
 * {@code Found} from {@link CoreCache#lookup} or {@link StreamingInsert#found()} owns its cache handle and
 * releases it on {@link #close()}; one from {@link Transaction#found()} or {@link Replace#existing()} belongs to
 * its transaction or replace.
 */
public final class Found implements AutoCloseable {
    private static final int METADATA_BUFFER = 256;
    private static final byte[] NO_RANGE = new byte[16];
    private static final int BODY_FROM = 1 << 1;
    private static final int BODY_TO = 1 << 2;

    private final Hostcalls calls;
    private final int handle;
    private final boolean ownsHandle;
    // the object a replace is replacing: read through the replace_get_* hostcalls
    private final boolean replaced;
    private boolean closed;

    Found(Hostcalls calls, int handle, boolean ownsHandle) {
        this(calls, handle, ownsHandle, false);
    }

    Found(Hostcalls calls, int handle, boolean ownsHandle, boolean replaced) {
        this.calls = calls;
        this.handle = handle;
        this.ownsHandle = ownsHandle;
        this.replaced = replaced;
    }

    /**
     * The TTL the object was written with (its max age).
     *
     * @return the TTL
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Duration ttl() {
        return Duration.ofNanos(
                replaced
                        ? u64(o -> calls.cacheReplaceGetMaxAgeNs(handle, o), "fastly_cache.replace_get_max_age_ns")
                        : u64(o -> calls.cacheGetMaxAgeNs(handle, o), "fastly_cache.get_max_age_ns"));
    }

    /**
     * The object's age: its initial age plus the time since it was stored.
     *
     * @return the age
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Duration age() {
        return Duration.ofNanos(
                replaced
                        ? u64(o -> calls.cacheReplaceGetAgeNs(handle, o), "fastly_cache.replace_get_age_ns")
                        : u64(o -> calls.cacheGetAgeNs(handle, o), "fastly_cache.get_age_ns"));
    }

    /**
     * How long the object stays fresh from now: its TTL minus its age, or zero when stale.
     *
     * @return the remaining freshness
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails a call
     */
    public Duration remainingTtl() {
        Duration left = ttl().minus(age());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * The stale-while-revalidate period it was written with.
     *
     * @return the period
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Duration staleWhileRevalidate() {
        return Duration.ofNanos(
                replaced
                        ? u64(
                                o -> calls.cacheReplaceGetStaleWhileRevalidateNs(handle, o),
                                "fastly_cache.replace_get_stale_while_revalidate_ns")
                        : u64(
                                o -> calls.cacheGetStaleWhileRevalidateNs(handle, o),
                                "fastly_cache.get_stale_while_revalidate_ns"));
    }

    /**
     * The body's length: final once written, else as announced by its writer.
     *
     * @return the length, or empty while unknown
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public OptionalLong length() {
        checkOpen();
        long[] out = new long[1];
        int status = replaced ? calls.cacheReplaceGetLength(handle, out) : calls.cacheGetLength(handle, out);
        if (status == FastlyStatus.NONE) {
            return OptionalLong.empty();
        }
        Statuses.check(status, replaced ? "fastly_cache.replace_get_length" : "fastly_cache.get_length");
        return OptionalLong.of(out[0]);
    }

    /**
     * How many lookups have found this object, this one included.
     *
     * @return the hit count
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public long hits() {
        return replaced
                ? u64(o -> calls.cacheReplaceGetHits(handle, o), "fastly_cache.replace_get_hits")
                : u64(o -> calls.cacheGetHits(handle, o), "fastly_cache.get_hits");
    }

    /**
     * Whether the object is past its TTL (served within its stale-while-revalidate period).
     *
     * @return true when stale
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean isStale() {
        return (state() & Abi.STALE) != 0;
    }

    /**
     * Whether the object may be used: fresh, or stale within its stale-while-revalidate period.
     *
     * @return true when usable
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean isUsable() {
        return (state() & Abi.USABLE) != 0;
    }

    /**
     * The user metadata stored with the object.
     *
     * @return the bytes (empty when none)
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public byte[] userMetadata() {
        checkOpen();
        byte[] metadata = replaced
                ? AdaptiveBuffer.get(
                        (buf, len, nw) -> calls.cacheReplaceGetUserMetadata(handle, buf, len, nw),
                        METADATA_BUFFER,
                        "fastly_cache.replace_get_user_metadata")
                : AdaptiveBuffer.get(
                        (buf, len, nw) -> calls.cacheGetUserMetadata(handle, buf, len, nw),
                        METADATA_BUFFER,
                        "fastly_cache.get_user_metadata");
        return metadata == null ? new byte[0] : metadata;
    }

    /**
     * The whole body.
     *
     * @return a stream to read and close
     * @throws IllegalStateException if closed, or another body stream of this object is still open
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public InputStream body() {
        return body(0, NO_RANGE);
    }

    /**
     * The bytes from {@code from} to {@code to}, both inclusive. An invalid range (past the end, or
     * {@code to < from}) yields the whole body; while the length is unknown the whole body too, unless the
     * lookup set {@link LookupOptions#alwaysUseRequestedRange()}.
     *
     * @param from the first offset
     * @param to the last offset
     * @return a stream to read and close
     * @throws IllegalArgumentException if an offset is negative
     * @throws IllegalStateException if closed, or another body stream of this object is still open
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public InputStream body(long from, long to) {
        return body(BODY_FROM | BODY_TO, range(nonNegative(from, "from"), nonNegative(to, "to")));
    }

    /**
     * The bytes from {@code from} to the end (the whole body if {@code from} is past it).
     *
     * @param from the first offset
     * @return a stream to read and close
     * @throws IllegalArgumentException if {@code from} is negative
     * @throws IllegalStateException if closed, or another body stream of this object is still open
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public InputStream bodyFrom(long from) {
        return body(BODY_FROM, range(nonNegative(from, "from"), 0));
    }

    /**
     * The last {@code count} bytes (the whole body if it is shorter).
     *
     * @param count how many bytes from the end
     * @return a stream to read and close
     * @throws IllegalArgumentException if {@code count} is not positive
     * @throws IllegalStateException if closed, or another body stream of this object is still open
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public InputStream bodySuffix(long count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count: must be positive (" + count + ")");
        }
        return body(BODY_TO, range(0, count));
    }

    /**
     * Releases the cache handle this object owns. Idempotent.
     *
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsHandle) {
            int status = calls.cacheClose(handle);
            if (status != FastlyStatus.OK && status != FastlyStatus.BADF) {
                throw Statuses.toException(status, "fastly_cache.close");
            }
        }
    }

    void markClosed() {
        closed = true;
    }

    private InputStream body(int mask, byte[] options) {
        checkOpen();
        int[] out = new int[1];
        int status = replaced
                ? calls.cacheReplaceGetBody(handle, mask, options, out)
                : calls.cacheGetBody(handle, mask, options, out);
        String hostcall = replaced ? "fastly_cache.replace_get_body" : "fastly_cache.get_body";
        if (status == FastlyStatus.BADF) {
            throw new IllegalStateException("another body stream of this cached object is still open;"
                    + " close it first (" + hostcall + " returned badf)");
        }
        Statuses.check(status, hostcall);
        return BodyInput.ofCachedObject(calls, out[0]);
    }

    private int state() {
        checkOpen();
        int[] out = new int[1];
        if (replaced) {
            Statuses.check(calls.cacheReplaceGetState(handle, out), "fastly_cache.replace_get_state");
        } else {
            Statuses.check(calls.cacheGetState(handle, out), "fastly_cache.get_state");
        }
        return out[0];
    }

    /** A getter hostcall of one u64. */
    private interface U64Getter {
        int get(long[] out);
    }

    private long u64(U64Getter getter, String hostcall) {
        checkOpen();
        long[] out = new long[1];
        Statuses.check(getter.get(out), hostcall);
        return out[0];
    }

    private static byte[] range(long from, long to) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (from >>> (8 * i));
            b[8 + i] = (byte) (to >>> (8 * i));
        }
        return b;
    }

    private static long nonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + ": negative (" + v + ")");
        }
        return v;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this cached object is closed");
        }
    }
}
