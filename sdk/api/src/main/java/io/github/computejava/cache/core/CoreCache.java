package io.github.computejava.cache.core;

import io.github.computejava.internal.guest.CacheGuest;
import java.util.Objects;
import java.util.Optional;

/**
 * One-off core cache operations, without request collapsing. For collapsing and revalidation use
 * {@link Transaction}.
 */
public final class CoreCache {
    /** The longest cache key, in bytes. */
    public static final int MAX_KEY_LENGTH = 4096;

    private CoreCache() {}

    /**
     * Looks a key up.
     *
     * @param key the cache key, up to {@value #MAX_KEY_LENGTH} bytes
     * @return the usable object (fresh, or stale within its stale-while-revalidate period), or empty; close it
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if {@code key} is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Optional<Found> lookup(byte[] key) {
        return lookup(key, LookupOptions.defaults());
    }

    /**
     * Looks a key (as UTF-8) up.
     *
     * @param key the cache key, up to {@value #MAX_KEY_LENGTH} bytes as UTF-8
     * @return the usable object, or empty; close it
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if {@code key} is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Optional<Found> lookup(String key) {
        return lookup(CacheKeys.of(key), LookupOptions.defaults());
    }

    /**
     * Looks a key (as UTF-8) up with options.
     *
     * @param key the cache key, up to {@value #MAX_KEY_LENGTH} bytes as UTF-8
     * @param options the request headers (for vary rules) and range behaviour
     * @return the usable object, or empty; close it
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Optional<Found> lookup(String key, LookupOptions options) {
        return lookup(CacheKeys.of(key), options);
    }

    /**
     * Looks a key up with options.
     *
     * @param key the cache key, up to {@value #MAX_KEY_LENGTH} bytes
     * @param options the request headers (for vary rules) and range behaviour
     * @return the usable object, or empty; close it
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Optional<Found> lookup(byte[] key, LookupOptions options) {
        byte[] k = CacheKeys.of(key);
        Objects.requireNonNull(options, "options");
        CacheGuest.Handle found;
        try (CacheGuest.LookupArgs args = GuestArgs.lookup(options)) {
            found = CacheGuest.lookup(k, args);
        }
        return found == null ? Optional.empty() : Optional.of(new Found(found, true));
    }

    /**
     * Inserts an object, replacing the one stored for its variant (last writer wins; no collapsing). The object
     * is visible as soon as the write begins.
     *
     * @param key the cache key, up to {@value #MAX_KEY_LENGTH} bytes
     * @param options the object's metadata
     * @return the writer of its body, to close when complete
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null
     * @throws CacheLimitExceededException if the key already has 8 other vary rules
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static CacheWriter insert(byte[] key, WriteOptions options) {
        byte[] k = CacheKeys.of(key);
        Objects.requireNonNull(options, "options");
        try (CacheGuest.WriteArgs args = GuestArgs.write(options)) {
            return new CacheWriter(CacheGuest.insert(k, args));
        }
    }

    /**
     * Inserts an object under a key given as UTF-8.
     *
     * @param key the cache key, up to {@value #MAX_KEY_LENGTH} bytes as UTF-8
     * @param options the object's metadata
     * @return the writer of its body, to close when complete
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null
     * @throws CacheLimitExceededException if the key already has 8 other vary rules
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static CacheWriter insert(String key, WriteOptions options) {
        return insert(CacheKeys.of(key), options);
    }

    /**
     * Begins replacing the object under a key (without collapsing): see the object being replaced, then write
     * the replacement.
     *
     * @param key the cache key, up to {@value #MAX_KEY_LENGTH} bytes
     * @param options request headers, strategy and range behaviour
     * @return the replace
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static Replace replace(byte[] key, ReplaceOptions options) {
        byte[] k = CacheKeys.of(key);
        Objects.requireNonNull(options, "options");
        return Replace.begin(k, options);
    }

    /**
     * {@link #replace(byte[], ReplaceOptions)} with a key given as UTF-8.
     *
     * @param key the cache key, up to {@value #MAX_KEY_LENGTH} bytes as UTF-8
     * @param options request headers, strategy and range behaviour
     * @return the replace
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static Replace replace(String key, ReplaceOptions options) {
        return replace(CacheKeys.of(key), options);
    }
}
