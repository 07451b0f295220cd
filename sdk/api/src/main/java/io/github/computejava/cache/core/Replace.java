package io.github.computejava.cache.core;

import io.github.computejava.internal.guest.CacheGuest;
import java.util.Objects;
import java.util.Optional;

/**
 * A replace of a cached object: look at the object being replaced ({@link #existing()}), then write its
 * replacement ({@link #insert}). Unlike a {@link Transaction}, a replace does not collapse: each replace writes.
 * A replace that is never inserted changes nothing (except that {@link ReplaceStrategy#IMMEDIATE_FORCE_MISS}
 * removed the old object when it began).
 */
public final class Replace {
    private final CacheGuest.Handle handle;
    private Found existing;
    private boolean inserted;

    Replace(CacheGuest.Handle handle) {
        this.handle = handle;
    }

    static Replace begin(byte[] key, ReplaceOptions options) {
        LookupOptions.Builder lookup = LookupOptions.builder().requestHeaders(options.rawRequestHeaders());
        if (options.alwaysUseRequestedRange()) {
            lookup.alwaysUseRequestedRange(true);
        }
        try (CacheGuest.LookupArgs args = GuestArgs.lookup(lookup.build())) {
            return new Replace(CacheGuest.replace(key, options.strategy().abi, args));
        }
    }

    /**
     * The object being replaced, if one was usable when the replace began.
     *
     * @return the object (owned by this replace: no need to close it)
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Found> existing() {
        if (existing == null) {
            Found f = new Found(handle, false);
            if (!f.isUsable()) {
                return Optional.empty();
            }
            existing = f;
        }
        return Optional.of(existing);
    }

    /**
     * Writes the replacement; the replace ends.
     *
     * @param options the new object's metadata (without request headers: the replace's apply)
     * @return the writer of its body, to close when complete
     * @throws IllegalStateException if the replacement was already inserted
     * @throws IllegalArgumentException if the options carry request headers
     * @throws CacheLimitExceededException if the key already has 8 other vary rules
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public CacheWriter insert(WriteOptions options) {
        Objects.requireNonNull(options, "options");
        if (inserted) {
            throw new IllegalStateException("the replacement was already inserted");
        }
        CacheGuest.BodyWriter body;
        try (CacheGuest.WriteArgs args = GuestArgs.write(options, handle)) {
            body = handle.replaceInsert(args);
        }
        inserted = true;
        if (existing != null) {
            existing.markClosed();
        }
        return new CacheWriter(body);
    }
}
