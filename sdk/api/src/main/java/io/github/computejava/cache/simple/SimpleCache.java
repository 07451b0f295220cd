package io.github.computejava.cache.simple;

import io.github.computejava.ComputeException;
import io.github.computejava.cache.core.CacheWriter;
import io.github.computejava.cache.core.CoreCache;
import io.github.computejava.cache.core.Found;
import io.github.computejava.cache.core.StreamingInsert;
import io.github.computejava.cache.core.Transaction;
import io.github.computejava.cache.core.WriteOptions;
import io.github.computejava.internal.Environment;
import io.github.computejava.internal.Sha256;
import io.github.computejava.internal.Text;
import io.github.computejava.purge.Purge;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * The simple cache: {@link #get}, {@link #getOrSet} with always-on collapsing, and {@link #purge}. Values are
 * opaque bytes with a TTL; keys are up to {@value CoreCache#MAX_KEY_LENGTH} bytes.
 */
public final class SimpleCache {
    private static final int COPY_BUFFER = 16 * 1024;

    private SimpleCache() {}

    /**
     * The value stored under a key.
     *
     * @param key the key, up to {@value CoreCache#MAX_KEY_LENGTH} bytes
     * @return the value's bytes (a stream to read and close), or empty when nothing usable is stored
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if {@code key} is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Optional<InputStream> get(byte[] key) {
        Optional<Found> found = CoreCache.lookup(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (Found f = found.get()) {
            return Optional.of(f.body());
        }
    }

    /**
     * The value stored under a key given as UTF-8.
     *
     * @param key the key, up to {@value CoreCache#MAX_KEY_LENGTH} bytes as UTF-8
     * @return the value's bytes (a stream to read and close), or empty
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if {@code key} is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Optional<InputStream> get(String key) {
        return get(Text.utf8(Objects.requireNonNull(key, "key")));
    }

    /**
     * Makes the entry to store for {@link #getOrSet(byte[], Loader)}.
     *
     * @param <X> the checked exception it may throw ({@code RuntimeException} for none)
     */
    @FunctionalInterface
    public interface Loader<X extends Exception> {
        /**
         * Makes the entry.
         *
         * @return the entry, not null
         * @throws X when the entry cannot be made; nothing is stored
         */
        CacheEntry load() throws X;
    }

    /**
     * The value stored under a key, or the value {@code loader} makes, which is stored first. Concurrent calls
     * for one key run the loader once: the others wait, then read the value as it is stored. If the loader
     * throws, nothing is stored and the next waiting call runs its own loader.
     *
     * @param key the key, up to {@value CoreCache#MAX_KEY_LENGTH} bytes
     * @param loader makes the entry when nothing usable is stored; it may throw a checked exception (an {@code
     *     IOException} reading a backend, say), which this method throws on, storing nothing
     * @param <X> what the loader may throw: inferred from it, so a loader that throws nothing checked needs no
     *     {@code catch}
     * @return the value's bytes, a stream to read and close
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null, or the loader returns null
     * @throws ComputeException if the entry's stream fails while it is stored
     * @throws io.github.computejava.HostcallException if the host fails a call
     */
    public static <X extends Exception> InputStream getOrSet(byte[] key, Loader<X> loader) throws X {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        try (Transaction tx = Transaction.lookup(key)) {
            Optional<Found> found = tx.found();
            if (found.isPresent()) {
                // a stale object is served as is: the simple cache never overwrites what it did not insert
                return found.get().body();
            }
            if (!tx.mustInsert()) {
                throw new ComputeException("the cache neither found the key nor chose this call to set it");
            }
            CacheEntry entry = Objects.requireNonNull(loader.load(), "loader returned null");
            WriteOptions.Builder options = WriteOptions.builder(entry.ttl())
                    .surrogateKeys(surrogateKeyFor(key, PurgeScope.POP), surrogateKeyFor(key, PurgeScope.GLOBAL));
            if (entry.length() >= 0) {
                options.knownLength(entry.length());
            }
            StreamingInsert insert = tx.insertAndStreamBack(options.build());
            try (Found stored = insert.found()) {
                write(entry, insert.writer());
                return stored.body();
            }
        }
    }

    /**
     * {@link #getOrSet(byte[], Loader)} with a key given as UTF-8.
     *
     * @param key the key, up to {@value CoreCache#MAX_KEY_LENGTH} bytes as UTF-8
     * @param loader makes the entry when nothing usable is stored; it may throw a checked exception (an {@code
     *     IOException} reading a backend, say), which this method throws on, storing nothing
     * @param <X> what the loader may throw: inferred from it, so a loader that throws nothing checked needs no
     *     {@code catch}
     * @return the value's bytes, a stream to read and close
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null, or the loader returns null
     * @throws ComputeException if the entry's stream fails while it is stored
     * @throws io.github.computejava.HostcallException if the host fails a call
     */
    public static <X extends Exception> InputStream getOrSet(String key, Loader<X> loader) throws X {
        return getOrSet(Text.utf8(Objects.requireNonNull(key, "key")), loader);
    }

    /**
     * Purges the value stored under a key, in this POP or everywhere. Purges take effect asynchronously on
     * Fastly (within about 150 ms).
     *
     * @param key the key
     * @param scope where to purge
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host fails the purge
     */
    public static void purge(byte[] key, PurgeScope scope) {
        Purge.surrogateKey(surrogateKeyFor(key, scope));
    }

    /**
     * {@link #purge(byte[], PurgeScope)} with a key given as UTF-8.
     *
     * @param key the key
     * @param scope where to purge
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host fails the purge
     */
    public static void purge(String key, PurgeScope scope) {
        purge(Text.utf8(Objects.requireNonNull(key, "key")), scope);
    }

    /**
     * The surrogate key the simple cache gives an entry for a scope: the upper-case hex SHA-256 of the key,
     * followed for {@link PurgeScope#POP} by the {@code FASTLY_POP} environment value. Core cache writes that
     * carry it can be purged by {@link #purge}.
     *
     * @param key the cache key
     * @param scope the scope
     * @return 64 upper-case hex digits
     * @throws NullPointerException if an argument is null
     */
    public static String surrogateKeyFor(byte[] key, PurgeScope scope) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scope, "scope");
        byte[] digest = scope == PurgeScope.POP ? Sha256.digest(key, Environment.popUtf8()) : Sha256.digest(key);
        return Sha256.hexUpper(digest);
    }

    private static void write(CacheEntry entry, CacheWriter writer) {
        byte[] buf = new byte[COPY_BUFFER];
        try (InputStream in = entry.value()) {
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                writer.write(buf, 0, n);
            }
            writer.close();
        } catch (IOException e) {
            writer.abandon();
            throw new ComputeException("reading the cache entry's value failed", e);
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
    }
}
