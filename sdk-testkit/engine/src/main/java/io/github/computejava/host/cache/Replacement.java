package io.github.computejava.host.cache;

import io.github.computejava.host.http.HeaderList;
import java.util.Optional;

/**
 * A replace in progress: the object it replaces, if one was usable, and the one insert that replaces it.
 * Replaces do not collapse: each one writes, the last writer wins.
 */
public final class Replacement {
    /** How a replace treats other clients. */
    public enum Strategy {
        /** Replace now, racing other writers; lookups see the old object until the insert. */
        IMMEDIATE,
        /** Replace now, and lookups miss from the start of the replace (the old object is removed). */
        IMMEDIATE_FORCE_MISS,
        /** Wait until no lookup holds an obligation for the object, then replace. */
        WAIT
    }

    private final CacheStore store;
    private final CacheStore.StoreKey key;
    private final HeaderList requestHeaders;
    private final CachedObject existing;
    private final boolean stale;
    private boolean inserted;

    Replacement(
            CacheStore store,
            CacheStore.StoreKey key,
            HeaderList requestHeaders,
            CachedObject existing,
            boolean stale) {
        this.store = store;
        this.key = key;
        this.requestHeaders = requestHeaders;
        this.existing = existing;
        this.stale = stale;
    }

    /** @return the object being replaced: fresh, or stale within its stale-while-revalidate period */
    public Optional<CachedObject> existing() {
        return Optional.ofNullable(existing);
    }

    /** @return whether the object being replaced was stale when the replace began */
    public boolean isStale() {
        return stale;
    }

    /**
     * Stores the replacement; write its body through the returned writer.
     *
     * @param options the new object's metadata (the replace's request headers apply)
     * @return the writer
     * @throws IllegalStateException if the replacement was already inserted
     * @throws CacheLimitException if the key already has {@value CacheStore#MAX_VARY_RULES} other vary rules
     */
    public synchronized ObjectWriter insert(WriteOptions options) {
        if (inserted) {
            throw new IllegalStateException("the replacement was already inserted");
        }
        if (options.requestHeaders() != null) {
            throw new IllegalArgumentException("options: a replace uses the request headers it began with");
        }
        CachedObject o = store.store(key, requestHeaders, options, null, null, null);
        inserted = true;
        return new ObjectWriter(store, o);
    }
}
