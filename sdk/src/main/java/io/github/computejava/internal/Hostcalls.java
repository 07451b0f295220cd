package io.github.computejava.internal;

/**
 * Fastly's host ABI as Java methods: one method per hostcall, named after its module and function.
 *
 * <p>Conventions, the same for every method so both implementations stay mechanical:
 *
 * <ul>
 *   <li>the return value is the {@code fastly_status} of the call ({@link FastlyStatus});
 *   <li>handles, {@code u32}, {@code usize}, enums and flags are {@code int}; {@code u64}/{@code s64} are
 *       {@code long};
 *   <li>a {@code (list u8)} or {@code string} argument is a whole {@code byte[]}, or ({@code buf, off, len})
 *       where the ABI streams bytes;
 *   <li>an output buffer is ({@code byte[] buf, int len}) and the host writes at most {@code len} bytes at
 *       {@code buf[0]};
 *   <li>an out-pointer to a scalar is an {@code int[]} or {@code long[]} whose element 0 receives the value;
 *   <li>a record without pointers is a {@code byte[]} in the guest's little-endian layout.
 * </ul>
 *
 * <p>Inside {@code main.wasm} the implementation binds the real imports; on the JVM the testkit implements it
 * over its host engine.
 */
public interface Hostcalls {

    // ---- fastly_abi

    // init(abi_version: u64) -> status
    int abiInit(long abiVersion);

    // ---- fastly_http_body

    // new() -> (status, body_handle)
    int bodyNew(int[] bodyOut);

    // read(h: body_handle, buf: ptr u8, buf_len: usize) -> (status, num_bytes)
    int bodyRead(int body, byte[] buf, int off, int len, int[] nreadOut);

    // write(h: body_handle, buf: list u8, end: body_write_end) -> (status, num_bytes)
    int bodyWrite(int body, byte[] buf, int off, int len, int end, int[] nwrittenOut);

    // append(dest: body_handle, src: body_handle) -> status
    int bodyAppend(int dest, int src);

    // close(h: body_handle) -> status
    int bodyClose(int body);

    // abandon(h: body_handle) -> status
    int bodyAbandon(int body);

    // known_length(h: body_handle) -> (status, body_length u64)
    int bodyKnownLength(int body, long[] lengthOut);

    // ---- fastly_log

    // endpoint_get(name: list u8) -> (status, endpoint_handle)
    int logEndpointGet(byte[] name, int[] endpointOut);

    // write(h: endpoint_handle, msg: list u8) -> (status, num_bytes)
    int logWrite(int endpoint, byte[] msg, int off, int len, int[] nwrittenOut);

    // ---- fastly_http_req

    // body_downstream_get() -> (status, request_handle, body_handle)
    int reqBodyDownstreamGet(int[] reqOut, int[] bodyOut);

    // new() -> (status, request_handle)
    int reqNew(int[] reqOut);

    // close(h: request_handle) -> status
    int reqClose(int req);

    // method_get(h, buf: ptr char8, buf_len: usize, nwritten_out: ptr usize) -> status
    int reqMethodGet(int req, byte[] buf, int len, int[] nwrittenOut);

    // method_set(h, method: string) -> status
    int reqMethodSet(int req, byte[] method);

    // uri_get(h, buf: ptr char8, buf_len: usize, nwritten_out: ptr usize) -> status
    int reqUriGet(int req, byte[] buf, int len, int[] nwrittenOut);

    // uri_set(h, uri: string) -> status
    int reqUriSet(int req, byte[] uri);

    // version_get(h) -> (status, http_version)
    int reqVersionGet(int req, int[] versionOut);

    // version_set(h, version: http_version) -> status
    int reqVersionSet(int req, int version);

    // header_names_get(h, buf, buf_len, cursor: u32, ending_cursor_out: ptr s64, nwritten_out: ptr usize) -> status
    int reqHeaderNamesGet(int req, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // header_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    int reqHeaderValuesGet(
            int req, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // header_values_set(h, name: list u8, values: list char8 (each value NUL-terminated)) -> status
    int reqHeaderValuesSet(int req, byte[] name, byte[] values, int valuesLen);

    // header_insert(h, name: list u8, value: list u8) -> status
    int reqHeaderInsert(int req, byte[] name, byte[] value);

    // header_append(h, name: list u8, value: list u8) -> status
    int reqHeaderAppend(int req, byte[] name, byte[] value);

    // header_remove(h, name: list u8) -> status
    int reqHeaderRemove(int req, byte[] name);

    // cache_override_v2_set(h, tag: cache_override_tag, ttl: u32, swr: u32, sk: list u8) -> status
    int reqCacheOverrideV2Set(int req, int tag, int ttl, int staleWhileRevalidate, byte[] surrogateKey);

    // framing_headers_mode_set(h, mode: framing_headers_mode) -> status
    int reqFramingHeadersModeSet(int req, int mode);

    // auto_decompress_response_set(h, encodings: content_encodings) -> status
    int reqAutoDecompressResponseSet(int req, int encodings);

    // send_v2(h, b: body_handle, backend: string, error_detail: ptr send_error_detail)
    //   -> (status, response_handle, body_handle)
    int reqSendV2(int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut);

    // send_async_streaming(h, b: body_handle, backend: string) -> (status, pending_request_handle)
    int reqSendAsyncStreaming(int req, int body, byte[] backend, int[] pendingOut);

    // pending_req_wait_v2(h: pending_request_handle, error_detail: ptr send_error_detail)
    //   -> (status, response_handle, body_handle)
    int reqPendingReqWaitV2(int pending, byte[] errorDetail, int[] respOut, int[] respBodyOut);

    // ---- fastly_http_downstream

    // downstream_client_ip_addr(req, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
    int downstreamClientIpAddr(int req, byte[] octets16, int[] nwrittenOut);

    // next_request(options_mask: next_request_options_mask, options: ptr next_request_options)
    //   -> (status, request_promise_handle); the record's one field, timeout_ms (u64), is passed by value
    int downstreamNextRequest(int mask, long timeoutMillis, int[] promiseOut);

    // next_request_wait(h: request_promise_handle) -> (status, request_handle, body_handle)
    int downstreamNextRequestWait(int promise, int[] reqOut, int[] bodyOut);

    // next_request_abandon(h: request_promise_handle) -> status
    int downstreamNextRequestAbandon(int promise);

    // ---- fastly_http_resp

    // new() -> (status, response_handle)
    int respNew(int[] respOut);

    // close(h: response_handle) -> status
    int respClose(int resp);

    // status_get(h) -> (status, http_status u16)
    int respStatusGet(int resp, int[] statusOut);

    // status_set(h, status: u16) -> status
    int respStatusSet(int resp, int status);

    // header_names_get(h, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    int respHeaderNamesGet(int resp, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // header_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    int respHeaderValuesGet(
            int resp, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // header_values_set(h, name: list u8, values: list char8) -> status
    int respHeaderValuesSet(int resp, byte[] name, byte[] values, int valuesLen);

    // header_insert(h, name, value) -> status
    int respHeaderInsert(int resp, byte[] name, byte[] value);

    // header_append(h, name, value) -> status
    int respHeaderAppend(int resp, byte[] name, byte[] value);

    // header_remove(h, name) -> status
    int respHeaderRemove(int resp, byte[] name);

    // send_downstream(h, b: body_handle, streaming: u32) -> status
    int respSendDownstream(int resp, int body, int streaming);

    // framing_headers_mode_set(h, mode: framing_headers_mode) -> status
    int respFramingHeadersModeSet(int resp, int mode);

    // ---- fastly_backend

    // exists(backend: string) -> (status, backend_exists u32)
    int backendExists(byte[] backend, int[] existsOut);

    // ---- fastly_config_store

    // open(name: string) -> (status, config_store_handle)
    int configStoreOpen(byte[] name, int[] storeOut);

    // get(h, key: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int configStoreGet(int store, byte[] key, byte[] buf, int len, int[] nwrittenOut);

    // ---- fastly_http_req: dynamic backends

    // register_dynamic_backend(name_prefix: string, target: string, mask: backend_config_options,
    //   config: ptr dynamic_backend_config) -> status
    int reqRegisterDynamicBackend(byte[] name, byte[] target, int mask, DynamicBackendRecord config);

    // ---- fastly_backend: getters

    // get_host(backend: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int backendGetHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut);

    // get_override_host(backend: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int backendGetOverrideHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut);

    // is_healthy(backend: string) -> (status, backend_health)
    int backendIsHealthy(byte[] backend, int[] out);

    // is_dynamic(backend: string) -> (status, is_dynamic u32)
    int backendIsDynamic(byte[] backend, int[] out);

    // get_port(backend: string) -> (status, port u16)
    int backendGetPort(byte[] backend, int[] out);

    // get_connect_timeout_ms(backend: string) -> (status, timeout_ms u32)
    int backendGetConnectTimeoutMs(byte[] backend, int[] out);

    // get_first_byte_timeout_ms(backend: string) -> (status, timeout_ms u32)
    int backendGetFirstByteTimeoutMs(byte[] backend, int[] out);

    // get_between_bytes_timeout_ms(backend: string) -> (status, timeout_ms u32)
    int backendGetBetweenBytesTimeoutMs(byte[] backend, int[] out);

    // get_http_keepalive_time(backend: string) -> (status, timeout_ms u32)
    int backendGetHttpKeepaliveTime(byte[] backend, int[] out);

    // get_tcp_keepalive_enable(backend: string) -> (status, is_keepalive u32)
    int backendGetTcpKeepaliveEnable(byte[] backend, int[] out);

    // get_tcp_keepalive_interval(backend: string) -> (status, timeout_secs u32)
    int backendGetTcpKeepaliveInterval(byte[] backend, int[] out);

    // get_tcp_keepalive_probes(backend: string) -> (status, probe_count u32)
    int backendGetTcpKeepaliveProbes(byte[] backend, int[] out);

    // get_tcp_keepalive_time(backend: string) -> (status, timeout_secs u32)
    int backendGetTcpKeepaliveTime(byte[] backend, int[] out);

    // is_ssl(backend: string) -> (status, is_ssl u32)
    int backendIsSsl(byte[] backend, int[] out);

    // get_ssl_min_version(backend: string) -> (status, tls_version)
    int backendGetSslMinVersion(byte[] backend, int[] out);

    // get_ssl_max_version(backend: string) -> (status, tls_version)
    int backendGetSslMaxVersion(byte[] backend, int[] out);

    // ---- fastly_kv_store

    // open(name: string) -> (status, kv_store_handle)
    int kvStoreOpen(byte[] name, int[] storeOut);

    // lookup(store, key: string, mask: kv_lookup_config_options, config: ptr kv_lookup_config,
    //   handle_out: ptr kv_store_lookup_handle) -> status
    int kvStoreLookup(int store, byte[] key, int mask, byte[] config, int[] lookupOut);

    // lookup_wait_v2(h, body_handle_out: ptr body_handle, metadata_buf: ptr char8, metadata_buf_len: usize,
    //   nwritten_out: ptr usize, generation_out: ptr u64, kv_error_out: ptr kv_error) -> status
    int kvStoreLookupWaitV2(
            int lookup,
            int[] bodyOut,
            byte[] metadataBuf,
            int metadataLen,
            int[] nwrittenOut,
            long[] generationOut,
            int[] kvErrorOut);

    // insert(store, key: string, body: body_handle, mask: kv_insert_config_options,
    //   config: ptr kv_insert_config, handle_out: ptr kv_store_insert_handle) -> status
    int kvStoreInsert(int store, byte[] key, int body, int mask, KvInsertConfig config, int[] insertOut);

    // insert_wait(h, kv_error_out: ptr kv_error) -> status
    int kvStoreInsertWait(int insert, int[] kvErrorOut);

    // delete(store, key: string, mask: kv_delete_config_options, config: ptr kv_delete_config,
    //   handle_out: ptr kv_store_delete_handle) -> status
    int kvStoreDelete(int store, byte[] key, int mask, byte[] config, int[] deleteOut);

    // delete_wait(h, kv_error_out: ptr kv_error) -> status
    int kvStoreDeleteWait(int delete, int[] kvErrorOut);

    // list(store, mask: kv_list_config_options, config: ptr kv_list_config, handle_out: ptr kv_store_list_handle)
    //   -> status; the record's fields (mode, cursor, limit, prefix) are passed one by one, null for no text
    int kvStoreList(int store, int mask, int mode, byte[] cursor, int limit, byte[] prefix, int[] listOut);

    // list_wait(h, body_handle_out: ptr body_handle, kv_error_out: ptr kv_error) -> status
    int kvStoreListWait(int list, int[] bodyOut, int[] kvErrorOut);

    // ---- fastly_secret_store

    // open(name: string) -> (status, secret_store_handle)
    int secretStoreOpen(byte[] name, int[] storeOut);

    // get(store, key: string) -> (status, secret_handle)
    int secretStoreGet(int store, byte[] key, int[] secretOut);

    // plaintext(secret, buf: ptr char8, buf_len: usize, nwritten_out: ptr usize) -> status
    int secretStorePlaintext(int secret, byte[] buf, int len, int[] nwrittenOut);

    // from_bytes(buf: ptr char8, buf_len: usize) -> (status, secret_handle)
    int secretStoreFromBytes(byte[] bytes, int[] secretOut);
    // ---- fastly_cache

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

    // ---- fastly_purge

    // purge_surrogate_key(surrogate_key: string, options_mask: purge_options_mask, options: ptr purge_options
    //   {ret_buf_ptr, ret_buf_len, ret_buf_nwritten_out}) -> status
    int purgeSurrogateKey(byte[] surrogateKey, int optionsMask, byte[] retBuf, int retBufLen, int[] nwrittenOut);

    // ---- wasi_snapshot_preview1 (the environment and the clock; these return a WASI errno, 0 for success)

    // environ_sizes_get() -> (errno, count: size, buf_size: size)
    int wasiEnvironSizesGet(int[] countOut, int[] bufSizeOut);

    // environ_get(environ: ptr ptr u8, environ_buf: ptr u8) -> errno; here only the buffer of NUL-terminated
    // NAME=value entries, which must hold environ_sizes_get's buf_size bytes
    int wasiEnvironGet(byte[] buf);

    // clock_time_get(id: clockid, precision: timestamp) -> (errno, time: timestamp); the time in nanoseconds,
    // since the epoch for the realtime clock (id 0)
    int wasiClockTimeGet(int clockId, long precision, long[] timeOut);

    // ---- fastly_http_cache

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

    // ---- fastly_geo

    // lookup(addr_octets: const_pointer char8, addr_len: usize, buf: ptr char8, buf_len: usize,
    //   nwritten_out: ptr usize) -> status; the answer is a JSON object
    int geoLookup(byte[] addrOctets, int addrLen, byte[] buf, int len, int[] nwrittenOut);

    // ---- fastly_erl

    // check_rate(rc: string, entry: string, delta: u32, window: u32, limit: u32, pb: string, ttl: u32)
    //   -> (status, blocked u32)
    int erlCheckRate(
            byte[] rateCounter,
            byte[] entry,
            int delta,
            int window,
            int limit,
            byte[] penaltyBox,
            int ttl,
            int[] blockedOut);

    // ratecounter_increment(rc: string, entry: string, delta: u32) -> status
    int erlRatecounterIncrement(byte[] rateCounter, byte[] entry, int delta);

    // ratecounter_lookup_rate(rc: string, entry: string, window: u32) -> (status, rate u32)
    int erlRatecounterLookupRate(byte[] rateCounter, byte[] entry, int window, int[] rateOut);

    // ratecounter_lookup_count(rc: string, entry: string, duration: u32) -> (status, count u32)
    int erlRatecounterLookupCount(byte[] rateCounter, byte[] entry, int duration, int[] countOut);

    // penaltybox_add(pb: string, entry: string, ttl: u32) -> status
    int erlPenaltyboxAdd(byte[] penaltyBox, byte[] entry, int ttl);

    // penaltybox_has(pb: string, entry: string) -> (status, has u32)
    int erlPenaltyboxHas(byte[] penaltyBox, byte[] entry, int[] hasOut);

    // ---- fastly_acl

    // open(name: string) -> (status, acl_handle); none when the service has no such ACL
    int aclOpen(byte[] name, int[] aclOut);

    // lookup(acl, ip_octets: const_pointer char8, ip_len: usize, body_handle_out: ptr body_handle,
    //   acl_error_out: ptr acl_error) -> status; on acl_error ok the body holds {"action":..,"prefix":..}
    int aclLookup(int acl, byte[] ipOctets, int ipLen, int[] bodyOut, int[] aclErrorOut);
}
