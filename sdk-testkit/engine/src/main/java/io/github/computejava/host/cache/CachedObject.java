package io.github.computejava.host.cache;

import io.github.computejava.host.http.HeaderList;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One stored object: its body (possibly still being written) and the metadata of the write that stored it.
 * Metadata never changes after the write, except the hit count and a soft purge; an update stores a new object
 * sharing the body.
 *
 * <p>Freshness: the object expires when its age (initial age plus time since it was stored) reaches its max
 * age, or at a soft purge, whichever is first. It is fresh before that, and usable (servable while one client
 * revalidates) for the stale-while-revalidate period after it.
 */
public final class CachedObject {
    private final CacheStore store;
    private final byte[] key;
    private final ObjectBody body;
    private final long storedAtNanos;
    private final long initialAgeNanos;
    private final long maxAgeNanos;
    private final long staleWhileRevalidateNanos;
    private final long edgeMaxAgeNanos;
    private final VaryRule varyRule;
    private final HeaderList requestHeaders;
    private final Set<String> surrogateKeys;
    private final byte[] userMetadata;
    private final boolean sensitive;
    private final AtomicLong hits;
    private volatile long expiresAtNanos;

    CachedObject(
            CacheStore store,
            byte[] key,
            ObjectBody body,
            WriteOptions options,
            HeaderList requestHeaders,
            long nowNanos,
            AtomicLong hits) {
        this.store = store;
        this.key = key;
        this.body = body;
        this.storedAtNanos = nowNanos;
        this.initialAgeNanos = options.initialAgeNanos();
        this.maxAgeNanos = options.maxAgeNanos();
        this.staleWhileRevalidateNanos = options.staleWhileRevalidateNanos();
        this.edgeMaxAgeNanos = options.edgeMaxAgeNanos();
        this.varyRule = options.varyRule();
        this.requestHeaders = requestHeaders;
        this.surrogateKeys = options.surrogateKeys();
        this.userMetadata = options.userMetadata();
        this.sensitive = options.sensitive();
        this.hits = hits;
        // both are non-negative, so the difference cannot overflow
        this.expiresAtNanos = saturatedAdd(nowNanos, maxAgeNanos - initialAgeNanos);
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    ObjectBody body() {
        return body;
    }

    AtomicLong hitCounter() {
        return hits;
    }

    /** @return the cache key (a copy) */
    public byte[] key() {
        return key.clone();
    }

    /** @return the age now, in nanoseconds: the initial age plus the time since it was stored */
    public long ageNanos() {
        return saturatedAdd(initialAgeNanos, Math.max(0, store.nowNanos() - storedAtNanos));
    }

    /** @return the max age (TTL) it was written with, in nanoseconds */
    public long maxAgeNanos() {
        return maxAgeNanos;
    }

    /** @return the stale-while-revalidate period, in nanoseconds */
    public long staleWhileRevalidateNanos() {
        return staleWhileRevalidateNanos;
    }

    /** @return the max age at the delivering node, in nanoseconds */
    public long edgeMaxAgeNanos() {
        return edgeMaxAgeNanos;
    }

    /** @return whether it is within its freshness lifetime and not soft-purged */
    public boolean isFresh() {
        return store.nowNanos() < expiresAtNanos;
    }

    /** @return whether it may be served: fresh, or stale within its stale-while-revalidate period */
    public boolean isUsable() {
        return store.nowNanos() < saturatedAdd(expiresAtNanos, staleWhileRevalidateNanos);
    }

    /** @return the vary rule it was written with */
    public VaryRule varyRule() {
        return varyRule;
    }

    /** @return the request headers its variant was computed from (do not modify) */
    public HeaderList requestHeaders() {
        return requestHeaders;
    }

    /** @return its surrogate keys */
    public Set<String> surrogateKeys() {
        return surrogateKeys;
    }

    /** @return its user metadata (a copy) */
    public byte[] userMetadata() {
        return userMetadata.clone();
    }

    /** @return whether it was written as sensitive data */
    public boolean sensitive() {
        return sensitive;
    }

    /** @return how many lookups found it (updates keep the count) */
    public long hits() {
        return hits.get();
    }

    /**
     * Counts a hit that no lookup counted: a stale copy served in place of a failed origin (stale-if-error).
     *
     * @return the hit count with this one
     */
    public long recordHit() {
        return hits.incrementAndGet();
    }

    /** @return the body's length: final once written, else as announced by the writer, else -1 */
    public long length() {
        return body.length();
    }

    /** @return whether the writer is still writing the body */
    public boolean isWriting() {
        return body.isWriting();
    }

    /** @return whether the writer abandoned the body */
    public boolean isAbandoned() {
        return body.isAbandoned();
    }

    /**
     * Reads the whole body, waiting for the writer to finish.
     *
     * @return the bytes
     * @throws IOException if the writer abandons the body
     */
    public byte[] readAll() throws IOException {
        return body.reader(0, -1).readAllBytes();
    }

    /**
     * A stream of the body, or of a range of it, with Fastly's rules: {@code from}/{@code to} are inclusive
     * offsets; {@code to} alone asks for the last {@code to} bytes; an invalid range (outside a known length, or
     * {@code to < from}) yields the whole body; while the length is unknown the range is ignored unless
     * {@code alwaysUseRequestedRange} (then a suffix range waits for the writer to finish).
     *
     * @param from the first offset, or -1
     * @param to the last offset (or the suffix length when {@code from} is -1), or -1
     * @param alwaysUseRequestedRange honour the range even while the length is unknown
     * @return the stream; it blocks while bytes are still to come
     * @throws IOException if a suffix range waits for a body that is abandoned
     */
    public InputStream openBody(long from, long to, boolean alwaysUseRequestedRange) throws IOException {
        long[] range = range(from, to, alwaysUseRequestedRange);
        return body.reader(range[0], range[1]);
    }

    /** The byte range {@code [start, end)} (end -1 for open) that {@link #openBody} reads. */
    long[] range(long from, long to, boolean alwaysUseRequestedRange) throws IOException {
        long length = body.length();
        long[] whole = {0, -1};
        if (from < 0 && to < 0) {
            return whole;
        }
        if (length < 0 && !alwaysUseRequestedRange) {
            return whole;
        }
        if (length >= 0) {
            if (from < 0 && (to < 1 || to > length)) {
                return whole;
            }
            if (from >= 0 && from >= length) {
                return whole;
            }
            if (from >= 0 && to >= 0 && (to < from || to >= length)) {
                return whole;
            }
        } else if (from >= 0 && to >= 0 && to < from) {
            return whole;
        }
        if (from < 0) {
            long total = length >= 0 ? length : body.awaitLength();
            if (to < 1 || to > total) {
                return whole;
            }
            return new long[] {total - to, -1};
        }
        return new long[] {from, to < 0 ? -1 : to + 1};
    }

    /** Marks it stale from now on (a soft purge). */
    void softPurge(long nowNanos) {
        if (nowNanos < expiresAtNanos) {
            expiresAtNanos = nowNanos;
        }
    }

    /** Bytes this object's metadata takes in the store's bound. */
    long metadataSize() {
        long n = 128L + key.length + userMetadata.length;
        for (String k : surrogateKeys) {
            n += k.length() + 8;
        }
        return n;
    }
}
