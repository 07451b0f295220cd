package io.github.computejava.abi;

/** The {@code fastly_cache} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyCache {
    /** {@code cache_get_body_options_mask.reserved}. */
    int GET_BODY_RESERVED = 1;
    /** {@code cache_get_body_options_mask.from}. */
    int GET_BODY_FROM = 1 << 1;
    /** {@code cache_get_body_options_mask.to}. */
    int GET_BODY_TO = 1 << 2;

    /** The size of a {@code cache_get_body_options} record: {@code from} u64 @0, {@code to} u64 @8. */
    int GET_BODY_OPTIONS_SIZE = 16;

    int GET_BODY_OPTIONS_OFF_FROM = 0;
    int GET_BODY_OPTIONS_OFF_TO = 8;

    // lookup(cache_key: list u8, options_mask: cache_lookup_options_mask, options: ptr cache_lookup_options)
    //   -> (status, cache_handle)
    int lookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut);

    // insert(cache_key: list u8, options_mask: cache_write_options_mask, options: ptr cache_write_options)
    //   -> (status, body_handle)
    int insert(byte[] key, int optionsMask, CacheWriteOptions options, int[] bodyOut);

    // transaction_lookup(cache_key: list u8, options_mask, options: ptr cache_lookup_options)
    //   -> (status, cache_handle)
    int transactionLookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut);

    // transaction_lookup_async(cache_key: list u8, options_mask, options: ptr cache_lookup_options)
    //   -> (status, cache_busy_handle)
    int transactionLookupAsync(byte[] key, int optionsMask, CacheLookupOptions options, int[] busyOut);

    // cache_busy_handle_wait(busy_handle: cache_busy_handle) -> (status, cache_handle)
    int cacheBusyHandleWait(int busy, int[] handleOut);

    // transaction_insert(h: cache_handle, options_mask, options: ptr cache_write_options) -> (status, body_handle)
    int transactionInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut);

    // transaction_insert_and_stream_back(h: cache_handle, options_mask, options: ptr cache_write_options)
    //   -> (status, body_handle, cache_handle)
    int transactionInsertAndStreamBack(
            int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut, int[] handleOut);

    // transaction_update(h: cache_handle, options_mask, options: ptr cache_write_options) -> status
    int transactionUpdate(int handle, int optionsMask, CacheWriteOptions options);

    // transaction_cancel(h: cache_handle) -> status
    int transactionCancel(int handle);

    // close_busy(h: cache_busy_handle) -> status
    int closeBusy(int busy);

    // close(h: cache_handle) -> status
    int close(int handle);

    // get_state(h: cache_handle) -> (status, cache_lookup_state)
    int getState(int handle, int[] stateOut);

    // get_user_metadata(h, user_metadata_out_ptr: ptr u8, user_metadata_out_len: usize, nwritten_out: ptr usize)
    //   -> status
    int getUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut);

    // get_body(h, options_mask: cache_get_body_options_mask, options: cache_get_body_options {from u64, to u64})
    //   -> (status, body_handle)
    int getBody(int handle, int optionsMask, byte[] options, int[] bodyOut);

    // get_length(h) -> (status, cache_object_length u64)
    int getLength(int handle, long[] lengthOut);

    // get_max_age_ns(h) -> (status, cache_duration_ns u64)
    int getMaxAgeNs(int handle, long[] durationOut);

    // get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
    int getStaleWhileRevalidateNs(int handle, long[] durationOut);

    // get_age_ns(h) -> (status, cache_duration_ns u64)
    int getAgeNs(int handle, long[] durationOut);

    // get_hits(h) -> (status, cache_hit_count u64)
    int getHits(int handle, long[] hitsOut);

    // replace(cache_key: list u8, options_mask: cache_replace_options_mask, options: ptr cache_replace_options)
    //   -> (status, cache_replace_handle)
    int replace(byte[] key, int optionsMask, CacheReplaceOptions options, int[] handleOut);

    // replace_insert(h: cache_replace_handle, options_mask, options: ptr cache_write_options) -> (status, body_handle)
    int replaceInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut);

    // replace_get_age_ns(h) -> (status, cache_duration_ns u64)
    int replaceGetAgeNs(int handle, long[] durationOut);

    // replace_get_body(h, options_mask: cache_get_body_options_mask, options: cache_get_body_options)
    //   -> (status, body_handle)
    int replaceGetBody(int handle, int optionsMask, byte[] options, int[] bodyOut);

    // replace_get_hits(h) -> (status, cache_hit_count u64)
    int replaceGetHits(int handle, long[] hitsOut);

    // replace_get_length(h) -> (status, cache_object_length u64)
    int replaceGetLength(int handle, long[] lengthOut);

    // replace_get_max_age_ns(h) -> (status, cache_duration_ns u64)
    int replaceGetMaxAgeNs(int handle, long[] durationOut);

    // replace_get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
    int replaceGetStaleWhileRevalidateNs(int handle, long[] durationOut);

    // replace_get_state(h) -> (status, cache_lookup_state)
    int replaceGetState(int handle, int[] stateOut);

    // replace_get_user_metadata(h, user_metadata_out_ptr, user_metadata_out_len, nwritten_out) -> status
    int replaceGetUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut);
}
