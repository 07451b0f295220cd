package io.github.computejava.cache.core;

import io.github.computejava.internal.guest.CacheGuest;

/** A collapsing lookup that has not waited yet for another transaction's obligation. */
public final class PendingTransaction implements AutoCloseable {
    private final CacheGuest.BusyHandle handle;
    private boolean done;

    PendingTransaction(CacheGuest.BusyHandle handle) {
        this.handle = handle;
    }

    /**
     * Waits, if need be, for the lookup to complete.
     *
     * @return the transaction, to close
     * @throws IllegalStateException if already awaited or closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Transaction await() {
        if (done) {
            throw new IllegalStateException("the pending transaction was already awaited or closed");
        }
        done = true;
        return new Transaction(handle.await());
    }

    /**
     * Abandons the lookup without waiting. Idempotent; does nothing after {@link #await()}.
     *
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        handle.close();
    }
}
