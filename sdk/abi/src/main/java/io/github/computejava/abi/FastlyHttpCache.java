package io.github.computejava.abi;

/** The {@code fastly_http_cache} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyHttpCache {
    /** {@code http_storage_action.insert}. */
    int STORAGE_INSERT = 0;
    /** {@code http_storage_action.update}. */
    int STORAGE_UPDATE = 1;
    /** {@code http_storage_action.do_not_store}. */
    int STORAGE_DO_NOT_STORE = 2;
    /** {@code http_storage_action.record_uncacheable}. */
    int STORAGE_RECORD_UNCACHEABLE = 3;

    // is_request_cacheable(req: request_handle) -> (status, is_cacheable u32)
    int isRequestCacheable(int req, int[] cacheableOut);

    // get_suggested_cache_key(req, key_out: ptr char8, key_out_len: usize, nwritten_out: ptr usize) -> status
    int getSuggestedCacheKey(int req, byte[] buf, int len, int[] nwrittenOut);

    // lookup(req, options_mask: http_cache_lookup_options_mask, options: ptr http_cache_lookup_options)
    //   -> (status, http_cache_handle)
    int lookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut);

    // transaction_lookup(req, options_mask, options: ptr http_cache_lookup_options) -> (status, http_cache_handle)
    int transactionLookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut);

    // transaction_insert(h, resp, options_mask, options: ptr http_cache_write_options) -> (status, body_handle)
    int transactionInsert(int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut);

    // transaction_insert_and_stream_back(h, resp, options_mask, options)
    //   -> (status, body_handle, http_cache_handle)
    int transactionInsertAndStreamBack(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut, int[] handleOut);

    // transaction_update(h, resp, options_mask, options) -> status
    int transactionUpdate(int handle, int resp, int mask, HttpCacheWriteOptions options);

    // transaction_update_and_return_fresh(h, resp, options_mask, options) -> (status, http_cache_handle)
    int transactionUpdateAndReturnFresh(int handle, int resp, int mask, HttpCacheWriteOptions options, int[] handleOut);

    // transaction_choose_stale(h) -> status
    int transactionChooseStale(int handle);

    // transaction_record_not_cacheable(h, options_mask, options) -> status
    int transactionRecordNotCacheable(int handle, int mask, HttpCacheWriteOptions options);

    // transaction_abandon(h) -> status
    int transactionAbandon(int handle);

    // close(h) -> status
    int close(int handle);

    // get_suggested_backend_request(h) -> (status, request_handle)
    int getSuggestedBackendRequest(int handle, int[] reqOut);

    // get_suggested_cache_options(h, resp, options_mask, options: ptr, options_mask_out: ptr, options_out: ptr)
    //   -> status
    int getSuggestedCacheOptions(
            int handle,
            int resp,
            int mask,
            HttpCacheWriteOptions options,
            int[] maskOut,
            HttpCacheWriteOptions optionsOut);

    // prepare_response_for_storage(h, resp) -> (status, http_storage_action, response_handle)
    int prepareResponseForStorage(int handle, int resp, int[] actionOut, int[] respOut);

    // get_found_response(h, transform_for_client: u32) -> (status, response_handle, body_handle)
    int getFoundResponse(int handle, int transformForClient, int[] respOut, int[] bodyOut);

    // get_state(h) -> (status, cache_lookup_state)
    int getState(int handle, int[] stateOut);

    // get_length(h) -> (status, cache_object_length u64)
    int getLength(int handle, long[] lengthOut);

    // get_max_age_ns(h) -> (status, cache_duration_ns u64)
    int getMaxAgeNs(int handle, long[] durationOut);

    // get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
    int getStaleWhileRevalidateNs(int handle, long[] durationOut);

    // get_stale_if_error_ns(h) -> (status, cache_duration_ns u64)
    int getStaleIfErrorNs(int handle, long[] durationOut);

    // get_age_ns(h) -> (status, cache_duration_ns u64)
    int getAgeNs(int handle, long[] durationOut);

    // get_hits(h) -> (status, cache_hit_count u64)
    int getHits(int handle, long[] hitsOut);

    // get_sensitive_data(h) -> (status, is_sensitive u32)
    int getSensitiveData(int handle, int[] sensitiveOut);

    // get_surrogate_keys(h, out: ptr u8, out_len: usize, nwritten_out: ptr usize) -> status
    int getSurrogateKeys(int handle, byte[] buf, int len, int[] nwrittenOut);

    // get_vary_rule(h, out: ptr u8, out_len: usize, nwritten_out: ptr usize) -> status
    int getVaryRule(int handle, byte[] buf, int len, int[] nwrittenOut);
}
