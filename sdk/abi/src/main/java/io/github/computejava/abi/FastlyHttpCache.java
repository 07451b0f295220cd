package io.github.computejava.abi;

/** The {@code fastly_http_cache} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyHttpCache {
    // is_request_cacheable(req: request_handle) -> (status, is_cacheable u32)
    int httpCacheIsRequestCacheable(int req, int[] cacheableOut);

    // get_suggested_cache_key(req, key_out: ptr char8, key_out_len: usize, nwritten_out: ptr usize) -> status
    int httpCacheGetSuggestedCacheKey(int req, byte[] buf, int len, int[] nwrittenOut);

    // lookup(req, options_mask: http_cache_lookup_options_mask, options: ptr http_cache_lookup_options)
    //   -> (status, http_cache_handle)
    int httpCacheLookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut);

    // transaction_lookup(req, options_mask, options: ptr http_cache_lookup_options) -> (status, http_cache_handle)
    int httpCacheTransactionLookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut);

    // transaction_insert(h, resp, options_mask, options: ptr http_cache_write_options) -> (status, body_handle)
    int httpCacheTransactionInsert(int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut);

    // transaction_insert_and_stream_back(h, resp, options_mask, options)
    //   -> (status, body_handle, http_cache_handle)
    int httpCacheTransactionInsertAndStreamBack(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut, int[] handleOut);

    // transaction_update(h, resp, options_mask, options) -> status
    int httpCacheTransactionUpdate(int handle, int resp, int mask, HttpCacheWriteOptions options);

    // transaction_update_and_return_fresh(h, resp, options_mask, options) -> (status, http_cache_handle)
    int httpCacheTransactionUpdateAndReturnFresh(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] handleOut);

    // transaction_choose_stale(h) -> status
    int httpCacheTransactionChooseStale(int handle);

    // transaction_record_not_cacheable(h, options_mask, options) -> status
    int httpCacheTransactionRecordNotCacheable(int handle, int mask, HttpCacheWriteOptions options);

    // transaction_abandon(h) -> status
    int httpCacheTransactionAbandon(int handle);

    // close(h) -> status
    int httpCacheClose(int handle);

    // get_suggested_backend_request(h) -> (status, request_handle)
    int httpCacheGetSuggestedBackendRequest(int handle, int[] reqOut);

    // get_suggested_cache_options(h, resp, options_mask, options: ptr, options_mask_out: ptr, options_out: ptr)
    //   -> status
    int httpCacheGetSuggestedCacheOptions(
            int handle,
            int resp,
            int mask,
            HttpCacheWriteOptions options,
            int[] maskOut,
            HttpCacheWriteOptions optionsOut);

    // prepare_response_for_storage(h, resp) -> (status, http_storage_action, response_handle)
    int httpCachePrepareResponseForStorage(int handle, int resp, int[] actionOut, int[] respOut);

    // get_found_response(h, transform_for_client: u32) -> (status, response_handle, body_handle)
    int httpCacheGetFoundResponse(int handle, int transformForClient, int[] respOut, int[] bodyOut);

    // get_state(h) -> (status, cache_lookup_state)
    int httpCacheGetState(int handle, int[] stateOut);

    // get_length(h) -> (status, cache_object_length u64)
    int httpCacheGetLength(int handle, long[] lengthOut);

    // get_max_age_ns(h) -> (status, cache_duration_ns u64)
    int httpCacheGetMaxAgeNs(int handle, long[] durationOut);

    // get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
    int httpCacheGetStaleWhileRevalidateNs(int handle, long[] durationOut);

    // get_stale_if_error_ns(h) -> (status, cache_duration_ns u64)
    int httpCacheGetStaleIfErrorNs(int handle, long[] durationOut);

    // get_age_ns(h) -> (status, cache_duration_ns u64)
    int httpCacheGetAgeNs(int handle, long[] durationOut);

    // get_hits(h) -> (status, cache_hit_count u64)
    int httpCacheGetHits(int handle, long[] hitsOut);

    // get_sensitive_data(h) -> (status, is_sensitive u32)
    int httpCacheGetSensitiveData(int handle, int[] sensitiveOut);

    // get_surrogate_keys(h, out: ptr u8, out_len: usize, nwritten_out: ptr usize) -> status
    int httpCacheGetSurrogateKeys(int handle, byte[] buf, int len, int[] nwrittenOut);

    // get_vary_rule(h, out: ptr u8, out_len: usize, nwritten_out: ptr usize) -> status
    int httpCacheGetVaryRule(int handle, byte[] buf, int len, int[] nwrittenOut);
}
