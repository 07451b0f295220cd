package io.github.computejava.host.cache;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheLookupState;
import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.FastlyCache;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.AsyncItem;
import io.github.computejava.host.HandleTable;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The {@code fastly_cache} hostcalls of one sandbox, over the engine's
 * {@link CacheStore} in the {@link CacheNamespace#CORE} namespace. Handles live in the sandbox's handle table;
 * a guest mistake is a status, never an exception.
 *
 * <p>Written bodies reach the store through a copying task per write: the guest writes an ordinary streaming
 * body handle, which the task drains into the object as the bytes come, so readers see them at once.
 */
public final class CacheHost implements FastlyCache {
    private static final int KNOWN_LOOKUP_MASK = CacheLookupOptions.MASK_REQUEST_HEADERS
            | CacheLookupOptions.MASK_SERVICE_ID
            | CacheLookupOptions.MASK_ALWAYS_USE_REQUESTED_RANGE;
    private static final int KNOWN_WRITE_MASK = CacheWriteOptions.MASK_ALL;

    private final CacheStore store;
    private final ExecutorService writers;
    private final HandleTable handles;
    private final IntFunction<HeaderList> requestHeaders;
    private final Set<Object> open = new LinkedHashSet<>();
    private final Map<BodyBuffer, Future<?>> writes = new IdentityHashMap<>();

    /**
     * Creates the cache hostcalls of a sandbox.
     *
     * @param store the engine's cache store
     * @param writers the engine's threads that copy written bodies into the store
     * @param handles the sandbox's handle table
     * @param requestHeaders a copy of the headers of a request handle, or null if the handle is not a request
     */
    public CacheHost(
            CacheStore store, ExecutorService writers, HandleTable handles, IntFunction<HeaderList> requestHeaders) {
        this.store = store;
        this.writers = writers;
        this.handles = handles;
        this.requestHeaders = requestHeaders;
    }

    /** A {@code cache_handle}: a lookup's outcome and what the guest did with it since. */
    static final class CacheHandle implements AsyncItem {
        final CachedObject found;
        final boolean stale;
        final long hits;
        final boolean alwaysUseRequestedRange;
        Obligation obligation;
        int lastBody = -1;

        CacheHandle(CachedObject found, boolean stale, long hits, Obligation obligation, boolean alwaysUseRange) {
            this.found = found;
            this.stale = stale;
            this.hits = hits;
            this.obligation = obligation;
            this.alwaysUseRequestedRange = alwaysUseRange;
        }

        static CacheHandle of(CacheLookup lookup, boolean alwaysUseRange) {
            return new CacheHandle(
                    lookup.found().orElse(null),
                    lookup.isStale(),
                    lookup.hits(),
                    lookup.obligation().orElse(null),
                    alwaysUseRange);
        }

        /**
         * Ready for {@code fastly_async_io}: the lookup completed (a transaction lookup waited for another's
         * obligation) before the handle was returned, so it found data or chose the caller to fetch.
         */
        @Override
        public boolean isReady() {
            return true;
        }
    }

    /** A {@code cache_replace_handle}: the replace and what the guest did with it since. */
    static final class ReplaceHandle implements AsyncItem {
        final Replacement replacement;
        final boolean alwaysUseRequestedRange;
        int lastBody = -1;

        ReplaceHandle(Replacement replacement, boolean alwaysUseRange) {
            this.replacement = replacement;
            this.alwaysUseRequestedRange = alwaysUseRange;
        }

        /** The replace waited for obligations in progress before the handle was returned. */
        @Override
        public boolean isReady() {
            return true;
        }
    }

    /** A {@code cache_busy_handle}. */
    static final class BusyHandle implements AsyncItem {
        final PendingLookup pending;
        final boolean alwaysUseRequestedRange;

        BusyHandle(PendingLookup pending, boolean alwaysUseRange) {
            this.pending = pending;
            this.alwaysUseRequestedRange = alwaysUseRange;
        }

        /** Ready when {@code cache_busy_handle_wait} would not wait: data is there or the caller may fetch. */
        @Override
        public boolean isReady() {
            return pending.isReady();
        }
    }

    /** Ends the sandbox's cache work: obligations still held pass to the next waiter. */
    public void finish() {
        for (Object o : new ArrayList<>(open)) {
            release(o);
        }
        open.clear();
        writes.clear();
    }

    // ---- lookups

    /**
     * {@code fastly_cache.lookup}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int lookup(byte[] key, int mask, CacheLookupOptions options, int[] handleOut) {
        if (handles.full()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        LookupArgs args = new LookupArgs();
        int status = lookupArgs(key, mask, options, args);
        if (status != FastlyStatus.OK) {
            return status;
        }
        CacheLookup lookup = store.lookup(CacheNamespace.CORE, key, args.headers);
        handleOut[0] = add(CacheHandle.of(lookup, args.alwaysUseRange));
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.transaction_lookup}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int transactionLookup(byte[] key, int mask, CacheLookupOptions options, int[] handleOut) {
        if (handles.full()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        LookupArgs args = new LookupArgs();
        int status = lookupArgs(key, mask, options, args);
        if (status != FastlyStatus.OK) {
            return status;
        }
        try {
            CacheLookup lookup = store.transactionLookup(CacheNamespace.CORE, key, args.headers);
            handleOut[0] = add(CacheHandle.of(lookup, args.alwaysUseRange));
            return FastlyStatus.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FastlyStatus.ERROR;
        }
    }

    /**
     * {@code fastly_cache.transaction_lookup_async}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int transactionLookupAsync(byte[] key, int mask, CacheLookupOptions options, int[] busyOut) {
        if (handles.full()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        LookupArgs args = new LookupArgs();
        int status = lookupArgs(key, mask, options, args);
        if (status != FastlyStatus.OK) {
            return status;
        }
        PendingLookup pending = store.transactionLookupAsync(CacheNamespace.CORE, key, args.headers);
        busyOut[0] = add(new BusyHandle(pending, args.alwaysUseRange));
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.cache_busy_handle_wait}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int cacheBusyHandleWait(int busy, int[] handleOut) {
        BusyHandle b = handles.take(busy, BusyHandle.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        open.remove(b);
        try {
            CacheLookup lookup = b.pending.await();
            handleOut[0] = add(CacheHandle.of(lookup, b.alwaysUseRequestedRange));
            return FastlyStatus.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FastlyStatus.ERROR;
        } catch (IllegalStateException e) {
            return FastlyStatus.BADF;
        }
    }

    /**
     * {@code fastly_cache.close_busy}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int closeBusy(int busy) {
        BusyHandle b = handles.take(busy, BusyHandle.class);
        if (b == null) {
            return FastlyStatus.BADF;
        }
        release(b);
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.close}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int close(int handle) {
        CacheHandle h = handles.take(handle, CacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        release(h);
        return FastlyStatus.OK;
    }

    // ---- writes

    /**
     * {@code fastly_cache.insert}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int insert(byte[] key, int mask, CacheWriteOptions options, int[] bodyOut) {
        if (handles.full()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        if (key.length > CacheStore.MAX_KEY_LENGTH) {
            return FastlyStatus.INVAL;
        }
        WriteArgs args = new WriteArgs();
        int status = writeArgs(mask, options, true, args);
        if (status != FastlyStatus.OK) {
            return status;
        }
        try {
            ObjectWriter writer = store.insert(
                    CacheNamespace.CORE, key, args.headers != null ? args.headers : new HeaderList(), args.options);
            bodyOut[0] = handles.add(writeBody(writer));
            return FastlyStatus.OK;
        } catch (CacheLimitException e) {
            return FastlyStatus.LIMITEXCEEDED;
        }
    }

    /**
     * {@code fastly_cache.transaction_insert}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int transactionInsert(int handle, int mask, CacheWriteOptions options, int[] bodyOut) {
        return transactionInsert(handle, mask, options, bodyOut, null);
    }

    /**
     * {@code fastly_cache.transaction_insert_and_stream_back}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int transactionInsertAndStreamBack(
            int handle, int mask, CacheWriteOptions options, int[] bodyOut, int[] handleOut) {
        return transactionInsert(handle, mask, options, bodyOut, handleOut);
    }

    private int transactionInsert(int handle, int mask, CacheWriteOptions options, int[] bodyOut, int[] handleOut) {
        CacheHandle h = handles.get(handle, CacheHandle.class);
        if (h == null || h.obligation == null) {
            return FastlyStatus.BADF;
        }
        WriteArgs args = new WriteArgs();
        int status = writeArgs(mask, options, false, args);
        if (status != FastlyStatus.OK) {
            return status;
        }
        ObjectWriter writer;
        try {
            writer = h.obligation.insert(args.options);
        } catch (CacheLimitException e) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        h.obligation = null;
        bodyOut[0] = handles.add(writeBody(writer));
        if (handleOut != null) {
            CachedObject o = writer.object();
            handleOut[0] = add(new CacheHandle(o, false, o.hits(), null, h.alwaysUseRequestedRange));
        }
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.transaction_update}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int transactionUpdate(int handle, int mask, CacheWriteOptions options) {
        CacheHandle h = handles.get(handle, CacheHandle.class);
        if (h == null || h.obligation == null || h.found == null) {
            return FastlyStatus.BADF;
        }
        WriteArgs args = new WriteArgs();
        int status = writeArgs(mask, options, false, args);
        if (status != FastlyStatus.OK) {
            return status;
        }
        try {
            h.obligation.update(args.options);
        } catch (CacheLimitException e) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        h.obligation = null;
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.transaction_cancel}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int transactionCancel(int handle) {
        CacheHandle h = handles.get(handle, CacheHandle.class);
        if (h == null || h.obligation == null) {
            return FastlyStatus.BADF;
        }
        h.obligation.release();
        h.obligation = null;
        return FastlyStatus.OK;
    }

    // ---- reading a found object

    /**
     * {@code fastly_cache.get_state}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int getState(int handle, int[] stateOut) {
        CacheHandle h = handles.get(handle, CacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        int state = 0;
        if (h.found != null) {
            state |= CacheLookupState.FOUND | CacheLookupState.USABLE;
            if (h.stale) {
                state |= CacheLookupState.STALE;
            }
        }
        if (h.obligation != null) {
            state |= CacheLookupState.MUST_INSERT_OR_UPDATE;
        }
        stateOut[0] = state;
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.get_user_metadata}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int getUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut) {
        CacheHandle h = handles.get(handle, CacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        if (h.found == null) {
            return FastlyStatus.NONE;
        }
        return metadata(h.found, buf, len, nwrittenOut);
    }

    private static int metadata(CachedObject o, byte[] buf, int len, int[] nwrittenOut) {
        byte[] metadata = o.userMetadata();
        nwrittenOut[0] = metadata.length;
        if (metadata.length > len || len > buf.length) {
            return metadata.length > len ? FastlyStatus.BUFLEN : FastlyStatus.INVAL;
        }
        System.arraycopy(metadata, 0, buf, 0, metadata.length);
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.get_body}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int getBody(int handle, int mask, byte[] options, int[] bodyOut) {
        CacheHandle h = handles.get(handle, CacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        if ((mask & ~(GET_BODY_FROM | GET_BODY_TO)) != 0 || options == null || options.length < GET_BODY_OPTIONS_SIZE) {
            return FastlyStatus.INVAL;
        }
        if (h.found == null) {
            return FastlyStatus.NONE;
        }
        if (h.lastBody >= 0 && handles.get(h.lastBody) != null) {
            // one body at a time per handle, as on Fastly
            return FastlyStatus.BADF;
        }
        int status = openBody(h.found, mask, options, h.alwaysUseRequestedRange, bodyOut);
        if (status == FastlyStatus.OK) {
            h.lastBody = bodyOut[0];
        }
        return status;
    }

    private int openBody(CachedObject o, int mask, byte[] options, boolean always, int[] bodyOut) {
        long from = (mask & GET_BODY_FROM) != 0 ? unsigned(le64(options, GET_BODY_OPTIONS_OFF_FROM)) : -1;
        long to = (mask & GET_BODY_TO) != 0 ? unsigned(le64(options, GET_BODY_OPTIONS_OFF_TO)) : -1;
        try {
            long[] range = o.range(from, to, always);
            long length = o.length();
            long known = -1;
            if (range[1] >= 0) {
                known = length >= 0 ? Math.min(range[1], length) - range[0] : -1;
            } else if (length >= 0) {
                known = Math.max(0, length - range[0]);
            }
            InputStream in = o.body().reader(range[0], range[1]);
            bodyOut[0] = handles.add(BodyBuffer.fromStream(in, known));
            return FastlyStatus.OK;
        } catch (IOException e) {
            return FastlyStatus.HTTPINCOMPLETE;
        }
    }

    /**
     * {@code fastly_cache.get_length}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int getLength(int handle, long[] lengthOut) {
        CachedObject o = found(handle);
        if (o == null) {
            return foundStatus(handle);
        }
        long length = o.length();
        if (length < 0) {
            return FastlyStatus.NONE;
        }
        lengthOut[0] = length;
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.get_max_age_ns}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int getMaxAgeNs(int handle, long[] out) {
        CachedObject o = found(handle);
        if (o == null) {
            return foundStatus(handle);
        }
        out[0] = o.maxAgeNanos();
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.get_stale_while_revalidate_ns}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int getStaleWhileRevalidateNs(int handle, long[] out) {
        CachedObject o = found(handle);
        if (o == null) {
            return foundStatus(handle);
        }
        out[0] = o.staleWhileRevalidateNanos();
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.get_age_ns}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int getAgeNs(int handle, long[] out) {
        CachedObject o = found(handle);
        if (o == null) {
            return foundStatus(handle);
        }
        out[0] = o.ageNanos();
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.get_hits}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int getHits(int handle, long[] out) {
        CacheHandle h = handles.get(handle, CacheHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        if (h.found == null) {
            return FastlyStatus.NONE;
        }
        out[0] = h.hits;
        return FastlyStatus.OK;
    }

    // ---- replace

    /**
     * {@code fastly_cache.replace}, with the arguments of {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replace(byte[] key, int mask, CacheReplaceOptions options, int[] handleOut) {
        if (handles.full()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        int known = CacheReplaceOptions.MASK_REQUEST_HEADERS
                | CacheReplaceOptions.MASK_REPLACE_STRATEGY
                | CacheReplaceOptions.MASK_SERVICE_ID
                | CacheReplaceOptions.MASK_ALWAYS_USE_REQUESTED_RANGE;
        if (key.length > CacheStore.MAX_KEY_LENGTH || (mask & ~known) != 0 || (mask != 0 && options == null)) {
            return FastlyStatus.INVAL;
        }
        if ((mask & CacheReplaceOptions.MASK_SERVICE_ID) != 0) {
            return FastlyStatus.UNSUPPORTED;
        }
        HeaderList headers = new HeaderList();
        if ((mask & CacheReplaceOptions.MASK_REQUEST_HEADERS) != 0) {
            headers = requestHeaders.apply(options.requestHeaders);
            if (headers == null) {
                return FastlyStatus.BADF;
            }
        }
        Replacement.Strategy strategy = Replacement.Strategy.IMMEDIATE;
        if ((mask & CacheReplaceOptions.MASK_REPLACE_STRATEGY) != 0) {
            switch (options.replaceStrategy) {
                case CacheReplaceOptions.STRATEGY_IMMEDIATE:
                    break;
                case CacheReplaceOptions.STRATEGY_IMMEDIATE_FORCE_MISS:
                    strategy = Replacement.Strategy.IMMEDIATE_FORCE_MISS;
                    break;
                case CacheReplaceOptions.STRATEGY_WAIT:
                    strategy = Replacement.Strategy.WAIT;
                    break;
                default:
                    return FastlyStatus.INVAL;
            }
        }
        try {
            Replacement r = store.replace(CacheNamespace.CORE, key, headers, strategy);
            boolean always = (mask & CacheReplaceOptions.MASK_ALWAYS_USE_REQUESTED_RANGE) != 0;
            handleOut[0] = handles.add(new ReplaceHandle(r, always));
            return FastlyStatus.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FastlyStatus.ERROR;
        }
    }

    /**
     * {@code fastly_cache.replace_insert} (consumes the replace handle), with the arguments of
     * {@link io.github.computejava.abi.Hostcalls}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replaceInsert(int handle, int mask, CacheWriteOptions options, int[] bodyOut) {
        ReplaceHandle h = handles.get(handle, ReplaceHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        WriteArgs args = new WriteArgs();
        int status = writeArgs(mask, options, false, args);
        if (status != FastlyStatus.OK) {
            return status;
        }
        try {
            ObjectWriter writer = h.replacement.insert(args.options);
            handles.remove(handle);
            bodyOut[0] = handles.add(writeBody(writer));
            return FastlyStatus.OK;
        } catch (CacheLimitException e) {
            return FastlyStatus.LIMITEXCEEDED;
        }
    }

    /**
     * {@code fastly_cache.replace_get_state}: the state of the object being replaced (0 when there is none).
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replaceGetState(int handle, int[] stateOut) {
        ReplaceHandle h = handles.get(handle, ReplaceHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        int state = 0;
        if (h.replacement.existing().isPresent()) {
            state = CacheLookupState.FOUND
                    | CacheLookupState.USABLE
                    | (h.replacement.isStale() ? CacheLookupState.STALE : 0);
        }
        stateOut[0] = state;
        return FastlyStatus.OK;
    }

    /**
     * {@code fastly_cache.replace_get_age_ns}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replaceGetAgeNs(int handle, long[] out) {
        return replaced(handle, out, o -> o.ageNanos());
    }

    /**
     * {@code fastly_cache.replace_get_hits}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replaceGetHits(int handle, long[] out) {
        return replaced(handle, out, CachedObject::hits);
    }

    /**
     * {@code fastly_cache.replace_get_length}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replaceGetLength(int handle, long[] out) {
        return replaced(handle, out, CachedObject::length);
    }

    /**
     * {@code fastly_cache.replace_get_max_age_ns}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replaceGetMaxAgeNs(int handle, long[] out) {
        return replaced(handle, out, CachedObject::maxAgeNanos);
    }

    /**
     * {@code fastly_cache.replace_get_stale_while_revalidate_ns}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replaceGetStaleWhileRevalidateNs(int handle, long[] out) {
        return replaced(handle, out, CachedObject::staleWhileRevalidateNanos);
    }

    /**
     * {@code fastly_cache.replace_get_user_metadata}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replaceGetUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut) {
        ReplaceHandle h = handles.get(handle, ReplaceHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        CachedObject o = h.replacement.existing().orElse(null);
        return o == null ? FastlyStatus.NONE : metadata(o, buf, len, nwrittenOut);
    }

    /**
     * {@code fastly_cache.replace_get_body}.
     *
     * @return the {@code fastly_status} of the call
     */
    @Override
    public int replaceGetBody(int handle, int mask, byte[] options, int[] bodyOut) {
        ReplaceHandle h = handles.get(handle, ReplaceHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        if ((mask & ~(GET_BODY_FROM | GET_BODY_TO)) != 0 || options == null || options.length < GET_BODY_OPTIONS_SIZE) {
            return FastlyStatus.INVAL;
        }
        CachedObject o = h.replacement.existing().orElse(null);
        if (o == null) {
            return FastlyStatus.NONE;
        }
        if (h.lastBody >= 0 && handles.get(h.lastBody) != null) {
            return FastlyStatus.BADF;
        }
        int status = openBody(o, mask, options, h.alwaysUseRequestedRange, bodyOut);
        if (status == FastlyStatus.OK) {
            h.lastBody = bodyOut[0];
        }
        return status;
    }

    private interface U64 {
        long of(CachedObject o);
    }

    private int replaced(int handle, long[] out, U64 getter) {
        ReplaceHandle h = handles.get(handle, ReplaceHandle.class);
        if (h == null) {
            return FastlyStatus.BADF;
        }
        CachedObject o = h.replacement.existing().orElse(null);
        if (o == null) {
            return FastlyStatus.NONE;
        }
        long v = getter.of(o);
        if (v < 0) {
            return FastlyStatus.NONE;
        }
        out[0] = v;
        return FastlyStatus.OK;
    }

    // ---- internals

    private int add(Object handleObject) {
        open.add(handleObject);
        return handles.add(handleObject);
    }

    private void release(Object o) {
        open.remove(o);
        if (o instanceof CacheHandle) {
            CacheHandle h = (CacheHandle) o;
            if (h.obligation != null) {
                h.obligation.release();
                h.obligation = null;
            }
        } else if (o instanceof BusyHandle) {
            ((BusyHandle) o).pending.cancel();
        }
    }

    private CachedObject found(int handle) {
        CacheHandle h = handles.get(handle, CacheHandle.class);
        return h == null ? null : h.found;
    }

    private int foundStatus(int handle) {
        return handles.get(handle, CacheHandle.class) == null ? FastlyStatus.BADF : FastlyStatus.NONE;
    }

    /** A streaming body handle for the guest to write; a copying task drains it into the object. */
    private BodyBuffer writeBody(ObjectWriter writer) {
        BodyBuffer body = new BodyBuffer();
        body.startStreaming();
        writes.put(body, writers.submit(() -> copy(body, writer)));
        return body;
    }

    /**
     * Called after the guest closed or abandoned a body: if it was a cache write, waits until the object has
     * all its bytes (or is abandoned), so the guest's next call sees the write ended.
     *
     * @param body the body the guest ended
     */
    public void bodyEnded(BodyBuffer body) {
        Future<?> copy = writes.remove(body);
        if (copy == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                copy.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(BodyBuffer from, ObjectWriter to) {
        byte[] buf = new byte[16 * 1024];
        boolean accepting = true;
        try {
            int n;
            while ((n = from.read(buf, 0, buf.length)) >= 0) {
                if (accepting && n > 0 && !to.write(buf, 0, n)) {
                    // the object refused the bytes (too long): keep draining so the guest never blocks
                    accepting = false;
                }
            }
            if (accepting) {
                to.finish();
            }
        } catch (IOException | RuntimeException e) {
            to.abandon();
        }
    }

    private static final class LookupArgs {
        HeaderList headers = new HeaderList();
        boolean alwaysUseRange;
    }

    private int lookupArgs(byte[] key, int mask, CacheLookupOptions options, LookupArgs args) {
        if (key.length > CacheStore.MAX_KEY_LENGTH || (mask & ~KNOWN_LOOKUP_MASK) != 0) {
            return FastlyStatus.INVAL;
        }
        if (mask != 0 && options == null) {
            return FastlyStatus.INVAL;
        }
        if ((mask & CacheLookupOptions.MASK_SERVICE_ID) != 0) {
            return FastlyStatus.UNSUPPORTED;
        }
        if ((mask & CacheLookupOptions.MASK_REQUEST_HEADERS) != 0) {
            HeaderList headers = requestHeaders.apply(options.requestHeaders);
            if (headers == null) {
                return FastlyStatus.BADF;
            }
            args.headers = headers;
        }
        args.alwaysUseRange = (mask & CacheLookupOptions.MASK_ALWAYS_USE_REQUESTED_RANGE) != 0;
        return FastlyStatus.OK;
    }

    private static final class WriteArgs {
        WriteOptions options;
        HeaderList headers;
    }

    private int writeArgs(int mask, CacheWriteOptions o, boolean allowHeaders, WriteArgs args) {
        if ((mask & ~KNOWN_WRITE_MASK) != 0 || o == null) {
            return FastlyStatus.INVAL;
        }
        if ((mask & CacheWriteOptions.MASK_SERVICE_ID) != 0) {
            return FastlyStatus.UNSUPPORTED;
        }
        try {
            WriteOptions.Builder b = WriteOptions.builder(unsigned(o.maxAgeNs));
            if ((mask & CacheWriteOptions.MASK_REQUEST_HEADERS) != 0) {
                if (!allowHeaders) {
                    return FastlyStatus.INVAL;
                }
                args.headers = requestHeaders.apply(o.requestHeaders);
                if (args.headers == null) {
                    return FastlyStatus.BADF;
                }
            }
            if ((mask & CacheWriteOptions.MASK_VARY_RULE) != 0) {
                b.varyRule(VaryRule.parse(new String(o.varyRule, StandardCharsets.ISO_8859_1)));
            }
            if ((mask & CacheWriteOptions.MASK_INITIAL_AGE_NS) != 0) {
                b.initialAgeNanos(unsigned(o.initialAgeNs));
            }
            if ((mask & CacheWriteOptions.MASK_STALE_WHILE_REVALIDATE_NS) != 0) {
                b.staleWhileRevalidateNanos(unsigned(o.staleWhileRevalidateNs));
            }
            if ((mask & CacheWriteOptions.MASK_SURROGATE_KEYS) != 0) {
                b.surrogateKeys(SurrogateKeys.parse(new String(o.surrogateKeys, StandardCharsets.ISO_8859_1)));
            }
            if ((mask & CacheWriteOptions.MASK_LENGTH) != 0) {
                if (o.length < 0) {
                    return FastlyStatus.INVAL;
                }
                b.length(o.length);
            }
            if ((mask & CacheWriteOptions.MASK_USER_METADATA) != 0) {
                b.userMetadata(o.userMetadata);
            }
            b.sensitive((mask & CacheWriteOptions.MASK_SENSITIVE_DATA) != 0);
            if ((mask & CacheWriteOptions.MASK_EDGE_MAX_AGE_NS) != 0) {
                b.edgeMaxAgeNanos(unsigned(o.edgeMaxAgeNs));
            }
            args.options = b.build();
            return FastlyStatus.OK;
        } catch (IllegalArgumentException e) {
            return FastlyStatus.INVAL;
        }
    }

    /** A guest u64 as a non-negative long: values past {@code Long.MAX_VALUE} saturate. */
    private static long unsigned(long v) {
        return v < 0 ? Long.MAX_VALUE : v;
    }

    private static long le64(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
