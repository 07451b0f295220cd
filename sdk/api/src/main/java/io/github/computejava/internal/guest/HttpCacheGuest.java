package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;

import io.github.computejava.abi.CacheLookupState;
import io.github.computejava.abi.FastlyHttpCache;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.HttpCacheLookupOptions;
import io.github.computejava.abi.HttpCacheWriteOptions;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_http_cache} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class HttpCacheGuest {
    private HttpCacheGuest() {}

    /** Which stored duration {@link #durationNs} reads. */
    public static final int MAX_AGE = 0;

    /** {@code get_age_ns}. */
    public static final int AGE = 1;

    /** {@code get_stale_while_revalidate_ns}. */
    public static final int STALE_WHILE_REVALIDATE = 2;

    /** {@code get_stale_if_error_ns}. */
    public static final int STALE_IF_ERROR = 3;

    /**
     * One of the durations of the response a cache handle found or stored, in nanoseconds.
     *
     * @param handle an {@code http_cache_handle}
     * @param which {@link #MAX_AGE}, {@link #AGE}, {@link #STALE_WHILE_REVALIDATE} or {@link #STALE_IF_ERROR}
     * @return the duration, or -1 when the handle has no response ({@code none}) or the host keeps no such value
     *     ({@code unsupported})
     * @throws io.github.computejava.HostcallException if the host fails the call otherwise
     */
    public static long durationNs(int handle, int which) {
        FastlyHttpCache c = Host.calls().httpCache();
        long[] out = new long[1];
        int status;
        String name;
        switch (which) {
            case MAX_AGE:
                status = c.getMaxAgeNs(handle, out);
                name = "fastly_http_cache.get_max_age_ns";
                break;
            case AGE:
                status = c.getAgeNs(handle, out);
                name = "fastly_http_cache.get_age_ns";
                break;
            case STALE_WHILE_REVALIDATE:
                status = c.getStaleWhileRevalidateNs(handle, out);
                name = "fastly_http_cache.get_stale_while_revalidate_ns";
                break;
            default:
                status = c.getStaleIfErrorNs(handle, out);
                name = "fastly_http_cache.get_stale_if_error_ns";
        }
        if (status == FastlyStatus.NONE || status == FastlyStatus.UNSUPPORTED) {
            return -1;
        }
        Statuses.check(status, name);
        return out[0];
    }

    /**
     * The vary rule of the response a cache handle found: the request header names it varies on, space-separated.
     *
     * @param handle an {@code http_cache_handle}
     * @return the rule, empty when it varies on nothing, or null when the handle has no response
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static String varyRule(int handle) {
        byte[] b = AdaptiveBuffer.get(
                (buf, len, nw) -> Host.calls().httpCache().getVaryRule(handle, buf, len, nw),
                64,
                "fastly_http_cache.get_vary_rule");
        return b == null ? null : Text.latin1(b, 0, b.length);
    }

    /**
     * The surrogate keys of the response a cache handle found, space-separated.
     *
     * @param handle an {@code http_cache_handle}
     * @return the keys, or null when the handle has no response
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static String surrogateKeys(int handle) {
        byte[] b = AdaptiveBuffer.get(
                (buf, len, nw) -> Host.calls().httpCache().getSurrogateKeys(handle, buf, len, nw),
                256,
                "fastly_http_cache.get_surrogate_keys");
        return b == null ? null : Text.latin1(b, 0, b.length);
    }

    /** {@code cache_lookup_state} bit: the stored response is stale. */
    public static final int STALE = CacheLookupState.STALE;

    /** {@code cache_lookup_state} bit: this request was chosen to insert or update the response. */
    public static final int MUST_INSERT_OR_UPDATE = CacheLookupState.MUST_INSERT_OR_UPDATE;

    /** {@code cache_lookup_state} bit: the stale response may stand in for a failing backend. */
    public static final int USABLE_IF_ERROR = CacheLookupState.USABLE_IF_ERROR;

    /** {@code http_storage_action} insert. */
    public static final int INSERT = FastlyHttpCache.STORAGE_INSERT;

    /** {@code http_storage_action} update. */
    public static final int UPDATE = FastlyHttpCache.STORAGE_UPDATE;

    /** {@code http_storage_action} do_not_store. */
    public static final int DO_NOT_STORE = FastlyHttpCache.STORAGE_DO_NOT_STORE;

    /** {@code http_storage_action} record_uncacheable. */
    public static final int RECORD_UNCACHEABLE = FastlyHttpCache.STORAGE_RECORD_UNCACHEABLE;

    /**
     * The write options of a stored response ({@code http_cache_write_options}) as Java values: what the host
     * suggests, or what the program stores. The vary rule, surrogate keys, initial age and stale periods are always
     * given; the length when known.
     */
    public static final class WriteOptions {
        /** The max-age, in nanoseconds. */
        public long maxAgeNs;
        /** The age the response already has, in nanoseconds. */
        public long initialAgeNs;
        /** The stale-while-revalidate period, in nanoseconds. */
        public long staleWhileRevalidateNs;
        /** The stale-if-error period, in nanoseconds. */
        public long staleIfErrorNs;
        /** The request header names it varies on, space-separated. */
        public String varyRule = "";
        /** The surrogate keys, space-separated. */
        public String surrogateKeys = "";
        /** Whether it is sensitive data. */
        public boolean sensitive;
        /** The body's length, or -1 when unknown. */
        public long length = -1;

        /** The record and, in {@code maskOut[0]}, its mask. */
        HttpCacheWriteOptions lower(int[] maskOut) {
            HttpCacheWriteOptions o = new HttpCacheWriteOptions();
            int mask = HttpCacheWriteOptions.INITIAL_AGE_NS
                    | HttpCacheWriteOptions.STALE_WHILE_REVALIDATE_NS
                    | HttpCacheWriteOptions.STALE_IF_ERROR_NS
                    | HttpCacheWriteOptions.VARY_RULE
                    | HttpCacheWriteOptions.SURROGATE_KEYS;
            o.maxAgeNs = maxAgeNs;
            o.initialAgeNs = initialAgeNs;
            o.staleWhileRevalidateNs = staleWhileRevalidateNs;
            o.staleIfErrorNs = staleIfErrorNs;
            o.varyRule = Text.latin1(varyRule);
            o.varyRuleLen = o.varyRule.length;
            o.surrogateKeys = Text.latin1(surrogateKeys);
            o.surrogateKeysLen = o.surrogateKeys.length;
            if (sensitive) {
                mask |= HttpCacheWriteOptions.SENSITIVE_DATA;
            }
            if (length >= 0) {
                o.length = length;
                mask |= HttpCacheWriteOptions.LENGTH;
            }
            maskOut[0] = mask;
            return o;
        }
    }

    /**
     * {@code is_request_cacheable}.
     *
     * @param req the request handle
     * @return whether the cache may store a response to it
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static boolean isRequestCacheable(int req) {
        int[] out = new int[1];
        Statuses.check(Host.calls().httpCache().isRequestCacheable(req, out), "fastly_http_cache.is_request_cacheable");
        return out[0] != 0;
    }

    /**
     * {@code transaction_lookup}: looks the request up, collapsing with concurrent lookups of it.
     *
     * @param req the request handle
     * @param backend the backend's name, Latin-1
     * @param overrideKey the cache key to use instead of the request's, or null
     * @return the cache handle
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int transactionLookup(int req, byte[] backend, byte[] overrideKey) {
        HttpCacheLookupOptions lookup = new HttpCacheLookupOptions();
        int mask = HttpCacheLookupOptions.BACKEND_NAME;
        lookup.backendName = backend;
        if (overrideKey != null) {
            lookup.overrideKey = overrideKey;
            mask |= HttpCacheLookupOptions.OVERRIDE_KEY;
        }
        int[] out = new int[1];
        Statuses.check(
                Host.calls().httpCache().transactionLookup(req, mask, lookup, out),
                "fastly_http_cache.transaction_lookup");
        return out[0];
    }

    /**
     * {@code get_state}.
     *
     * @param handle the cache handle
     * @return the {@code cache_lookup_state} bits ({@link #STALE}, {@link #MUST_INSERT_OR_UPDATE}, ...)
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int state(int handle) {
        int[] out = new int[1];
        Statuses.check(Host.calls().httpCache().getState(handle, out), "fastly_http_cache.get_state");
        return out[0];
    }

    /**
     * {@code get_found_response}, transformed for the client.
     *
     * @param handle the cache handle
     * @return the response and body handles, or null when the handle found none ({@code none})
     * @throws io.github.computejava.HostcallException if the host fails the call otherwise
     */
    public static int[] foundResponse(int handle) {
        int[] resp = new int[1];
        int[] body = new int[1];
        int status = Host.calls().httpCache().getFoundResponse(handle, 1, resp, body);
        if (status == FastlyStatus.NONE) {
            return null;
        }
        Statuses.check(status, "fastly_http_cache.get_found_response");
        return new int[] {resp[0], body[0]};
    }

    /**
     * {@code get_hits}.
     *
     * @param handle the cache handle
     * @return how many times the stored response was served
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static long hits(int handle) {
        long[] out = new long[1];
        Statuses.check(Host.calls().httpCache().getHits(handle, out), "fastly_http_cache.get_hits");
        return out[0];
    }

    /**
     * {@code get_suggested_backend_request}.
     *
     * @param handle the cache handle
     * @return the request handle
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int suggestedBackendRequest(int handle) {
        int[] out = new int[1];
        Statuses.check(
                Host.calls().httpCache().getSuggestedBackendRequest(handle, out),
                "fastly_http_cache.get_suggested_backend_request");
        return out[0];
    }

    /**
     * {@code prepare_response_for_storage}.
     *
     * @param handle the cache handle
     * @param resp the backend's response handle
     * @return the storage action ({@link #INSERT}, ...) and the prepared response's handle
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int[] prepareResponseForStorage(int handle, int resp) {
        int[] action = new int[1];
        int[] prepared = new int[1];
        Statuses.check(
                Host.calls().httpCache().prepareResponseForStorage(handle, resp, action, prepared),
                "fastly_http_cache.prepare_response_for_storage");
        return new int[] {action[0], prepared[0]};
    }

    /**
     * The host's suggested write options for a response ({@code get_suggested_cache_options}), growing the
     * buffers on {@code buflen}.
     *
     * @param handle the cache handle
     * @param resp the response handle
     * @param varyLen the first size of the vary rule's buffer
     * @param keysLen the first size of the surrogate keys' buffer
     * @return the options
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static WriteOptions suggestedOptions(int handle, int resp, int varyLen, int keysLen) {
        FastlyHttpCache c = Host.calls().httpCache();
        HttpCacheWriteOptions in = new HttpCacheWriteOptions();
        in.varyRule = new byte[varyLen];
        in.varyRuleLen = varyLen;
        in.surrogateKeys = new byte[keysLen];
        in.surrogateKeysLen = keysLen;
        HttpCacheWriteOptions out = new HttpCacheWriteOptions();
        int[] maskOut = new int[1];
        for (int attempt = 0; attempt < 3; attempt++) {
            int status = c.getSuggestedCacheOptions(handle, resp, HttpCacheWriteOptions.ALL, in, maskOut, out);
            if (status == FastlyStatus.OK) {
                WriteOptions o = new WriteOptions();
                o.maxAgeNs = out.maxAgeNs;
                o.initialAgeNs = out.initialAgeNs;
                o.staleWhileRevalidateNs = out.staleWhileRevalidateNs;
                o.staleIfErrorNs = out.staleIfErrorNs;
                if ((maskOut[0] & HttpCacheWriteOptions.VARY_RULE) != 0 && out.varyRule != null) {
                    o.varyRule = Text.latin1(out.varyRule, 0, out.varyRuleLen);
                }
                if ((maskOut[0] & HttpCacheWriteOptions.SURROGATE_KEYS) != 0 && out.surrogateKeys != null) {
                    o.surrogateKeys = Text.latin1(out.surrogateKeys, 0, out.surrogateKeysLen);
                }
                return o;
            }
            if (status != FastlyStatus.BUFLEN) {
                throw Statuses.toException(status, "fastly_http_cache.get_suggested_cache_options");
            }
            if (out.varyRuleLen > in.varyRuleLen) {
                in.varyRule = new byte[out.varyRuleLen];
                in.varyRuleLen = out.varyRuleLen;
            }
            if (out.surrogateKeysLen > in.surrogateKeysLen) {
                in.surrogateKeys = new byte[out.surrogateKeysLen];
                in.surrogateKeysLen = out.surrogateKeysLen;
            }
        }
        throw Statuses.toException(FastlyStatus.BUFLEN, "fastly_http_cache.get_suggested_cache_options");
    }

    /**
     * {@code transaction_insert_and_stream_back}.
     *
     * @param handle the cache handle
     * @param resp the response handle
     * @param options what to store
     * @return the body handle to write the stored body into, and the cache handle of the fresh object
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int[] insertAndStreamBack(int handle, int resp, WriteOptions options) {
        int[] mask = new int[1];
        HttpCacheWriteOptions o = options.lower(mask);
        int[] body = new int[1];
        int[] fresh = new int[1];
        Statuses.check(
                Host.calls().httpCache().transactionInsertAndStreamBack(handle, resp, mask[0], o, body, fresh),
                "fastly_http_cache.transaction_insert_and_stream_back");
        return new int[] {body[0], fresh[0]};
    }

    /**
     * {@code transaction_insert}.
     *
     * @param handle the cache handle
     * @param resp the response handle
     * @param options what to store
     * @return the body handle to write the stored body into
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int insert(int handle, int resp, WriteOptions options) {
        int[] mask = new int[1];
        HttpCacheWriteOptions o = options.lower(mask);
        int[] body = new int[1];
        Statuses.check(
                Host.calls().httpCache().transactionInsert(handle, resp, mask[0], o, body),
                "fastly_http_cache.transaction_insert");
        return body[0];
    }

    /**
     * {@code transaction_update_and_return_fresh}.
     *
     * @param handle the cache handle
     * @param resp the response handle
     * @param options what to store
     * @return the cache handle of the fresh object
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static int updateAndReturnFresh(int handle, int resp, WriteOptions options) {
        int[] mask = new int[1];
        HttpCacheWriteOptions o = options.lower(mask);
        int[] fresh = new int[1];
        Statuses.check(
                Host.calls().httpCache().transactionUpdateAndReturnFresh(handle, resp, mask[0], o, fresh),
                "fastly_http_cache.transaction_update_and_return_fresh");
        return fresh[0];
    }

    /**
     * {@code transaction_update}.
     *
     * @param handle the cache handle
     * @param resp the response handle
     * @param options what to store
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static void update(int handle, int resp, WriteOptions options) {
        int[] mask = new int[1];
        HttpCacheWriteOptions o = options.lower(mask);
        Statuses.check(
                Host.calls().httpCache().transactionUpdate(handle, resp, mask[0], o),
                "fastly_http_cache.transaction_update");
    }

    /**
     * {@code transaction_record_not_cacheable}.
     *
     * @param handle the cache handle
     * @param options the options the record keeps
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static void recordNotCacheable(int handle, WriteOptions options) {
        int[] mask = new int[1];
        HttpCacheWriteOptions o = options.lower(mask);
        Statuses.check(
                Host.calls().httpCache().transactionRecordNotCacheable(handle, mask[0], o),
                "fastly_http_cache.transaction_record_not_cacheable");
    }

    /**
     * {@code transaction_choose_stale}: completes the collapse with the stored stale response.
     *
     * @param handle the cache handle
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static void chooseStale(int handle) {
        Statuses.check(
                Host.calls().httpCache().transactionChooseStale(handle), "fastly_http_cache.transaction_choose_stale");
    }

    /**
     * {@code transaction_abandon}: this request fills no more; a waiting one takes over.
     *
     * @param handle the cache handle
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static void abandon(int handle) {
        Statuses.check(Host.calls().httpCache().transactionAbandon(handle), "fastly_http_cache.transaction_abandon");
    }

    /**
     * {@code transaction_abandon}, whatever the host answers (on the way out of a failure).
     *
     * @param handle the cache handle
     */
    public static void abandonQuietly(int handle) {
        Host.calls().httpCache().transactionAbandon(handle);
    }

    /**
     * {@code close}, whatever the host answers.
     *
     * @param handle the cache handle
     */
    public static void close(int handle) {
        Host.calls().httpCache().close(handle);
    }

    /**
     * The {@code fastly_http_cache} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     *
     * <p>Records are laid out after every array they point to exists, then the call is made at once, so the garbage
     * collector (which runs only on allocation) cannot move anything in between; records and u64 outputs are
     * 8-aligned.
     */
    @StaticInit
    public static final class Wasm implements FastlyHttpCache {
        /** {@code http_cache_lookup_options}: 16 bytes of u32 fields (an int[] is 4-aligned). */
        private static final int LOOKUP_OPTIONS_INTS = HttpCacheLookupOptions.SIZE / 4;

        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // is_request_cacheable(req: request_handle) -> (status, is_cacheable u32)
        @Import(module = "fastly_http_cache", name = "is_request_cacheable")
        private static native int isRequestCacheableImport(int req, Address cacheableOut);

        @Override
        public int isRequestCacheable(int req, int[] cacheableOut) {
            return isRequestCacheableImport(req, Address.ofData(cacheableOut));
        }

        // get_suggested_cache_key(req, key_out: ptr char8, key_out_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_cache", name = "get_suggested_cache_key")
        private static native int getSuggestedCacheKeyImport(int req, Address buf, int len, Address nwrittenOut);

        @Override
        public int getSuggestedCacheKey(int req, byte[] buf, int len, int[] nwrittenOut) {
            return getSuggestedCacheKeyImport(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // lookup(req, options_mask: http_cache_lookup_options_mask, options: ptr http_cache_lookup_options)
        //   -> (status, http_cache_handle)
        @Import(module = "fastly_http_cache", name = "lookup")
        private static native int lookupImport(int req, int mask, Address options, Address handleOut);

        @Override
        public int lookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut) {
            int[] record = new int[LOOKUP_OPTIONS_INTS];
            layOut(record, options);
            return lookupImport(req, mask, Address.ofData(record), Address.ofData(handleOut));
        }

        // transaction_lookup(req, options_mask, options: ptr http_cache_lookup_options) -> (status, http_cache_handle)
        @Import(module = "fastly_http_cache", name = "transaction_lookup")
        private static native int transactionLookupImport(int req, int mask, Address options, Address handleOut);

        @Override
        public int transactionLookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut) {
            int[] record = new int[LOOKUP_OPTIONS_INTS];
            layOut(record, options);
            return transactionLookupImport(req, mask, Address.ofData(record), Address.ofData(handleOut));
        }

        // transaction_insert(h, resp, options_mask, options: ptr http_cache_write_options) -> (status, body_handle)
        @Import(module = "fastly_http_cache", name = "transaction_insert")
        private static native int transactionInsertImport(
                int handle, int resp, int mask, Address options, Address bodyOut);

        @Override
        public int transactionInsert(int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut) {
            long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return transactionInsertImport(handle, resp, mask, r, Address.ofData(bodyOut));
        }

        // transaction_insert_and_stream_back(h, resp, options_mask, options)
        //   -> (status, body_handle, http_cache_handle)
        @Import(module = "fastly_http_cache", name = "transaction_insert_and_stream_back")
        private static native int transactionInsertAndStreamBackImport(
                int handle, int resp, int mask, Address options, Address bodyOut, Address handleOut);

        @Override
        public int transactionInsertAndStreamBack(
                int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut, int[] handleOut) {
            long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return transactionInsertAndStreamBackImport(
                    handle, resp, mask, r, Address.ofData(bodyOut), Address.ofData(handleOut));
        }

        // transaction_update(h, resp, options_mask, options) -> status
        @Import(module = "fastly_http_cache", name = "transaction_update")
        private static native int transactionUpdateImport(int handle, int resp, int mask, Address options);

        @Override
        public int transactionUpdate(int handle, int resp, int mask, HttpCacheWriteOptions options) {
            long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return transactionUpdateImport(handle, resp, mask, r);
        }

        // transaction_update_and_return_fresh(h, resp, options_mask, options) -> (status, http_cache_handle)
        @Import(module = "fastly_http_cache", name = "transaction_update_and_return_fresh")
        private static native int transactionUpdateAndReturnFreshImport(
                int handle, int resp, int mask, Address options, Address handleOut);

        @Override
        public int transactionUpdateAndReturnFresh(
                int handle, int resp, int mask, HttpCacheWriteOptions options, int[] handleOut) {
            long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return transactionUpdateAndReturnFreshImport(handle, resp, mask, r, Address.ofData(handleOut));
        }

        // transaction_choose_stale(h) -> status
        @Import(module = "fastly_http_cache", name = "transaction_choose_stale")
        private static native int transactionChooseStaleImport(int handle);

        @Override
        public int transactionChooseStale(int handle) {
            return transactionChooseStaleImport(handle);
        }

        // transaction_record_not_cacheable(h, options_mask, options) -> status
        @Import(module = "fastly_http_cache", name = "transaction_record_not_cacheable")
        private static native int transactionRecordNotCacheableImport(int handle, int mask, Address options);

        @Override
        public int transactionRecordNotCacheable(int handle, int mask, HttpCacheWriteOptions options) {
            long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
            Address r = aligned(record);
            layOut(r, options);
            return transactionRecordNotCacheableImport(handle, mask, r);
        }

        // transaction_abandon(h) -> status
        @Import(module = "fastly_http_cache", name = "transaction_abandon")
        private static native int transactionAbandonImport(int handle);

        @Override
        public int transactionAbandon(int handle) {
            return transactionAbandonImport(handle);
        }

        // close(h) -> status
        @Import(module = "fastly_http_cache", name = "close")
        private static native int closeImport(int handle);

        @Override
        public int close(int handle) {
            return closeImport(handle);
        }

        // get_suggested_backend_request(h) -> (status, request_handle)
        @Import(module = "fastly_http_cache", name = "get_suggested_backend_request")
        private static native int getSuggestedBackendRequestImport(int handle, Address reqOut);

        @Override
        public int getSuggestedBackendRequest(int handle, int[] reqOut) {
            return getSuggestedBackendRequestImport(handle, Address.ofData(reqOut));
        }

        // get_suggested_cache_options(h, resp, options_mask, options: ptr, options_mask_out: ptr, options_out: ptr)
        //   -> status
        @Import(module = "fastly_http_cache", name = "get_suggested_cache_options")
        private static native int getSuggestedCacheOptionsImport(
                int handle, int resp, int mask, Address options, Address maskOut, Address optionsOut);

        @Override
        public int getSuggestedCacheOptions(
                int handle,
                int resp,
                int mask,
                HttpCacheWriteOptions options,
                int[] maskOut,
                HttpCacheWriteOptions optionsOut) {
            long[] in = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
            long[] out = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
            layOut(aligned(in), options);
            int status = getSuggestedCacheOptionsImport(
                    handle, resp, mask, aligned(in), Address.ofData(maskOut), aligned(out));
            readBack(aligned(out), options, optionsOut);
            return status;
        }

        // prepare_response_for_storage(h, resp) -> (status, http_storage_action, response_handle)
        @Import(module = "fastly_http_cache", name = "prepare_response_for_storage")
        private static native int prepareResponseForStorageImport(
                int handle, int resp, Address actionOut, Address respOut);

        @Override
        public int prepareResponseForStorage(int handle, int resp, int[] actionOut, int[] respOut) {
            return prepareResponseForStorageImport(handle, resp, Address.ofData(actionOut), Address.ofData(respOut));
        }

        // get_found_response(h, transform_for_client: u32) -> (status, response_handle, body_handle)
        @Import(module = "fastly_http_cache", name = "get_found_response")
        private static native int getFoundResponseImport(
                int handle, int transformForClient, Address respOut, Address bodyOut);

        @Override
        public int getFoundResponse(int handle, int transformForClient, int[] respOut, int[] bodyOut) {
            return getFoundResponseImport(handle, transformForClient, Address.ofData(respOut), Address.ofData(bodyOut));
        }

        // get_state(h) -> (status, cache_lookup_state)
        @Import(module = "fastly_http_cache", name = "get_state")
        private static native int getStateImport(int handle, Address stateOut);

        @Override
        public int getState(int handle, int[] stateOut) {
            return getStateImport(handle, Address.ofData(stateOut));
        }

        // get_length(h) -> (status, cache_object_length u64)
        @Import(module = "fastly_http_cache", name = "get_length")
        private static native int getLengthImport(int handle, Address lengthOut);

        @Override
        public int getLength(int handle, long[] lengthOut) {
            long[] slot = new long[2];
            int status = getLengthImport(handle, aligned(slot));
            lengthOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_max_age_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_http_cache", name = "get_max_age_ns")
        private static native int getMaxAgeNsImport(int handle, Address durationOut);

        @Override
        public int getMaxAgeNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = getMaxAgeNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_http_cache", name = "get_stale_while_revalidate_ns")
        private static native int getStaleWhileRevalidateNsImport(int handle, Address durationOut);

        @Override
        public int getStaleWhileRevalidateNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = getStaleWhileRevalidateNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_stale_if_error_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_http_cache", name = "get_stale_if_error_ns")
        private static native int getStaleIfErrorNsImport(int handle, Address durationOut);

        @Override
        public int getStaleIfErrorNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = getStaleIfErrorNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_age_ns(h) -> (status, cache_duration_ns u64)
        @Import(module = "fastly_http_cache", name = "get_age_ns")
        private static native int getAgeNsImport(int handle, Address durationOut);

        @Override
        public int getAgeNs(int handle, long[] durationOut) {
            long[] slot = new long[2];
            int status = getAgeNsImport(handle, aligned(slot));
            durationOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_hits(h) -> (status, cache_hit_count u64)
        @Import(module = "fastly_http_cache", name = "get_hits")
        private static native int getHitsImport(int handle, Address hitsOut);

        @Override
        public int getHits(int handle, long[] hitsOut) {
            long[] slot = new long[2];
            int status = getHitsImport(handle, aligned(slot));
            hitsOut[0] = aligned(slot).getLong();
            return status;
        }

        // get_sensitive_data(h) -> (status, is_sensitive u32)
        @Import(module = "fastly_http_cache", name = "get_sensitive_data")
        private static native int getSensitiveDataImport(int handle, Address sensitiveOut);

        @Override
        public int getSensitiveData(int handle, int[] sensitiveOut) {
            return getSensitiveDataImport(handle, Address.ofData(sensitiveOut));
        }

        // get_surrogate_keys(h, out: ptr u8, out_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_cache", name = "get_surrogate_keys")
        private static native int getSurrogateKeysImport(int handle, Address buf, int len, Address nwrittenOut);

        @Override
        public int getSurrogateKeys(int handle, byte[] buf, int len, int[] nwrittenOut) {
            return getSurrogateKeysImport(handle, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // get_vary_rule(h, out: ptr u8, out_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_http_cache", name = "get_vary_rule")
        private static native int getVaryRuleImport(int handle, Address buf, int len, Address nwrittenOut);

        @Override
        public int getVaryRule(int handle, byte[] buf, int len, int[] nwrittenOut) {
            return getVaryRuleImport(handle, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        /** {@code http_cache_lookup_options} into the int[] {@code record}. */
        private static void layOut(int[] record, HttpCacheLookupOptions o) {
            record[HttpCacheLookupOptions.OFF_OVERRIDE_KEY / 4] = address(o.overrideKey);
            record[HttpCacheLookupOptions.OFF_OVERRIDE_KEY_LEN / 4] = o.overrideKey == null ? 0 : o.overrideKey.length;
            record[HttpCacheLookupOptions.OFF_BACKEND_NAME / 4] = address(o.backendName);
            record[HttpCacheLookupOptions.OFF_BACKEND_NAME_LEN / 4] = o.backendName == null ? 0 : o.backendName.length;
        }

        /** {@code http_cache_write_options} at the 8-aligned {@code r}, see {@link HttpCacheWriteOptions}. */
        private static void layOut(Address r, HttpCacheWriteOptions o) {
            r.add(HttpCacheWriteOptions.OFF_MAX_AGE_NS).putLong(o.maxAgeNs);
            r.add(HttpCacheWriteOptions.OFF_VARY_RULE).putInt(address(o.varyRule));
            r.add(HttpCacheWriteOptions.OFF_VARY_RULE_LEN).putInt(o.varyRule == null ? 0 : o.varyRuleLen);
            r.add(HttpCacheWriteOptions.OFF_INITIAL_AGE_NS).putLong(o.initialAgeNs);
            r.add(HttpCacheWriteOptions.OFF_STALE_WHILE_REVALIDATE_NS).putLong(o.staleWhileRevalidateNs);
            r.add(HttpCacheWriteOptions.OFF_SURROGATE_KEYS).putInt(address(o.surrogateKeys));
            r.add(HttpCacheWriteOptions.OFF_SURROGATE_KEYS_LEN)
                    .putInt(o.surrogateKeys == null ? 0 : o.surrogateKeysLen);
            r.add(HttpCacheWriteOptions.OFF_LENGTH).putLong(o.length);
            r.add(HttpCacheWriteOptions.OFF_STALE_IF_ERROR_NS).putLong(o.staleIfErrorNs);
        }

        /**
         * Reads an output {@code http_cache_write_options} at {@code r}: the host points into the buffers the guest
         * gave in {@code in}, so the arrays are those, with the lengths the host wrote.
         */
        private static void readBack(Address r, HttpCacheWriteOptions in, HttpCacheWriteOptions out) {
            out.maxAgeNs = r.add(HttpCacheWriteOptions.OFF_MAX_AGE_NS).getLong();
            out.varyRule = in.varyRule;
            out.varyRuleLen = r.add(HttpCacheWriteOptions.OFF_VARY_RULE_LEN).getInt();
            out.initialAgeNs = r.add(HttpCacheWriteOptions.OFF_INITIAL_AGE_NS).getLong();
            out.staleWhileRevalidateNs =
                    r.add(HttpCacheWriteOptions.OFF_STALE_WHILE_REVALIDATE_NS).getLong();
            out.surrogateKeys = in.surrogateKeys;
            out.surrogateKeysLen =
                    r.add(HttpCacheWriteOptions.OFF_SURROGATE_KEYS_LEN).getInt();
            out.length = r.add(HttpCacheWriteOptions.OFF_LENGTH).getLong();
            out.staleIfErrorNs =
                    r.add(HttpCacheWriteOptions.OFF_STALE_IF_ERROR_NS).getLong();
        }

        private static int address(byte[] data) {
            return data == null ? 0 : Address.ofData(data).toInt();
        }
    }
}
