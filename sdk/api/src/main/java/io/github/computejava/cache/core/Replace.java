package io.github.computejava.cache.core;

import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.Hostcalls;
import java.util.Objects;
import java.util.Optional;

/**
 * A replace of a cached object: look at the object being replaced ({@link #existing()}), then write its
 * replacement ({@link #insert}). Unlike a {@link Transaction}, a replace does not collapse: each replace writes.
 * A replace that is never inserted changes nothing (except that {@link ReplaceStrategy#IMMEDIATE_FORCE_MISS}
 * removed the old object when it began).
 */
public final class Replace {
    private final Hostcalls calls;
    private final int handle;
    private Found existing;
    private boolean inserted;

    Replace(Hostcalls calls, int handle) {
        this.calls = calls;
        this.handle = handle;
    }

    static Replace begin(Hostcalls calls, byte[] key, ReplaceOptions options) {
        CacheReplaceOptions record = new CacheReplaceOptions();
        int mask = CacheReplaceOptions.MASK_REPLACE_STRATEGY;
        record.replaceStrategy = options.strategy().abi;
        if (options.alwaysUseRequestedRange()) {
            mask |= CacheReplaceOptions.MASK_ALWAYS_USE_REQUESTED_RANGE;
        }
        int[] out = new int[1];
        try (Abi.Lookup headers = Abi.lookup(
                calls,
                LookupOptions.builder()
                        .requestHeaders(options.rawRequestHeaders())
                        .build())) {
            if (headers.request >= 0) {
                record.requestHeaders = headers.request;
                mask |= CacheReplaceOptions.MASK_REQUEST_HEADERS;
            }
            io.github.computejava.internal.Statuses.check(
                    calls.cacheReplace(key, mask, record, out), "fastly_cache.replace");
        }
        return new Replace(calls, out[0]);
    }

    /**
     * The object being replaced, if one was usable when the replace began.
     *
     * @return the object (owned by this replace: no need to close it)
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Found> existing() {
        if (existing == null) {
            Found f = new Found(calls, handle, false, true);
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
        int[] body = new int[1];
        try (Abi.Write w = Abi.write(calls, options, true)) {
            Abi.checkWrite(calls.cacheReplaceInsert(handle, w.mask, w.options, body), "fastly_cache.replace_insert");
        }
        inserted = true;
        if (existing != null) {
            existing.markClosed();
        }
        return new CacheWriter(calls, body[0]);
    }
}
