package io.github.computejava.host.cache;

import io.github.computejava.host.http.HeaderList;

/**
 * A collapsing lookup that has not waited yet: ready at once when it found an object or took the obligation,
 * otherwise it waits in {@link #await}, and becomes ready when another lookup's obligation ends.
 */
public final class PendingLookup {
    private final CacheStore store;
    private final CacheStore.StoreKey key;
    private final HeaderList requestHeaders;
    private CacheLookup result;
    private boolean cancelled;

    PendingLookup(CacheStore store, CacheStore.StoreKey key, HeaderList requestHeaders, CacheLookup result) {
        this.store = store;
        this.key = key;
        this.requestHeaders = requestHeaders;
        this.result = result;
    }

    /**
     * Whether {@link #await} would return without waiting. While another lookup holds the obligation this looks
     * again without waiting, and keeps what it finds (an object, or the obligation, which is then this lookup's).
     *
     * @return whether {@link #await} would return without waiting
     */
    public synchronized boolean isReady() {
        if (result != null || cancelled) {
            return true;
        }
        try {
            result = store.transactionLookup(key, requestHeaders, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return result != null;
    }

    /**
     * The outcome, waiting for another lookup's obligation if need be.
     *
     * @return the outcome (the caller owns its obligation)
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if cancelled or already awaited
     */
    public CacheLookup await() throws InterruptedException {
        CacheLookup r;
        synchronized (this) {
            if (cancelled) {
                throw new IllegalStateException("the lookup was cancelled");
            }
            r = result;
            result = null;
            cancelled = true;
        }
        return r != null ? r : store.transactionLookup(key, requestHeaders, true);
    }

    /** Abandons the lookup, releasing an obligation it may already hold. Idempotent. */
    public void cancel() {
        CacheLookup r;
        synchronized (this) {
            r = result;
            result = null;
            cancelled = true;
        }
        if (r != null) {
            r.obligation().ifPresent(Obligation::release);
        }
    }
}
