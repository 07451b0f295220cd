package io.github.computejava.cache.core;

import io.github.computejava.internal.guest.CacheGuest;
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
    private final CacheGuest.Handle handle;
    private Found found;
    private boolean closed;

    Transaction(CacheGuest.Handle handle) {
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
        try (CacheGuest.LookupArgs args = GuestArgs.lookup(options)) {
            return new Transaction(CacheGuest.transactionLookup(k, args));
        }
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
        try (CacheGuest.LookupArgs args = GuestArgs.lookup(options)) {
            return new PendingTransaction(CacheGuest.transactionLookupAsync(k, args));
        }
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
        if ((state() & CacheGuest.FOUND) == 0) {
            return Optional.empty();
        }
        found = new Found(handle, false);
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
        return (state & CacheGuest.FOUND) == 0 && (state & CacheGuest.MUST_INSERT_OR_UPDATE) != 0;
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
        return (state() & CacheGuest.MUST_INSERT_OR_UPDATE) != 0;
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
        try (CacheGuest.WriteArgs args = GuestArgs.write(options, handle)) {
            return new CacheWriter(handle.transactionInsert(args));
        }
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
        try (CacheGuest.WriteArgs args = GuestArgs.write(options, handle)) {
            CacheGuest.StreamBack s = handle.transactionInsertAndStreamBack(args);
            return new StreamingInsert(new CacheWriter(s.body), new Found(s.found, true));
        }
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
        if ((state() & CacheGuest.FOUND) == 0) {
            throw new IllegalStateException("there is no found object to update; insert one instead");
        }
        try (CacheGuest.WriteArgs args = GuestArgs.write(options, handle)) {
            handle.transactionUpdate(args);
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
        handle.transactionCancel();
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
        handle.close();
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
        return handle.state();
    }
}
