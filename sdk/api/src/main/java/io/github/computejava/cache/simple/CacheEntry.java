package io.github.computejava.cache.simple;

import io.github.computejava.internal.Text;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;

/** A value for {@link SimpleCache#getOrSet}: its bytes and how long to keep them. */
public final class CacheEntry {
    private final InputStream value;
    private final long length;
    private final Duration ttl;

    private CacheEntry(InputStream value, long length, Duration ttl) {
        this.value = value;
        this.length = length;
        this.ttl = ttl;
    }

    /**
     * An entry of bytes.
     *
     * @param value the bytes (not copied: do not change them afterwards)
     * @param ttl how long to keep them
     * @return the entry
     * @throws IllegalArgumentException if {@code ttl} is negative
     * @throws NullPointerException if an argument is null
     */
    public static CacheEntry of(byte[] value, Duration ttl) {
        Objects.requireNonNull(value, "value");
        return new CacheEntry(new ByteArrayInputStream(value), value.length, checkTtl(ttl));
    }

    /**
     * An entry of text, stored as UTF-8.
     *
     * @param value the text
     * @param ttl how long to keep it
     * @return the entry
     * @throws IllegalArgumentException if {@code ttl} is negative
     * @throws NullPointerException if an argument is null
     */
    public static CacheEntry of(String value, Duration ttl) {
        Objects.requireNonNull(value, "value");
        return of(Text.utf8(value), ttl);
    }

    /**
     * An entry streamed from {@code value}, which is read to its end (and closed) while it is stored.
     *
     * @param value the bytes
     * @param ttl how long to keep them
     * @return the entry
     * @throws IllegalArgumentException if {@code ttl} is negative
     * @throws NullPointerException if an argument is null
     */
    public static CacheEntry of(InputStream value, Duration ttl) {
        Objects.requireNonNull(value, "value");
        return new CacheEntry(value, -1, checkTtl(ttl));
    }

    /** @return how long the entry is kept */
    public Duration ttl() {
        return ttl;
    }

    InputStream value() {
        return value;
    }

    long length() {
        return length;
    }

    private static Duration checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl: negative (" + ttl + ")");
        }
        return ttl;
    }
}
