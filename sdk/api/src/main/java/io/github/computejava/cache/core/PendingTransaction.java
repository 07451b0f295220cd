package io.github.computejava.cache.core;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.Statuses;

/** A collapsing lookup that has not waited yet for another transaction's obligation. */
public final class PendingTransaction implements AutoCloseable {
    private final Hostcalls calls;
    private final int handle;
    private boolean done;

    PendingTransaction(Hostcalls calls, int handle) {
        this.calls = calls;
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
        int[] out = new int[1];
        Statuses.check(calls.cacheBusyHandleWait(handle, out), "fastly_cache.cache_busy_handle_wait");
        return new Transaction(calls, out[0]);
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
        int status = calls.cacheCloseBusy(handle);
        if (status != FastlyStatus.OK && status != FastlyStatus.BADF) {
            throw Statuses.toException(status, "fastly_cache.close_busy");
        }
    }
}
