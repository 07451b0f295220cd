package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheLookupState;
import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.FastlyCache;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.cache.core.CacheLimitExceededException;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.BodyInput;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.MultiValue;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_cache} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and the typed calls over them: {@link LookupArgs} and {@link WriteArgs} lower a call's options to
 * the module's records, {@link Handle} is a looked-up object, transaction or replace, {@link BusyHandle} a lookup
 * still waiting and {@link BodyWriter} the body of an object being written. Statuses are mapped here: a handle the
 * host already released ({@code badf}) closes quietly, {@code limitexceeded} on a write is a {@link
 * CacheLimitExceededException}, and every other failure a {@link io.github.computejava.HostcallException}.
 */
public final class CacheGuest {
    /** {@code cache_lookup_state} found: an object is stored. */
    public static final int FOUND = CacheLookupState.FOUND;
    /** {@code cache_lookup_state} usable: fresh, or stale within its stale-while-revalidate period. */
    public static final int USABLE = CacheLookupState.USABLE;
    /** {@code cache_lookup_state} stale. */
    public static final int STALE = CacheLookupState.STALE;
    /** {@code cache_lookup_state} must_insert_or_update: this transaction holds the obligation. */
    public static final int MUST_INSERT_OR_UPDATE = CacheLookupState.MUST_INSERT_OR_UPDATE;

    private static final int METADATA_BUFFER = 256;
    private static final byte[] NO_RANGE = new byte[FastlyCache.GET_BODY_OPTIONS_SIZE];

    private CacheGuest() {}

    /**
     * Looks an object up ({@code fastly_cache.lookup}).
     *
     * @param key the key
     * @param args the lowered options
     * @return the object, or null when none is stored (its handle then closed)
     * @throws io.github.computejava.HostcallException if the host fails a call
     */
    public static Handle lookup(byte[] key, LookupArgs args) {
        Hostcalls calls = args.calls;
        int[] out = new int[1];
        Statuses.check(calls.cache().lookup(key, args.mask, args.options, out), "fastly_cache.lookup");
        int[] state = new int[1];
        int status = calls.cache().getState(out[0], state);
        if (status != FastlyStatus.OK || (state[0] & FOUND) == 0) {
            calls.cache().close(out[0]);
            Statuses.check(status, "fastly_cache.get_state");
            return null;
        }
        return new Handle(calls, out[0]);
    }

    /**
     * Starts writing an object outside any transaction ({@code fastly_cache.insert}).
     *
     * @param key the key
     * @param args the lowered options
     * @return the object's body
     * @throws CacheLimitExceededException if the key has as many vary rules as it may
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static BodyWriter insert(byte[] key, WriteArgs args) {
        int[] body = new int[1];
        checkWrite(args.calls.cache().insert(key, args.mask, args.options, body), "fastly_cache.insert");
        return new BodyWriter(args.calls, body[0]);
    }

    /**
     * Looks an object up in a transaction and waits for it ({@code fastly_cache.transaction_lookup}).
     *
     * @param key the key
     * @param args the lowered options
     * @return the transaction
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static Handle transactionLookup(byte[] key, LookupArgs args) {
        int[] out = new int[1];
        Statuses.check(
                args.calls.cache().transactionLookup(key, args.mask, args.options, out),
                "fastly_cache.transaction_lookup");
        return new Handle(args.calls, out[0]);
    }

    /**
     * Starts a transactional lookup without waiting ({@code fastly_cache.transaction_lookup_async}).
     *
     * @param key the key
     * @param args the lowered options
     * @return the lookup to wait for
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static BusyHandle transactionLookupAsync(byte[] key, LookupArgs args) {
        int[] out = new int[1];
        Statuses.check(
                args.calls.cache().transactionLookupAsync(key, args.mask, args.options, out),
                "fastly_cache.transaction_lookup_async");
        return new BusyHandle(args.calls, out[0]);
    }

    /**
     * Starts replacing an object ({@code fastly_cache.replace}).
     *
     * @param key the key
     * @param strategy the {@code cache_replace_strategy} (1 immediate, 2 immediate_force_miss, 3 wait)
     * @param args the request headers and range option, lowered
     * @return the replace, whose getters read the object it replaces
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static Handle replace(byte[] key, int strategy, LookupArgs args) {
        CacheReplaceOptions record = new CacheReplaceOptions();
        int mask = CacheReplaceOptions.MASK_REPLACE_STRATEGY;
        record.replaceStrategy = strategy;
        if ((args.mask & CacheLookupOptions.MASK_ALWAYS_USE_REQUESTED_RANGE) != 0) {
            mask |= CacheReplaceOptions.MASK_ALWAYS_USE_REQUESTED_RANGE;
        }
        if (args.request >= 0) {
            record.requestHeaders = args.request;
            mask |= CacheReplaceOptions.MASK_REQUEST_HEADERS;
        }
        int[] out = new int[1];
        Statuses.check(args.calls.cache().replace(key, mask, record, out), "fastly_cache.replace");
        return new Replaced(args.calls, out[0]);
    }

    /** Throws for a failed write hostcall, naming the cache's limits when the host cites one. */
    private static void checkWrite(int status, String hostcall) {
        if (status == FastlyStatus.LIMITEXCEEDED) {
            throw new CacheLimitExceededException("the key already has 8 vary rules, the most one key may have ("
                    + hostcall + " returned limitexceeded)");
        }
        Statuses.check(status, hostcall);
    }

    /**
     * A call's options that may carry request headers: the headers travel in a request handle made for the call,
     * which {@link #close} frees.
     */
    public abstract static class Args implements AutoCloseable {
        final Hostcalls calls;
        int request = -1;

        Args(Hostcalls calls) {
            this.calls = calls;
        }

        /**
         * Starts the request that carries the headers (none yet).
         *
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public final void requestHeaders() {
            int[] out = new int[1];
            Statuses.check(calls.httpReq().new_(out), "fastly_http_req.new");
            request = out[0];
            setRequestHeaders(request);
        }

        /**
         * Adds a header with its values to the request {@link #requestHeaders()} started.
         *
         * @param name the header name
         * @param values its values
         * @throws io.github.computejava.HostcallException if the host rejects the header
         */
        public final void header(String name, List<String> values) {
            byte[] encoded = MultiValue.encode(values);
            int status = calls.httpReq().headerValuesSet(request, Text.latin1(name), encoded, encoded.length);
            if (status != FastlyStatus.OK) {
                calls.httpReq().close(request);
                request = -1;
                throw Statuses.toException(status, "fastly_http_req.header_values_set");
            }
        }

        abstract void setRequestHeaders(int request);

        /** Frees the request that carried the headers. */
        @Override
        public final void close() {
            if (request >= 0) {
                calls.httpReq().close(request);
            }
        }
    }

    /** A lookup's options as {@code cache_lookup_options}. */
    public static final class LookupArgs extends Args {
        final CacheLookupOptions options = new CacheLookupOptions();
        int mask;

        /** Options with nothing set, for the program's host. */
        public LookupArgs() {
            super(Host.calls());
        }

        @Override
        void setRequestHeaders(int request) {
            options.requestHeaders = request;
            mask |= CacheLookupOptions.MASK_REQUEST_HEADERS;
        }

        /** Serves a requested range even while the length is unknown. */
        public void alwaysUseRequestedRange() {
            mask |= CacheLookupOptions.MASK_ALWAYS_USE_REQUESTED_RANGE;
        }
    }

    /** A write's options as {@code cache_write_options}. */
    public static final class WriteArgs extends Args {
        final CacheWriteOptions options = new CacheWriteOptions();
        int mask;

        /**
         * Options with a max age and nothing else set, for the program's host.
         *
         * @param maxAgeNs the max age in nanoseconds
         */
        public WriteArgs(long maxAgeNs) {
            this(Host.calls(), maxAgeNs);
        }

        WriteArgs(Hostcalls calls, long maxAgeNs) {
            super(calls);
            options.maxAgeNs = maxAgeNs;
        }

        @Override
        void setRequestHeaders(int request) {
            options.requestHeaders = request;
            mask |= CacheWriteOptions.MASK_REQUEST_HEADERS;
        }

        /**
         * The vary rule: header names separated by spaces.
         *
         * @param rule the rule
         */
        public void varyRule(String rule) {
            options.varyRule = Text.latin1(rule);
            mask |= CacheWriteOptions.MASK_VARY_RULE;
        }

        /**
         * The object's age when written.
         *
         * @param ns nanoseconds
         */
        public void initialAgeNs(long ns) {
            options.initialAgeNs = ns;
            mask |= CacheWriteOptions.MASK_INITIAL_AGE_NS;
        }

        /**
         * The stale-while-revalidate period.
         *
         * @param ns nanoseconds
         */
        public void staleWhileRevalidateNs(long ns) {
            options.staleWhileRevalidateNs = ns;
            mask |= CacheWriteOptions.MASK_STALE_WHILE_REVALIDATE_NS;
        }

        /**
         * The surrogate keys, separated by spaces.
         *
         * @param keys the keys
         */
        public void surrogateKeys(String keys) {
            options.surrogateKeys = Text.latin1(keys);
            mask |= CacheWriteOptions.MASK_SURROGATE_KEYS;
        }

        /**
         * The body's length, known in advance.
         *
         * @param length bytes
         */
        public void length(long length) {
            options.length = length;
            mask |= CacheWriteOptions.MASK_LENGTH;
        }

        /**
         * The user metadata.
         *
         * @param metadata the bytes
         */
        public void userMetadata(byte[] metadata) {
            options.userMetadata = metadata;
            mask |= CacheWriteOptions.MASK_USER_METADATA;
        }

        /** Marks the object as sensitive data. */
        public void sensitiveData() {
            mask |= CacheWriteOptions.MASK_SENSITIVE_DATA;
        }
    }

    /**
     * A cache handle: an object a lookup found, or a transaction. A replace is a {@link Replaced}, whose getters
     * read the object it replaces; a program that never replaces links none of their hostcalls.
     */
    public static class Handle {
        final Hostcalls calls;
        final int handle;

        Handle(Hostcalls calls, int handle) {
            this.calls = calls;
            this.handle = handle;
        }

        /**
         * Options with a max age for a write on this handle (a transaction's or a replace's), on the host the
         * handle belongs to.
         *
         * @param maxAgeNs the max age in nanoseconds
         * @return the options
         */
        public final WriteArgs writeArgs(long maxAgeNs) {
            return new WriteArgs(calls, maxAgeNs);
        }

        /**
         * The lookup state: {@link #FOUND}, {@link #USABLE}, {@link #STALE}, {@link #MUST_INSERT_OR_UPDATE} bits.
         *
         * @return the state
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public int state() {
            int[] out = new int[1];
            Statuses.check(calls.cache().getState(handle, out), "fastly_cache.get_state");
            return out[0];
        }

        /**
         * The max age (TTL) in nanoseconds.
         *
         * @return the max age
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public long maxAgeNs() {
            long[] o = new long[1];
            Statuses.check(calls.cache().getMaxAgeNs(handle, o), "fastly_cache.get_max_age_ns");
            return o[0];
        }

        /**
         * The age in nanoseconds.
         *
         * @return the age
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public long ageNs() {
            long[] o = new long[1];
            Statuses.check(calls.cache().getAgeNs(handle, o), "fastly_cache.get_age_ns");
            return o[0];
        }

        /**
         * The stale-while-revalidate period in nanoseconds.
         *
         * @return the period
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public long staleWhileRevalidateNs() {
            long[] o = new long[1];
            Statuses.check(
                    calls.cache().getStaleWhileRevalidateNs(handle, o), "fastly_cache.get_stale_while_revalidate_ns");
            return o[0];
        }

        /**
         * How many lookups found the object.
         *
         * @return the hit count
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public long hits() {
            long[] o = new long[1];
            Statuses.check(calls.cache().getHits(handle, o), "fastly_cache.get_hits");
            return o[0];
        }

        /**
         * The body's length.
         *
         * @return the length, or empty while unknown ({@code none})
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public OptionalLong length() {
            long[] out = new long[1];
            return length(calls.cache().getLength(handle, out), out, "fastly_cache.get_length");
        }

        /**
         * The user metadata, of any length (retried with the size the host asks for).
         *
         * @return the bytes (empty when none)
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public byte[] userMetadata() {
            return orEmpty(AdaptiveBuffer.get(
                    (buf, len, nw) -> calls.cache().getUserMetadata(handle, buf, len, nw),
                    METADATA_BUFFER,
                    "fastly_cache.get_user_metadata"));
        }

        /**
         * The body, or a range of it.
         *
         * @param useFrom whether {@code from} applies
         * @param from the first offset
         * @param useTo whether {@code to} applies
         * @param to the last offset (with {@code from} unset, the count of bytes from the end)
         * @return a stream to read and close
         * @throws IllegalStateException if another body stream of the object is still open ({@code badf})
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public final InputStream body(boolean useFrom, long from, boolean useTo, long to) {
            int mask = (useFrom ? FastlyCache.GET_BODY_FROM : 0) | (useTo ? FastlyCache.GET_BODY_TO : 0);
            int[] out = new int[1];
            int status = getBody(mask, mask == 0 ? NO_RANGE : range(from, to), out);
            String hostcall = bodyHostcall();
            if (status == FastlyStatus.BADF) {
                throw new IllegalStateException("another body stream of this cached object is still open;"
                        + " close it first (" + hostcall + " returned badf)");
            }
            Statuses.check(status, hostcall);
            return BodyInput.ofCachedObject(calls, out[0]);
        }

        int getBody(int mask, byte[] options, int[] out) {
            return calls.cache().getBody(handle, mask, options, out);
        }

        String bodyHostcall() {
            return "fastly_cache.get_body";
        }

        static OptionalLong length(int status, long[] out, String hostcall) {
            if (status == FastlyStatus.NONE) {
                return OptionalLong.empty();
            }
            Statuses.check(status, hostcall);
            return OptionalLong.of(out[0]);
        }

        static byte[] orEmpty(byte[] metadata) {
            return metadata == null ? new byte[0] : metadata;
        }

        /**
         * Writes the object this transaction must insert ({@code fastly_cache.transaction_insert}).
         *
         * @param args the lowered options
         * @return the object's body
         * @throws CacheLimitExceededException if the key has as many vary rules as it may
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public BodyWriter transactionInsert(WriteArgs args) {
            int[] body = new int[1];
            checkWrite(
                    calls.cache().transactionInsert(handle, args.mask, args.options, body),
                    "fastly_cache.transaction_insert");
            return new BodyWriter(calls, body[0]);
        }

        /**
         * Writes the object and reads it back as it is written ({@code
         * fastly_cache.transaction_insert_and_stream_back}).
         *
         * @param args the lowered options
         * @return the object's body and the object found
         * @throws CacheLimitExceededException if the key has as many vary rules as it may
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public StreamBack transactionInsertAndStreamBack(WriteArgs args) {
            int[] body = new int[1];
            int[] back = new int[1];
            checkWrite(
                    calls.cache().transactionInsertAndStreamBack(handle, args.mask, args.options, body, back),
                    "fastly_cache.transaction_insert_and_stream_back");
            return new StreamBack(new BodyWriter(calls, body[0]), new Handle(calls, back[0]));
        }

        /**
         * Updates the found object's metadata ({@code fastly_cache.transaction_update}).
         *
         * @param args the lowered options
         * @throws CacheLimitExceededException if the key has as many vary rules as it may
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public void transactionUpdate(WriteArgs args) {
            checkWrite(
                    calls.cache().transactionUpdate(handle, args.mask, args.options),
                    "fastly_cache.transaction_update");
        }

        /**
         * Gives the obligation up ({@code fastly_cache.transaction_cancel}).
         *
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public void transactionCancel() {
            Statuses.check(calls.cache().transactionCancel(handle), "fastly_cache.transaction_cancel");
        }

        /**
         * Writes the replacement ({@code fastly_cache.replace_insert}).
         *
         * @param args the lowered options
         * @return the object's body
         * @throws CacheLimitExceededException if the key has as many vary rules as it may
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public BodyWriter replaceInsert(WriteArgs args) {
            int[] body = new int[1];
            checkWrite(
                    calls.cache().replaceInsert(handle, args.mask, args.options, body), "fastly_cache.replace_insert");
            return new BodyWriter(calls, body[0]);
        }

        /**
         * Releases the handle; one the host already released ({@code badf}) is not an error.
         *
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public void close() {
            int status = calls.cache().close(handle);
            if (status != FastlyStatus.OK && status != FastlyStatus.BADF) {
                throw Statuses.toException(status, "fastly_cache.close");
            }
        }

        private static byte[] range(long from, long to) {
            byte[] b = new byte[FastlyCache.GET_BODY_OPTIONS_SIZE];
            for (int i = 0; i < 8; i++) {
                b[FastlyCache.GET_BODY_OPTIONS_OFF_FROM + i] = (byte) (from >>> (8 * i));
                b[FastlyCache.GET_BODY_OPTIONS_OFF_TO + i] = (byte) (to >>> (8 * i));
            }
            return b;
        }
    }

    /** A replace: its getters are the {@code replace_get_*} hostcalls, reading the object it replaces. */
    public static final class Replaced extends Handle {
        Replaced(Hostcalls calls, int handle) {
            super(calls, handle);
        }

        @Override
        public int state() {
            int[] out = new int[1];
            Statuses.check(calls.cache().replaceGetState(handle, out), "fastly_cache.replace_get_state");
            return out[0];
        }

        @Override
        public long maxAgeNs() {
            long[] o = new long[1];
            Statuses.check(calls.cache().replaceGetMaxAgeNs(handle, o), "fastly_cache.replace_get_max_age_ns");
            return o[0];
        }

        @Override
        public long ageNs() {
            long[] o = new long[1];
            Statuses.check(calls.cache().replaceGetAgeNs(handle, o), "fastly_cache.replace_get_age_ns");
            return o[0];
        }

        @Override
        public long staleWhileRevalidateNs() {
            long[] o = new long[1];
            Statuses.check(
                    calls.cache().replaceGetStaleWhileRevalidateNs(handle, o),
                    "fastly_cache.replace_get_stale_while_revalidate_ns");
            return o[0];
        }

        @Override
        public long hits() {
            long[] o = new long[1];
            Statuses.check(calls.cache().replaceGetHits(handle, o), "fastly_cache.replace_get_hits");
            return o[0];
        }

        @Override
        public OptionalLong length() {
            long[] out = new long[1];
            return length(calls.cache().replaceGetLength(handle, out), out, "fastly_cache.replace_get_length");
        }

        @Override
        public byte[] userMetadata() {
            return orEmpty(AdaptiveBuffer.get(
                    (buf, len, nw) -> calls.cache().replaceGetUserMetadata(handle, buf, len, nw),
                    METADATA_BUFFER,
                    "fastly_cache.replace_get_user_metadata"));
        }

        @Override
        int getBody(int mask, byte[] options, int[] out) {
            return calls.cache().replaceGetBody(handle, mask, options, out);
        }

        @Override
        String bodyHostcall() {
            return "fastly_cache.replace_get_body";
        }
    }

    /** What {@link Handle#transactionInsertAndStreamBack} answers: the body to write and the object to read. */
    public static final class StreamBack {
        /** The body to write. */
        public final BodyWriter body;
        /** The object, read as it is written. */
        public final Handle found;

        StreamBack(BodyWriter body, Handle found) {
            this.body = body;
            this.found = found;
        }
    }

    /** A transactional lookup still waiting ({@code cache_busy_handle}). */
    public static final class BusyHandle {
        private final Hostcalls calls;
        private final int handle;

        BusyHandle(Hostcalls calls, int handle) {
            this.calls = calls;
            this.handle = handle;
        }

        /**
         * Waits for the lookup ({@code fastly_cache.cache_busy_handle_wait}).
         *
         * @return the transaction
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public Handle await() {
            int[] out = new int[1];
            Statuses.check(calls.cache().cacheBusyHandleWait(handle, out), "fastly_cache.cache_busy_handle_wait");
            return new Handle(calls, out[0]);
        }

        /**
         * Drops the lookup; one the host already released ({@code badf}) is not an error.
         *
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public void close() {
            int status = calls.cache().closeBusy(handle);
            if (status != FastlyStatus.OK && status != FastlyStatus.BADF) {
                throw Statuses.toException(status, "fastly_cache.close_busy");
            }
        }
    }

    /** The body of an object being written to the cache (a {@code fastly_http_body} handle). */
    public static final class BodyWriter {
        private final Hostcalls calls;
        private final int handle;
        private final int[] nwritten = new int[1];

        BodyWriter(Hostcalls calls, int handle) {
            this.calls = calls;
            this.handle = handle;
        }

        /**
         * Appends all of {@code len} bytes from {@code off}.
         *
         * @throws io.github.computejava.HostcallException if the host fails a write or makes no progress
         */
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                Statuses.check(calls.httpBody().write(handle, b, off, len, 0, nwritten), "fastly_http_body.write");
                int n = nwritten[0];
                if (n <= 0 || n > len) {
                    throw Statuses.toException(FastlyStatus.ERROR, "fastly_http_body.write");
                }
                off += n;
                len -= n;
            }
        }

        /**
         * Ends the body: the object is complete.
         *
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public void close() {
            Statuses.check(calls.httpBody().close(handle), "fastly_http_body.close");
        }

        /**
         * Abandons the body: the object is dropped; a body the host already released ({@code badf}) is not an
         * error.
         *
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public void abandon() {
            int status = calls.httpBody().abandon(handle);
            if (status != FastlyStatus.OK && status != FastlyStatus.BADF) {
                throw Statuses.toException(status, "fastly_http_body.abandon");
            }
        }
    }

    /**
     * The {@code fastly_cache} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyCache {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // lookup(cache_key: list u8, options_mask: cache_lookup_options_mask, options: ptr cache_lookup_options)
        //   -> (status, cache_handle)
        @Import(module = "fastly_cache", name = "lookup")
        private static native int lookupImport(Address key, int keyLen, int mask, Address options, Address handleOut);

        @Override
        public int lookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut) {
            int[] record = new int[CacheLookupOptions.SIZE / 4];
            layOut(record, options);
            return lookupImport(
                    Address.ofData(key), key.length, optionsMask, Address.ofData(record), Address.ofData(handleOut));
        }

        // insert(cache_key: list u8, options_mask: cache_write_options_mask, options: ptr cache_write_options)
        //   -> (status, body_handle)
        @Import(module = "fastly_cache", name = "insert")
        private static native int insertImport(Address key, int keyLen, int mask, Address options, Address bodyOut);

        @Override
        public int insert(byte[] key, int optionsMask, CacheWriteOptions options, int[] bodyOut) {
            long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return insertImport(Address.ofData(key), key.length, optionsMask, r, Address.ofData(bodyOut));
        }

        // transaction_lookup(cache_key: list u8, options_mask, options: ptr cache_lookup_options)
        //   -> (status, cache_handle)
        @Import(module = "fastly_cache", name = "transaction_lookup")
        private static native int transactionLookupImport(
                Address key, int keyLen, int mask, Address options, Address handleOut);

        @Override
        public int transactionLookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut) {
            int[] record = new int[CacheLookupOptions.SIZE / 4];
            layOut(record, options);
            return transactionLookupImport(
                    Address.ofData(key), key.length, optionsMask, Address.ofData(record), Address.ofData(handleOut));
        }

        // transaction_lookup_async(cache_key: list u8, options_mask, options: ptr cache_lookup_options)
        //   -> (status, cache_busy_handle)
        @Import(module = "fastly_cache", name = "transaction_lookup_async")
        private static native int transactionLookupAsyncImport(
                Address key, int keyLen, int mask, Address options, Address busyOut);

        @Override
        public int transactionLookupAsync(byte[] key, int optionsMask, CacheLookupOptions options, int[] busyOut) {
            int[] record = new int[CacheLookupOptions.SIZE / 4];
            layOut(record, options);
            return transactionLookupAsyncImport(
                    Address.ofData(key), key.length, optionsMask, Address.ofData(record), Address.ofData(busyOut));
        }

        // cache_busy_handle_wait(busy_handle: cache_busy_handle) -> (status, cache_handle)
        @Import(module = "fastly_cache", name = "cache_busy_handle_wait")
        private static native int cacheBusyHandleWaitImport(int busy, Address handleOut);

        @Override
        public int cacheBusyHandleWait(int busy, int[] handleOut) {
            return cacheBusyHandleWaitImport(busy, Address.ofData(handleOut));
        }

        // transaction_insert(h: cache_handle, options_mask, options: ptr cache_write_options) -> (status, body_handle)
        @Import(module = "fastly_cache", name = "transaction_insert")
        private static native int transactionInsertImport(int handle, int mask, Address options, Address bodyOut);

        @Override
        public int transactionInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut) {
            long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return transactionInsertImport(handle, optionsMask, r, Address.ofData(bodyOut));
        }

        // transaction_insert_and_stream_back(h: cache_handle, options_mask, options: ptr cache_write_options)
        //   -> (status, body_handle, cache_handle)
        @Import(module = "fastly_cache", name = "transaction_insert_and_stream_back")
        private static native int transactionInsertAndStreamBackImport(
                int handle, int mask, Address options, Address bodyOut, Address handleOut);

        @Override
        public int transactionInsertAndStreamBack(
                int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut, int[] handleOut) {
            long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return transactionInsertAndStreamBackImport(
                    handle, optionsMask, r, Address.ofData(bodyOut), Address.ofData(handleOut));
        }

        // transaction_update(h: cache_handle, options_mask, options: ptr cache_write_options) -> status
        @Import(module = "fastly_cache", name = "transaction_update")
        private static native int transactionUpdateImport(int handle, int mask, Address options);

        @Override
        public int transactionUpdate(int handle, int optionsMask, CacheWriteOptions options) {
            long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return transactionUpdateImport(handle, optionsMask, r);
        }

        // transaction_cancel(h: cache_handle) -> status
        @Import(module = "fastly_cache", name = "transaction_cancel")
        private static native int transactionCancelImport(int handle);

        @Override
        public int transactionCancel(int handle) {
            return transactionCancelImport(handle);
        }

        // close_busy(h: cache_busy_handle) -> status
        @Import(module = "fastly_cache", name = "close_busy")
        private static native int closeBusyImport(int busy);

        @Override
        public int closeBusy(int busy) {
            return closeBusyImport(busy);
        }

        // close(h: cache_handle) -> status
        @Import(module = "fastly_cache", name = "close")
        private static native int closeImport(int handle);

        @Override
        public int close(int handle) {
            return closeImport(handle);
        }

        // get_state(h: cache_handle) -> (status, cache_lookup_state)
        @Import(module = "fastly_cache", name = "get_state")
        private static native int getStateImport(int handle, Address stateOut);

        @Override
        public int getState(int handle, int[] stateOut) {
            return getStateImport(handle, Address.ofData(stateOut));
        }

        // get_user_metadata(h, user_metadata_out_ptr: ptr u8, user_metadata_out_len: usize, nwritten_out: ptr usize)
        //   -> status
        @Import(module = "fastly_cache", name = "get_user_metadata")
        private static native int getUserMetadataImport(int handle, Address buf, int len, Address nwrittenOut);

        @Override
        public int getUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut) {
            return getUserMetadataImport(handle, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // get_body(h, options_mask: cache_get_body_options_mask, options: cache_get_body_options {from u64, to u64})
        //   -> (status, body_handle)
        @Import(module = "fastly_cache", name = "get_body")
        private static native int getBodyImport(int handle, int mask, Address options, Address bodyOut);

        @Override
        public int getBody(int handle, int optionsMask, byte[] options, int[] bodyOut) {
            long[] record = new long[3];
            Address r = aligned(record);
            for (int i = 0; i < 16; i++) {
                r.add(i).putByte(options[i]);
            }
            return getBodyImport(handle, optionsMask, r, Address.ofData(bodyOut));
        }

        // get_length(h) -> (status, cache_object_length u64)
        @Import(module = "fastly_cache", name = "get_length")
        private static native int getLengthImport(int handle, Address out);

        @Override
        public int getLength(int handle, long[] lengthOut) {
            long[] slot = new long[2];
            int status = getLengthImport(handle, aligned(slot));
            lengthOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_max_age_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_cache", name = "get_max_age_ns")
        private static native int getMaxAgeNsImport(int handle, Address out);

        @Override
        public int getMaxAgeNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = getMaxAgeNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_cache", name = "get_stale_while_revalidate_ns")
        private static native int getStaleWhileRevalidateNsImport(int handle, Address out);

        @Override
        public int getStaleWhileRevalidateNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = getStaleWhileRevalidateNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_age_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_cache", name = "get_age_ns")
        private static native int getAgeNsImport(int handle, Address out);

        @Override
        public int getAgeNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = getAgeNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_hits(h) -> (status, cache_hit_count u64)
        @Import(module = "fastly_cache", name = "get_hits")
        private static native int getHitsImport(int handle, Address out);

        @Override
        public int getHits(int handle, long[] hitsOut) {
            long[] slot = new long[2];
            int status = getHitsImport(handle, aligned(slot));
            hitsOut[0] = aligned(slot).getLong();
            return status;
        }

        // replace(cache_key: list u8, options_mask: cache_replace_options_mask, options: ptr cache_replace_options)
        //   -> (status, cache_replace_handle)
        @Import(module = "fastly_cache", name = "replace")
        private static native int replaceImport(Address key, int keyLen, int mask, Address options, Address handleOut);

        @Override
        public int replace(byte[] key, int optionsMask, CacheReplaceOptions options, int[] handleOut) {
            int[] record = new int[CacheReplaceOptions.SIZE / 4];
            record[CacheReplaceOptions.OFF_REQUEST_HEADERS / 4] = options.requestHeaders;
            record[CacheReplaceOptions.OFF_REPLACE_STRATEGY / 4] = options.replaceStrategy;
            record[CacheReplaceOptions.OFF_SERVICE_ID / 4] =
                    Address.ofData(options.serviceId).toInt();
            record[CacheReplaceOptions.OFF_SERVICE_ID_LEN / 4] = options.serviceId.length;
            return replaceImport(
                    Address.ofData(key), key.length, optionsMask, Address.ofData(record), Address.ofData(handleOut));
        }

        // replace_insert(h: cache_replace_handle, options_mask, options: ptr cache_write_options) -> (status,
        // body_handle)
        @Import(module = "fastly_cache", name = "replace_insert")
        private static native int replaceInsertImport(int handle, int mask, Address options, Address bodyOut);

        @Override
        public int replaceInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut) {
            long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return replaceInsertImport(handle, optionsMask, r, Address.ofData(bodyOut));
        }

        // replace_get_age_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_cache", name = "replace_get_age_ns")
        private static native int replaceGetAgeNsImport(int handle, Address out);

        @Override
        public int replaceGetAgeNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = replaceGetAgeNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // replace_get_body(h, options_mask: cache_get_body_options_mask, options: cache_get_body_options)
        //   -> (status, body_handle)
        @Import(module = "fastly_cache", name = "replace_get_body")
        private static native int replaceGetBodyImport(int handle, int mask, Address options, Address bodyOut);

        @Override
        public int replaceGetBody(int handle, int optionsMask, byte[] options, int[] bodyOut) {
            long[] record = new long[3];
            Address r = aligned(record);
            for (int i = 0; i < 16; i++) {
                r.add(i).putByte(options[i]);
            }
            return replaceGetBodyImport(handle, optionsMask, r, Address.ofData(bodyOut));
        }

        // replace_get_hits(h) -> (status, cache_hit_count u64)
        @Import(module = "fastly_cache", name = "replace_get_hits")
        private static native int replaceGetHitsImport(int handle, Address out);

        @Override
        public int replaceGetHits(int handle, long[] hitsOut) {
            long[] slot = new long[2];
            int status = replaceGetHitsImport(handle, aligned(slot));
            hitsOut[0] = aligned(slot).getLong();
            return status;
        }

        // replace_get_length(h) -> (status, cache_object_length u64)
        @Import(module = "fastly_cache", name = "replace_get_length")
        private static native int replaceGetLengthImport(int handle, Address out);

        @Override
        public int replaceGetLength(int handle, long[] lengthOut) {
            long[] slot = new long[2];
            int status = replaceGetLengthImport(handle, aligned(slot));
            lengthOut[0] = aligned(slot).getLong();
            return status;
        }

        // replace_get_max_age_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_cache", name = "replace_get_max_age_ns")
        private static native int replaceGetMaxAgeNsImport(int handle, Address out);

        @Override
        public int replaceGetMaxAgeNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = replaceGetMaxAgeNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // replace_get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_cache", name = "replace_get_stale_while_revalidate_ns")
        private static native int replaceGetStaleWhileRevalidateNsImport(int handle, Address out);

        @Override
        public int replaceGetStaleWhileRevalidateNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = replaceGetStaleWhileRevalidateNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // replace_get_state(h) -> (status, cache_lookup_state)
        @Import(module = "fastly_cache", name = "replace_get_state")
        private static native int replaceGetStateImport(int handle, Address stateOut);

        @Override
        public int replaceGetState(int handle, int[] stateOut) {
            return replaceGetStateImport(handle, Address.ofData(stateOut));
        }

        // replace_get_user_metadata(h, user_metadata_out_ptr, user_metadata_out_len, nwritten_out) -> status
        @Import(module = "fastly_cache", name = "replace_get_user_metadata")
        private static native int replaceGetUserMetadataImport(int handle, Address buf, int len, Address nwrittenOut);

        @Override
        public int replaceGetUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut) {
            return replaceGetUserMetadataImport(handle, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        /** {@code cache_lookup_options} into the int[] {@code record} (all u32 fields, so 4-aligned will do). */
        private static void layOut(int[] record, CacheLookupOptions o) {
            record[CacheLookupOptions.OFF_REQUEST_HEADERS / 4] = o.requestHeaders;
            record[CacheLookupOptions.OFF_SERVICE_ID / 4] =
                    Address.ofData(o.serviceId).toInt();
            record[CacheLookupOptions.OFF_SERVICE_ID_LEN / 4] = o.serviceId.length;
        }

        /** {@code cache_write_options} at the 8-aligned {@code r}, see {@link CacheWriteOptions}. */
        private static void layOut(Address r, CacheWriteOptions o) {
            r.add(CacheWriteOptions.OFF_MAX_AGE_NS).putLong(o.maxAgeNs);
            r.add(CacheWriteOptions.OFF_REQUEST_HEADERS).putInt(o.requestHeaders);
            r.add(CacheWriteOptions.OFF_VARY_RULE)
                    .putInt(Address.ofData(o.varyRule).toInt());
            r.add(CacheWriteOptions.OFF_VARY_RULE_LEN).putInt(o.varyRule.length);
            r.add(CacheWriteOptions.OFF_INITIAL_AGE_NS).putLong(o.initialAgeNs);
            r.add(CacheWriteOptions.OFF_STALE_WHILE_REVALIDATE_NS).putLong(o.staleWhileRevalidateNs);
            r.add(CacheWriteOptions.OFF_SURROGATE_KEYS)
                    .putInt(Address.ofData(o.surrogateKeys).toInt());
            r.add(CacheWriteOptions.OFF_SURROGATE_KEYS_LEN).putInt(o.surrogateKeys.length);
            r.add(CacheWriteOptions.OFF_LENGTH).putLong(o.length);
            r.add(CacheWriteOptions.OFF_USER_METADATA)
                    .putInt(Address.ofData(o.userMetadata).toInt());
            r.add(CacheWriteOptions.OFF_USER_METADATA_LEN).putInt(o.userMetadata.length);
            r.add(CacheWriteOptions.OFF_EDGE_MAX_AGE_NS).putLong(o.edgeMaxAgeNs);
            r.add(CacheWriteOptions.OFF_SERVICE_ID)
                    .putInt(Address.ofData(o.serviceId).toInt());
            r.add(CacheWriteOptions.OFF_SERVICE_ID_LEN).putInt(o.serviceId.length);
        }
    }
}
