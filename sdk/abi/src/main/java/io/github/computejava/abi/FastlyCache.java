package io.github.computejava.abi;

/** The {@code fastly_cache} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyCache {
    // lookup(cache_key: list u8, options_mask: cache_lookup_options_mask, options: ptr cache_lookup_options)
    //   -> (status, cache_handle)
    int cacheLookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut);

    // insert(cache_key: list u8, options_mask: cache_write_options_mask, options: ptr cache_write_options)
    //   -> (status, body_handle)
    int cacheInsert(byte[] key, int optionsMask, CacheWriteOptions options, int[] bodyOut);

    // transaction_lookup(cache_key: list u8, options_mask, options: ptr cache_lookup_options)
    //   -> (status, cache_handle)
    int cacheTransactionLookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut);

    // transaction_lookup_async(cache_key: list u8, options_mask, options: ptr cache_lookup_options)
    //   -> (status, cache_busy_handle)
    int cacheTransactionLookupAsync(byte[] key, int optionsMask, CacheLookupOptions options, int[] busyOut);

    // cache_busy_handle_wait(busy_handle: cache_busy_handle) -> (status, cache_handle)
    int cacheBusyHandleWait(int busy, int[] handleOut);

    // transaction_insert(h: cache_handle, options_mask, options: ptr cache_write_options) -> (status, body_handle)
    int cacheTransactionInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut);

    // transaction_insert_and_stream_back(h: cache_handle, options_mask, options: ptr cache_write_options)
    //   -> (status, body_handle, cache_handle)
    int cacheTransactionInsertAndStreamBack(
            int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut, int[] handleOut);

    // transaction_update(h: cache_handle, options_mask, options: ptr cache_write_options) -> status
    int cacheTransactionUpdate(int handle, int optionsMask, CacheWriteOptions options);

    // transaction_cancel(h: cache_handle) -> status
    int cacheTransactionCancel(int handle);

    // close_busy(h: cache_busy_handle) -> status
    int cacheCloseBusy(int busy);

    // close(h: cache_handle) -> status
    int cacheClose(int handle);

    // get_state(h: cache_handle) -> (status, cache_lookup_state)
    int cacheGetState(int handle, int[] stateOut);

    // get_user_metadata(h, user_metadata_out_ptr: ptr u8, user_metadata_out_len: usize, nwritten_out: ptr usize)
    //   -> status
    int cacheGetUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut);

    // get_body(h, options_mask: cache_get_body_options_mask, options: cache_get_body_options {from u64, to u64})
    //   -> (status, body_handle)
    int cacheGetBody(int handle, int optionsMask, byte[] options, int[] bodyOut);

    // get_length(h) -> (status, cache_object_length u64)
    int cacheGetLength(int handle, long[] lengthOut);

    // get_max_age_ns(h) -> (status, cache_duration_ns u64)
    int cacheGetMaxAgeNs(int handle, long[] durationOut);

    // get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
    int cacheGetStaleWhileRevalidateNs(int handle, long[] durationOut);

    // get_age_ns(h) -> (status, cache_duration_ns u64)
    int cacheGetAgeNs(int handle, long[] durationOut);

    // get_hits(h) -> (status, cache_hit_count u64)
    int cacheGetHits(int handle, long[] hitsOut);

    // replace(cache_key: list u8, options_mask: cache_replace_options_mask, options: ptr cache_replace_options)
    //   -> (status, cache_replace_handle)
    int cacheReplace(byte[] key, int optionsMask, CacheReplaceOptions options, int[] handleOut);

    // replace_insert(h: cache_replace_handle, options_mask, options: ptr cache_write_options) -> (status, body_handle)
    int cacheReplaceInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut);

    // replace_get_age_ns(h) -> (status, cache_duration_ns u64)
    int cacheReplaceGetAgeNs(int handle, long[] durationOut);

    // replace_get_body(h, options_mask: cache_get_body_options_mask, options: cache_get_body_options)
    //   -> (status, body_handle)
    int cacheReplaceGetBody(int handle, int optionsMask, byte[] options, int[] bodyOut);

    // replace_get_hits(h) -> (status, cache_hit_count u64)
    int cacheReplaceGetHits(int handle, long[] hitsOut);

    // replace_get_length(h) -> (status, cache_object_length u64)
    int cacheReplaceGetLength(int handle, long[] lengthOut);

    // replace_get_max_age_ns(h) -> (status, cache_duration_ns u64)
    int cacheReplaceGetMaxAgeNs(int handle, long[] durationOut);

    // replace_get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
    int cacheReplaceGetStaleWhileRevalidateNs(int handle, long[] durationOut);

    // replace_get_state(h) -> (status, cache_lookup_state)
    int cacheReplaceGetState(int handle, int[] stateOut);

    // replace_get_user_metadata(h, user_metadata_out_ptr, user_metadata_out_len, nwritten_out) -> status
    int cacheReplaceGetUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut);
}
