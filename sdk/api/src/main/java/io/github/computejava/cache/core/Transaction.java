package io.github.computejava.cache.core;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import java.util.Objects;
import java.util.Optional;

/**
 * A collapsing cache lookup. Concurrent transactions on one key are collapsed: while one of them is obliged to
 * insert the object ({@link #mustInsert()}), the others wait, then find the object and stream it as it is
 * written. When a stale object is usable (within its stale-while-revalidate period) every transaction finds
 * it, and exactly one is also obliged to revalidate it ({@link #mustInsertOrUpdate()}).
 *
 * <p>An obligation ends with {@link #insert}, {@link #insertAndStreamBack}, {@link #update} or
 * {@link #cancel}; closing the transaction (or the end of the request) without one passes the obligation to
 * the next waiting transaction.
 */
public final class Transaction implements AutoCloseable {
    private final Hostcalls calls;
    private final int handle;
    private Found found;
    private boolean closed;

    Transaction(Hostcalls calls, int handle) {
        this.calls = calls;
        this.handle = handle;
    }

    /**
     * Looks a key up, waiting while another transaction is obliged to provide it.
     *
     * @param key the cache key, up to {@value CoreCache#MAX_KEY_LENGTH} bytes
     * @return the transaction, to close
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if {@code key} is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Transaction lookup(byte[] key) {
        return lookup(key, LookupOptions.defaults());
    }

    /**
     * Looks a key (as UTF-8) up, waiting while another transaction is obliged to provide it.
     *
     * @param key the cache key, up to {@value CoreCache#MAX_KEY_LENGTH} bytes as UTF-8
     * @return the transaction, to close
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if {@code key} is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Transaction lookup(String key) {
        return lookup(CacheKeys.of(key), LookupOptions.defaults());
    }

    /**
     * Looks a key (as UTF-8) up with options, waiting while another transaction is obliged to provide it.
     *
     * @param key the cache key, up to {@value CoreCache#MAX_KEY_LENGTH} bytes as UTF-8
     * @param options the request headers (for vary rules) and range behaviour
     * @return the transaction, to close
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Transaction lookup(String key, LookupOptions options) {
        return lookup(CacheKeys.of(key), options);
    }

    /**
     * Looks a key up with options, waiting while another transaction is obliged to provide it.
     *
     * @param key the cache key, up to {@value CoreCache#MAX_KEY_LENGTH} bytes
     * @param options the request headers (for vary rules) and range behaviour
     * @return the transaction, to close
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static Transaction lookup(byte[] key, LookupOptions options) {
        byte[] k = CacheKeys.of(key);
        Objects.requireNonNull(options, "options");
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        try (Abi.Lookup l = Abi.lookup(calls, options)) {
            Statuses.check(calls.cacheTransactionLookup(k, l.mask, l.options, out), "fastly_cache.transaction_lookup");
        }
        return new Transaction(calls, out[0]);
    }

    /**
     * Starts a collapsing lookup without waiting: {@link PendingTransaction#await()} waits, if need be.
     *
     * @param key the cache key, up to {@value CoreCache#MAX_KEY_LENGTH} bytes
     * @param options the request headers (for vary rules) and range behaviour
     * @return the pending transaction, to await or close
     * @throws IllegalArgumentException if the key is too long
     * @throws NullPointerException if an argument is null
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static PendingTransaction lookupAsync(byte[] key, LookupOptions options) {
        byte[] k = CacheKeys.of(key);
        Objects.requireNonNull(options, "options");
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        try (Abi.Lookup l = Abi.lookup(calls, options)) {
            Statuses.check(
                    calls.cacheTransactionLookupAsync(k, l.mask, l.options, out),
                    "fastly_cache.transaction_lookup_async");
        }
        return new PendingTransaction(calls, out[0]);
    }

    /**
     * The object found: fresh, or stale but usable (then one transaction is also obliged to revalidate it).
     *
     * @return the object, or empty
     * @throws IllegalStateException if the transaction is closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public Optional<Found> found() {
        if (found != null) {
            return Optional.of(found);
        }
        if ((state() & Abi.FOUND) == 0) {
            return Optional.empty();
        }
        found = new Found(calls, handle, false);
        return Optional.of(found);
    }

    /**
     * Whether nothing usable was found and this transaction must insert the object (others wait for it).
     *
     * @return true when obliged to insert
     * @throws IllegalStateException if the transaction is closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean mustInsert() {
        int state = state();
        return (state & Abi.FOUND) == 0 && (state & Abi.MUST_INSERT_OR_UPDATE) != 0;
    }

    /**
     * Whether this transaction must insert the object, or, when a stale one was found, insert a replacement or
     * update its metadata.
     *
     * @return true when obliged
     * @throws IllegalStateException if the transaction is closed
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public boolean mustInsertOrUpdate() {
        return (state() & Abi.MUST_INSERT_OR_UPDATE) != 0;
    }

    /**
     * Meets the obligation with a new object; write its body through the returned writer.
     *
     * @param options the object's metadata (without request headers: the lookup's apply)
     * @return the writer, to close when the body is complete
     * @throws IllegalStateException if closed, or this transaction has no obligation
     * @throws IllegalArgumentException if the options carry request headers
     * @throws CacheLimitExceededException if the key already has 8 other vary rules
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public CacheWriter insert(WriteOptions options) {
        checkObligation(options);
        int[] body = new int[1];
        try (Abi.Write w = Abi.write(calls, options, true)) {
            Abi.checkWrite(
                    calls.cacheTransactionInsert(handle, w.mask, w.options, body), "fastly_cache.transaction_insert");
        }
        return new CacheWriter(calls, body[0]);
    }

    /**
     * Meets the obligation with a new object, and returns it as found too, so this client reads the body back
     * while it writes it (as the waiting clients do).
     *
     * @param options the object's metadata (without request headers: the lookup's apply)
     * @return the writer and the object, to close
     * @throws IllegalStateException if closed, or this transaction has no obligation
     * @throws IllegalArgumentException if the options carry request headers
     * @throws CacheLimitExceededException if the key already has 8 other vary rules
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public StreamingInsert insertAndStreamBack(WriteOptions options) {
        checkObligation(options);
        int[] body = new int[1];
        int[] back = new int[1];
        try (Abi.Write w = Abi.write(calls, options, true)) {
            Abi.checkWrite(
                    calls.cacheTransactionInsertAndStreamBack(handle, w.mask, w.options, body, back),
                    "fastly_cache.transaction_insert_and_stream_back");
        }
        return new StreamingInsert(new CacheWriter(calls, body[0]), new Found(calls, back[0], true));
    }

    /**
     * Meets the obligation to revalidate by replacing the found object's metadata (all of it: TTL, age, vary
     * rule, surrogate keys, user metadata, ...) and keeping its body.
     *
     * @param options the new metadata (without request headers)
     * @throws IllegalStateException if closed, or there is no obligation or no found object
     * @throws IllegalArgumentException if the options carry request headers
     * @throws CacheLimitExceededException if the key already has 8 other vary rules
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public void update(WriteOptions options) {
        checkObligation(options);
        if ((state() & Abi.FOUND) == 0) {
            throw new IllegalStateException("there is no found object to update; insert one instead");
        }
        try (Abi.Write w = Abi.write(calls, options, true)) {
            Abi.checkWrite(calls.cacheTransactionUpdate(handle, w.mask, w.options), "fastly_cache.transaction_update");
        }
    }

    /**
     * Gives the obligation up (for example when the origin failed): the next waiting transaction takes it.
     *
     * @throws IllegalStateException if closed, or this transaction has no obligation
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public void cancel() {
        if (!mustInsertOrUpdate()) {
            throw new IllegalStateException("this transaction has no obligation to cancel");
        }
        Statuses.check(calls.cacheTransactionCancel(handle), "fastly_cache.transaction_cancel");
    }

    /**
     * Ends the transaction; an obligation not met passes to the next waiting transaction. Idempotent.
     *
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (found != null) {
            found.markClosed();
        }
        int status = calls.cacheClose(handle);
        if (status != FastlyStatus.OK && status != FastlyStatus.BADF) {
            throw Statuses.toException(status, "fastly_cache.close");
        }
    }

    private void checkObligation(WriteOptions options) {
        Objects.requireNonNull(options, "options");
        if (!mustInsertOrUpdate()) {
            throw new IllegalStateException("this transaction has no obligation to insert or update"
                    + " (it was already met, cancelled, or another transaction holds it)");
        }
    }

    private int state() {
        if (closed) {
            throw new IllegalStateException("the transaction is closed");
        }
        int[] out = new int[1];
        Statuses.check(calls.cacheGetState(handle, out), "fastly_cache.get_state");
        return out[0];
    }
}
