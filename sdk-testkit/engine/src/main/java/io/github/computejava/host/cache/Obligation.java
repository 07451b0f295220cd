package io.github.computejava.host.cache;

import io.github.computejava.host.http.HeaderList;
import java.util.Optional;

/**
 * The duty a collapsing lookup may be given: provide the object (insert) or freshen it (update). Until it is
 * met or released, other lookups of the same variant wait (or, when a stale object is usable, serve it). An
 * obligation must end: {@link #insert}, {@link #update} or {@link #release}; releasing lets the next waiter
 * take it over.
 */
public final class Obligation {
    private final CacheStore store;
    private final CacheStore.StoreKey key;
    private final CacheStore.Slot slot;
    private final HeaderList requestHeaders;
    private final CachedObject existing;
    private boolean done;

    Obligation(
            CacheStore store,
            CacheStore.StoreKey key,
            CacheStore.Slot slot,
            HeaderList requestHeaders,
            CachedObject existing) {
        this.store = store;
        this.key = key;
        this.slot = slot;
        this.requestHeaders = requestHeaders;
        this.existing = existing;
    }

    /**
     * The object to revalidate: the usable stale object, or an expired one still stored (which the core API
     * does not report as found, but a readthrough revalidation may update).
     *
     * @return the existing object, if any
     */
    public Optional<CachedObject> existing() {
        return Optional.ofNullable(existing);
    }

    /** @return the headers of the lookup that was given this obligation */
    public HeaderList requestHeaders() {
        return requestHeaders;
    }

    /** @return whether the obligation was met or released */
    public synchronized boolean isDone() {
        return done;
    }

    /**
     * Meets the obligation with a new object; write its body through the returned writer. The object is
     * visible at once: waiting lookups find it and read its body as it arrives.
     *
     * @param options the object's metadata (its request headers, if any, are ignored: the lookup's apply)
     * @return the writer
     * @throws IllegalStateException if the obligation already ended
     * @throws CacheLimitException if the key already has {@value CacheStore#MAX_VARY_RULES} other vary rules
     *     (the obligation is still held)
     */
    public synchronized ObjectWriter insert(WriteOptions options) {
        checkOpen();
        CachedObject o = store.store(key, requestHeaders, withoutHeaders(options), slot, null, null);
        done = true;
        return new ObjectWriter(store, o);
    }

    /**
     * Meets the obligation by storing the existing object's body again under new metadata (all of it replaced,
     * the stored time restarted); the hit count carries over.
     *
     * @param options the new metadata
     * @return the updated object
     * @throws IllegalStateException if the obligation already ended, or there is no existing object
     * @throws CacheLimitException if the key already has {@value CacheStore#MAX_VARY_RULES} other vary rules
     */
    public synchronized CachedObject update(WriteOptions options) {
        checkOpen();
        if (existing == null) {
            throw new IllegalStateException("there is no object to update");
        }
        CachedObject o =
                store.store(key, requestHeaders, withoutHeaders(options), slot, existing.body(), existing.hitCounter());
        done = true;
        return o;
    }

    /** Gives the obligation up: the next waiting lookup takes it over. Idempotent. */
    public synchronized void release() {
        if (!done) {
            done = true;
            store.release(slot);
        }
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("the obligation already ended");
        }
    }

    private static WriteOptions withoutHeaders(WriteOptions options) {
        if (options.requestHeaders() == null) {
            return options;
        }
        throw new IllegalArgumentException("options: a transaction's writes use the lookup's request headers");
    }
}
