package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;

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
