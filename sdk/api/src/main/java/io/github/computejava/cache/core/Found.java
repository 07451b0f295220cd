package io.github.computejava.cache.core;

import io.github.computejava.internal.guest.CacheGuest;
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
    private final CacheGuest.Handle handle;
    private final boolean ownsHandle;
    private boolean closed;

    // a replace's handle reads the object it replaces
    Found(CacheGuest.Handle handle, boolean ownsHandle) {
        this.handle = handle;
        this.ownsHandle = ownsHandle;
    }

    /**
     * The TTL the object was written with (its max age).
     *
     * @return the TTL
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Duration ttl() {
        checkOpen();
        return Duration.ofNanos(handle.maxAgeNs());
    }

    /**
     * The object's age: its initial age plus the time since it was stored.
     *
     * @return the age
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Duration age() {
        checkOpen();
        return Duration.ofNanos(handle.ageNs());
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
        checkOpen();
        return Duration.ofNanos(handle.staleWhileRevalidateNs());
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
        return handle.length();
    }

    /**
     * How many lookups have found this object, this one included.
     *
     * @return the hit count
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public long hits() {
        checkOpen();
        return handle.hits();
    }

    /**
     * Whether the object is past its TTL (served within its stale-while-revalidate period).
     *
     * @return true when stale
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean isStale() {
        return (state() & CacheGuest.STALE) != 0;
    }

    /**
     * Whether the object may be used: fresh, or stale within its stale-while-revalidate period.
     *
     * @return true when usable
     * @throws IllegalStateException if closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean isUsable() {
        return (state() & CacheGuest.USABLE) != 0;
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
        return handle.userMetadata();
    }

    /**
     * The whole body.
     *
     * @return a stream to read and close
     * @throws IllegalStateException if closed, or another body stream of this object is still open
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public InputStream body() {
        return body(false, 0, false, 0);
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
        return body(true, nonNegative(from, "from"), true, nonNegative(to, "to"));
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
        return body(true, nonNegative(from, "from"), false, 0);
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
        return body(false, 0, true, count);
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
            handle.close();
        }
    }

    void markClosed() {
        closed = true;
    }

    private InputStream body(boolean useFrom, long from, boolean useTo, long to) {
        checkOpen();
        return handle.body(useFrom, from, useTo, to);
    }

    private int state() {
        checkOpen();
        return handle.state();
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
