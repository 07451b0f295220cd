package io.github.computejava.internal.guest;

import static io.github.computejava.internal.guest.Addresses.aligned;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.FastlyCache;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_cache} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class CacheGuest {
    private CacheGuest() {}

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
