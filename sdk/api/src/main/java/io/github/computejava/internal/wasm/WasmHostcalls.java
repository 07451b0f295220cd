package io.github.computejava.internal.wasm;

import io.github.computejava.abi.CacheLookupOptions;
import io.github.computejava.abi.CacheReplaceOptions;
import io.github.computejava.abi.CacheWriteOptions;
import io.github.computejava.abi.DynamicBackendRecord;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.abi.HttpCacheLookupOptions;
import io.github.computejava.abi.HttpCacheWriteOptions;
import io.github.computejava.abi.KvInsertConfig;
import org.teavm.interop.Address;
import org.teavm.interop.Import;

/**
 * The hostcalls of {@code main.wasm}: each method passes its arrays' data addresses to the matching Fastly
 * import. An array's address is taken in the call itself, so no allocation can move it in between.
 */
public final class WasmHostcalls implements Hostcalls {
    /** The one instance; the imports are static. */
    public static final WasmHostcalls INSTANCE = new WasmHostcalls();

    private WasmHostcalls() {}

    private static Address at(byte[] buf, int off) {
        return Address.ofData(buf).add(off);
    }

    /**
     * The 8-aligned address inside {@code array}. A u64 out-pointer and a record with u64 fields must be 8-aligned
     * (the host answers badalign otherwise), but TeaVM aligns array data to 4 bytes only: each goes in a long[]
     * one element longer than it needs ({@code new long[2]} for one u64), at this address.
     */
    private static Address aligned(long[] array) {
        return Address.align(Address.ofData(array), 8);
    }

    // fastly_abi.init(abi_version: u64) -> status
    @Import(module = "fastly_abi", name = "init")
    private static native int fastlyAbiInit(long abiVersion);

    // fastly_http_body.new() -> (status, body_handle)
    @Import(module = "fastly_http_body", name = "new")
    private static native int bodyNew(Address bodyOut);

    // fastly_http_body.read(h, buf: ptr u8, buf_len: usize) -> (status, num_bytes)
    @Import(module = "fastly_http_body", name = "read")
    private static native int bodyRead(int body, Address buf, int len, Address nreadOut);

    // fastly_http_body.write(h, buf: list u8, end: body_write_end) -> (status, num_bytes)
    @Import(module = "fastly_http_body", name = "write")
    private static native int bodyWrite(int body, Address buf, int len, int end, Address nwrittenOut);

    // fastly_http_body.append(dest, src) -> status
    @Import(module = "fastly_http_body", name = "append")
    private static native int bodyAppend0(int dest, int src);

    // fastly_http_body.close(h) -> status
    @Import(module = "fastly_http_body", name = "close")
    private static native int bodyClose0(int body);

    // fastly_http_body.abandon(h) -> status
    @Import(module = "fastly_http_body", name = "abandon")
    private static native int bodyAbandon0(int body);

    // fastly_http_body.known_length(h) -> (status, body_length u64)
    @Import(module = "fastly_http_body", name = "known_length")
    private static native int bodyKnownLength(int body, Address lengthOut);

    // fastly_log.endpoint_get(name: list u8) -> (status, endpoint_handle)
    @Import(module = "fastly_log", name = "endpoint_get")
    private static native int logEndpointGet(Address name, int nameLen, Address endpointOut);

    // fastly_log.write(h, msg: list u8) -> (status, num_bytes)
    @Import(module = "fastly_log", name = "write")
    private static native int logWrite(int endpoint, Address msg, int len, Address nwrittenOut);

    // fastly_http_req.body_downstream_get() -> (status, request_handle, body_handle)
    @Import(module = "fastly_http_req", name = "body_downstream_get")
    private static native int reqBodyDownstreamGet(Address reqOut, Address bodyOut);

    // fastly_http_req.new() -> (status, request_handle)
    @Import(module = "fastly_http_req", name = "new")
    private static native int reqNew(Address reqOut);

    // fastly_http_req.close(h) -> status
    @Import(module = "fastly_http_req", name = "close")
    private static native int reqClose0(int req);

    // fastly_http_req.method_get(h, buf, buf_len, nwritten_out) -> status
    @Import(module = "fastly_http_req", name = "method_get")
    private static native int reqMethodGet(int req, Address buf, int len, Address nwrittenOut);

    // fastly_http_req.method_set(h, method: string) -> status
    @Import(module = "fastly_http_req", name = "method_set")
    private static native int reqMethodSet(int req, Address method, int len);

    // fastly_http_req.uri_get(h, buf, buf_len, nwritten_out) -> status
    @Import(module = "fastly_http_req", name = "uri_get")
    private static native int reqUriGet(int req, Address buf, int len, Address nwrittenOut);

    // fastly_http_req.uri_set(h, uri: string) -> status
    @Import(module = "fastly_http_req", name = "uri_set")
    private static native int reqUriSet(int req, Address uri, int len);

    // fastly_http_req.version_get(h) -> (status, http_version)
    @Import(module = "fastly_http_req", name = "version_get")
    private static native int reqVersionGet(int req, Address versionOut);

    // fastly_http_req.version_set(h, version) -> status
    @Import(module = "fastly_http_req", name = "version_set")
    private static native int reqVersionSet0(int req, int version);

    // fastly_http_req.header_names_get(h, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    @Import(module = "fastly_http_req", name = "header_names_get")
    private static native int reqHeaderNamesGet(
            int req, Address buf, int len, int cursor, Address endingCursorOut, Address nwrittenOut);

    // fastly_http_req.header_values_get(h, name, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    @Import(module = "fastly_http_req", name = "header_values_get")
    private static native int reqHeaderValuesGet(
            int req,
            Address name,
            int nameLen,
            Address buf,
            int len,
            int cursor,
            Address endingCursorOut,
            Address nwrittenOut);

    // fastly_http_req.header_values_set(h, name: list u8, values: list char8) -> status
    @Import(module = "fastly_http_req", name = "header_values_set")
    private static native int reqHeaderValuesSet(int req, Address name, int nameLen, Address values, int valuesLen);

    // fastly_http_req.header_insert(h, name, value) -> status
    @Import(module = "fastly_http_req", name = "header_insert")
    private static native int reqHeaderInsert(int req, Address name, int nameLen, Address value, int valueLen);

    // fastly_http_req.header_append(h, name, value) -> status
    @Import(module = "fastly_http_req", name = "header_append")
    private static native int reqHeaderAppend(int req, Address name, int nameLen, Address value, int valueLen);

    // fastly_http_req.header_remove(h, name) -> status
    @Import(module = "fastly_http_req", name = "header_remove")
    private static native int reqHeaderRemove(int req, Address name, int nameLen);

    // fastly_http_req.cache_override_v2_set(h, tag, ttl: u32, swr: u32, sk: list u8) -> status
    @Import(module = "fastly_http_req", name = "cache_override_v2_set")
    private static native int reqCacheOverrideV2Set(int req, int tag, int ttl, int swr, Address sk, int skLen);

    // fastly_http_req.framing_headers_mode_set(h, mode) -> status
    @Import(module = "fastly_http_req", name = "framing_headers_mode_set")
    private static native int reqFramingHeadersModeSet0(int req, int mode);

    // fastly_http_req.auto_decompress_response_set(h, encodings) -> status
    @Import(module = "fastly_http_req", name = "auto_decompress_response_set")
    private static native int reqAutoDecompressResponseSet0(int req, int encodings);

    // fastly_http_req.send_v2(h, b, backend: string, error_detail: ptr) -> (status, response_handle, body_handle)
    @Import(module = "fastly_http_req", name = "send_v2")
    private static native int reqSendV2(
            int req, int body, Address backend, int backendLen, Address errorDetail, Address respOut, Address bodyOut);

    // fastly_http_req.send_async_streaming(h, b, backend: string) -> (status, pending_request_handle)
    @Import(module = "fastly_http_req", name = "send_async_streaming")
    private static native int reqSendAsyncStreaming(
            int req, int body, Address backend, int backendLen, Address pendingOut);

    // fastly_http_req.pending_req_wait_v2(h, error_detail: ptr) -> (status, response_handle, body_handle)
    @Import(module = "fastly_http_req", name = "pending_req_wait_v2")
    private static native int reqPendingReqWaitV2(int pending, Address errorDetail, Address respOut, Address bodyOut);

    // fastly_http_downstream.downstream_client_ip_addr(req, addr_octets_out: ptr [16]) -> (status, num_bytes)
    @Import(module = "fastly_http_downstream", name = "downstream_client_ip_addr")
    private static native int downstreamClientIpAddr(int req, Address octets, Address nwrittenOut);

    // fastly_http_downstream.next_request(options_mask, options: ptr next_request_options)
    //   -> (status, request_promise_handle)
    @Import(module = "fastly_http_downstream", name = "next_request")
    private static native int downstreamNextRequest(int mask, Address options, Address promiseOut);

    // fastly_http_downstream.next_request_wait(h) -> (status, request_handle, body_handle)
    @Import(module = "fastly_http_downstream", name = "next_request_wait")
    private static native int downstreamNextRequestWait(int promise, Address reqOut, Address bodyOut);

    // fastly_http_downstream.next_request_abandon(h) -> status
    @Import(module = "fastly_http_downstream", name = "next_request_abandon")
    private static native int nextRequestAbandonImport(int promise);

    // fastly_http_resp.new() -> (status, response_handle)
    @Import(module = "fastly_http_resp", name = "new")
    private static native int respNew(Address respOut);

    // fastly_http_resp.close(h) -> status
    @Import(module = "fastly_http_resp", name = "close")
    private static native int respClose0(int resp);

    // fastly_http_resp.status_get(h) -> (status, http_status)
    @Import(module = "fastly_http_resp", name = "status_get")
    private static native int respStatusGet(int resp, Address statusOut);

    // fastly_http_resp.status_set(h, status: u16) -> status
    @Import(module = "fastly_http_resp", name = "status_set")
    private static native int respStatusSet0(int resp, int status);

    // fastly_http_resp.header_names_get(h, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    @Import(module = "fastly_http_resp", name = "header_names_get")
    private static native int respHeaderNamesGet(
            int resp, Address buf, int len, int cursor, Address endingCursorOut, Address nwrittenOut);

    // fastly_http_resp.header_values_get(h, name, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    @Import(module = "fastly_http_resp", name = "header_values_get")
    private static native int respHeaderValuesGet(
            int resp,
            Address name,
            int nameLen,
            Address buf,
            int len,
            int cursor,
            Address endingCursorOut,
            Address nwrittenOut);

    // fastly_http_resp.header_values_set(h, name, values) -> status
    @Import(module = "fastly_http_resp", name = "header_values_set")
    private static native int respHeaderValuesSet(int resp, Address name, int nameLen, Address values, int valuesLen);

    // fastly_http_resp.header_insert(h, name, value) -> status
    @Import(module = "fastly_http_resp", name = "header_insert")
    private static native int respHeaderInsert(int resp, Address name, int nameLen, Address value, int valueLen);

    // fastly_http_resp.header_append(h, name, value) -> status
    @Import(module = "fastly_http_resp", name = "header_append")
    private static native int respHeaderAppend(int resp, Address name, int nameLen, Address value, int valueLen);

    // fastly_http_resp.header_remove(h, name) -> status
    @Import(module = "fastly_http_resp", name = "header_remove")
    private static native int respHeaderRemove(int resp, Address name, int nameLen);

    // fastly_http_resp.send_downstream(h, b, streaming: u32) -> status
    @Import(module = "fastly_http_resp", name = "send_downstream")
    private static native int respSendDownstream0(int resp, int body, int streaming);

    // fastly_http_resp.framing_headers_mode_set(h, mode) -> status
    @Import(module = "fastly_http_resp", name = "framing_headers_mode_set")
    private static native int respFramingHeadersModeSet0(int resp, int mode);

    // fastly_backend.exists(backend: string) -> (status, backend_exists)
    @Import(module = "fastly_backend", name = "exists")
    private static native int backendExists(Address backend, int len, Address existsOut);

    // fastly_config_store.open(name: string) -> (status, config_store_handle)
    @Import(module = "fastly_config_store", name = "open")
    private static native int configStoreOpen(Address name, int len, Address storeOut);

    // fastly_config_store.get(h, key: string, value, value_max_len, nwritten_out) -> status
    @Import(module = "fastly_config_store", name = "get")
    private static native int configStoreGet(
            int store, Address key, int keyLen, Address buf, int len, Address nwrittenOut);

    @Override
    public int abiInit(long abiVersion) {
        return fastlyAbiInit(abiVersion);
    }

    @Override
    public int bodyNew(int[] bodyOut) {
        return bodyNew(Address.ofData(bodyOut));
    }

    @Override
    public int bodyRead(int body, byte[] buf, int off, int len, int[] nreadOut) {
        return bodyRead(body, at(buf, off), len, Address.ofData(nreadOut));
    }

    @Override
    public int bodyWrite(int body, byte[] buf, int off, int len, int end, int[] nwrittenOut) {
        return bodyWrite(body, at(buf, off), len, end, Address.ofData(nwrittenOut));
    }

    @Override
    public int bodyAppend(int dest, int src) {
        return bodyAppend0(dest, src);
    }

    @Override
    public int bodyClose(int body) {
        return bodyClose0(body);
    }

    @Override
    public int bodyAbandon(int body) {
        return bodyAbandon0(body);
    }

    @Override
    public int bodyKnownLength(int body, long[] lengthOut) {
        long[] slot = new long[2];
        int status = bodyKnownLength(body, aligned(slot));
        lengthOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int logEndpointGet(byte[] name, int[] endpointOut) {
        return logEndpointGet(Address.ofData(name), name.length, Address.ofData(endpointOut));
    }

    @Override
    public int logWrite(int endpoint, byte[] msg, int off, int len, int[] nwrittenOut) {
        return logWrite(endpoint, at(msg, off), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int reqBodyDownstreamGet(int[] reqOut, int[] bodyOut) {
        return reqBodyDownstreamGet(Address.ofData(reqOut), Address.ofData(bodyOut));
    }

    @Override
    public int reqNew(int[] reqOut) {
        return reqNew(Address.ofData(reqOut));
    }

    @Override
    public int reqClose(int req) {
        return reqClose0(req);
    }

    @Override
    public int reqMethodGet(int req, byte[] buf, int len, int[] nwrittenOut) {
        return reqMethodGet(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int reqMethodSet(int req, byte[] method) {
        return reqMethodSet(req, Address.ofData(method), method.length);
    }

    @Override
    public int reqUriGet(int req, byte[] buf, int len, int[] nwrittenOut) {
        return reqUriGet(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int reqUriSet(int req, byte[] uri) {
        return reqUriSet(req, Address.ofData(uri), uri.length);
    }

    @Override
    public int reqVersionGet(int req, int[] versionOut) {
        return reqVersionGet(req, Address.ofData(versionOut));
    }

    @Override
    public int reqVersionSet(int req, int version) {
        return reqVersionSet0(req, version);
    }

    @Override
    public int reqHeaderNamesGet(int req, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        long[] slot = new long[2];
        int status =
                reqHeaderNamesGet(req, Address.ofData(buf), len, cursor, aligned(slot), Address.ofData(nwrittenOut));
        endingCursorOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int reqHeaderValuesGet(
            int req, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        long[] slot = new long[2];
        int status = reqHeaderValuesGet(
                req,
                Address.ofData(name),
                name.length,
                Address.ofData(buf),
                len,
                cursor,
                aligned(slot),
                Address.ofData(nwrittenOut));
        endingCursorOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int reqHeaderValuesSet(int req, byte[] name, byte[] values, int valuesLen) {
        return reqHeaderValuesSet(req, Address.ofData(name), name.length, Address.ofData(values), valuesLen);
    }

    @Override
    public int reqHeaderInsert(int req, byte[] name, byte[] value) {
        return reqHeaderInsert(req, Address.ofData(name), name.length, Address.ofData(value), value.length);
    }

    @Override
    public int reqHeaderAppend(int req, byte[] name, byte[] value) {
        return reqHeaderAppend(req, Address.ofData(name), name.length, Address.ofData(value), value.length);
    }

    @Override
    public int reqHeaderRemove(int req, byte[] name) {
        return reqHeaderRemove(req, Address.ofData(name), name.length);
    }

    @Override
    public int reqCacheOverrideV2Set(int req, int tag, int ttl, int staleWhileRevalidate, byte[] surrogateKey) {
        return reqCacheOverrideV2Set(
                req, tag, ttl, staleWhileRevalidate, Address.ofData(surrogateKey), surrogateKey.length);
    }

    @Override
    public int reqFramingHeadersModeSet(int req, int mode) {
        return reqFramingHeadersModeSet0(req, mode);
    }

    @Override
    public int reqAutoDecompressResponseSet(int req, int encodings) {
        return reqAutoDecompressResponseSet0(req, encodings);
    }

    @Override
    public int reqSendV2(int req, int body, byte[] backend, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        return reqSendV2(
                req,
                body,
                Address.ofData(backend),
                backend.length,
                Address.ofData(errorDetail),
                Address.ofData(respOut),
                Address.ofData(respBodyOut));
    }

    @Override
    public int reqSendAsyncStreaming(int req, int body, byte[] backend, int[] pendingOut) {
        return reqSendAsyncStreaming(req, body, Address.ofData(backend), backend.length, Address.ofData(pendingOut));
    }

    @Override
    public int reqPendingReqWaitV2(int pending, byte[] errorDetail, int[] respOut, int[] respBodyOut) {
        return reqPendingReqWaitV2(
                pending, Address.ofData(errorDetail), Address.ofData(respOut), Address.ofData(respBodyOut));
    }

    @Override
    public int downstreamClientIpAddr(int req, byte[] octets16, int[] nwrittenOut) {
        return downstreamClientIpAddr(req, Address.ofData(octets16), Address.ofData(nwrittenOut));
    }

    @Override
    public int downstreamNextRequest(int mask, long timeoutMillis, int[] promiseOut) {
        // next_request_options holds a u64: 8-aligned inside a long[2]
        long[] record = new long[2];
        Address options = aligned(record);
        options.putLong(timeoutMillis);
        return downstreamNextRequest(mask, options, Address.ofData(promiseOut));
    }

    @Override
    public int downstreamNextRequestWait(int promise, int[] reqOut, int[] bodyOut) {
        return downstreamNextRequestWait(promise, Address.ofData(reqOut), Address.ofData(bodyOut));
    }

    @Override
    public int downstreamNextRequestAbandon(int promise) {
        return nextRequestAbandonImport(promise);
    }

    @Override
    public int respNew(int[] respOut) {
        return respNew(Address.ofData(respOut));
    }

    @Override
    public int respClose(int resp) {
        return respClose0(resp);
    }

    @Override
    public int respStatusGet(int resp, int[] statusOut) {
        // the host writes a u16; clear the high half first
        statusOut[0] = 0;
        return respStatusGet(resp, Address.ofData(statusOut));
    }

    @Override
    public int respStatusSet(int resp, int status) {
        return respStatusSet0(resp, status);
    }

    @Override
    public int respHeaderNamesGet(
            int resp, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        long[] slot = new long[2];
        int status =
                respHeaderNamesGet(resp, Address.ofData(buf), len, cursor, aligned(slot), Address.ofData(nwrittenOut));
        endingCursorOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int respHeaderValuesGet(
            int resp, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        long[] slot = new long[2];
        int status = respHeaderValuesGet(
                resp,
                Address.ofData(name),
                name.length,
                Address.ofData(buf),
                len,
                cursor,
                aligned(slot),
                Address.ofData(nwrittenOut));
        endingCursorOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int respHeaderValuesSet(int resp, byte[] name, byte[] values, int valuesLen) {
        return respHeaderValuesSet(resp, Address.ofData(name), name.length, Address.ofData(values), valuesLen);
    }

    @Override
    public int respHeaderInsert(int resp, byte[] name, byte[] value) {
        return respHeaderInsert(resp, Address.ofData(name), name.length, Address.ofData(value), value.length);
    }

    @Override
    public int respHeaderAppend(int resp, byte[] name, byte[] value) {
        return respHeaderAppend(resp, Address.ofData(name), name.length, Address.ofData(value), value.length);
    }

    @Override
    public int respHeaderRemove(int resp, byte[] name) {
        return respHeaderRemove(resp, Address.ofData(name), name.length);
    }

    @Override
    public int respSendDownstream(int resp, int body, int streaming) {
        return respSendDownstream0(resp, body, streaming);
    }

    @Override
    public int respFramingHeadersModeSet(int resp, int mode) {
        return respFramingHeadersModeSet0(resp, mode);
    }

    @Override
    public int backendExists(byte[] backend, int[] existsOut) {
        return backendExists(Address.ofData(backend), backend.length, Address.ofData(existsOut));
    }

    @Override
    public int configStoreOpen(byte[] name, int[] storeOut) {
        return configStoreOpen(Address.ofData(name), name.length, Address.ofData(storeOut));
    }

    @Override
    public int configStoreGet(int store, byte[] key, byte[] buf, int len, int[] nwrittenOut) {
        return configStoreGet(
                store, Address.ofData(key), key.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    // ---- fastly_cache, fastly_purge and the WASI environment
    // Records with pointers are laid out here, in arrays allocated before any address is taken; records with u64
    // fields live in long[] so they are 8-aligned as the host expects.

    // fastly_cache.lookup(cache_key: list u8, options_mask, options: ptr cache_lookup_options) -> (status,
    // cache_handle)
    @Import(module = "fastly_cache", name = "lookup")
    private static native int cacheLookup(Address key, int keyLen, int mask, Address options, Address handleOut);

    // fastly_cache.insert(cache_key: list u8, options_mask, options: ptr cache_write_options) -> (status, body_handle)
    @Import(module = "fastly_cache", name = "insert")
    private static native int cacheInsert(Address key, int keyLen, int mask, Address options, Address bodyOut);

    // fastly_cache.transaction_lookup(cache_key, options_mask, options) -> (status, cache_handle)
    @Import(module = "fastly_cache", name = "transaction_lookup")
    private static native int cacheTransactionLookup(
            Address key, int keyLen, int mask, Address options, Address handleOut);

    // fastly_cache.transaction_lookup_async(cache_key, options_mask, options) -> (status, cache_busy_handle)
    @Import(module = "fastly_cache", name = "transaction_lookup_async")
    private static native int cacheTransactionLookupAsync(
            Address key, int keyLen, int mask, Address options, Address busyOut);

    // fastly_cache.cache_busy_handle_wait(busy_handle) -> (status, cache_handle)
    @Import(module = "fastly_cache", name = "cache_busy_handle_wait")
    private static native int cacheBusyHandleWait(int busy, Address handleOut);

    // fastly_cache.transaction_insert(h, options_mask, options) -> (status, body_handle)
    @Import(module = "fastly_cache", name = "transaction_insert")
    private static native int cacheTransactionInsert(int handle, int mask, Address options, Address bodyOut);

    // fastly_cache.transaction_insert_and_stream_back(h, options_mask, options) -> (status, body_handle, cache_handle)
    @Import(module = "fastly_cache", name = "transaction_insert_and_stream_back")
    private static native int cacheTransactionInsertAndStreamBack(
            int handle, int mask, Address options, Address bodyOut, Address handleOut);

    // fastly_cache.transaction_update(h, options_mask, options) -> status
    @Import(module = "fastly_cache", name = "transaction_update")
    private static native int cacheTransactionUpdate(int handle, int mask, Address options);

    // fastly_cache.transaction_cancel(h) -> status
    @Import(module = "fastly_cache", name = "transaction_cancel")
    private static native int cacheTransactionCancel0(int handle);

    // fastly_cache.close_busy(h) -> status
    @Import(module = "fastly_cache", name = "close_busy")
    private static native int cacheCloseBusy0(int busy);

    // fastly_cache.close(h) -> status
    @Import(module = "fastly_cache", name = "close")
    private static native int cacheClose0(int handle);

    // fastly_cache.get_state(h) -> (status, cache_lookup_state)
    @Import(module = "fastly_cache", name = "get_state")
    private static native int cacheGetState(int handle, Address stateOut);

    // fastly_cache.get_user_metadata(h, out_ptr, out_len, nwritten_out) -> status
    @Import(module = "fastly_cache", name = "get_user_metadata")
    private static native int cacheGetUserMetadata(int handle, Address buf, int len, Address nwrittenOut);

    // fastly_cache.get_body(h, options_mask, options: cache_get_body_options) -> (status, body_handle)
    @Import(module = "fastly_cache", name = "get_body")
    private static native int cacheGetBody(int handle, int mask, Address options, Address bodyOut);

    // fastly_cache.get_length(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "get_length")
    private static native int cacheGetLength(int handle, Address out);

    // fastly_cache.get_max_age_ns(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "get_max_age_ns")
    private static native int cacheGetMaxAgeNs(int handle, Address out);

    // fastly_cache.get_stale_while_revalidate_ns(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "get_stale_while_revalidate_ns")
    private static native int cacheGetStaleWhileRevalidateNs(int handle, Address out);

    // fastly_cache.get_age_ns(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "get_age_ns")
    private static native int cacheGetAgeNs(int handle, Address out);

    // fastly_cache.get_hits(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "get_hits")
    private static native int cacheGetHits(int handle, Address out);

    // fastly_cache.replace(cache_key, options_mask, options: ptr cache_replace_options) -> (status,
    // cache_replace_handle)
    @Import(module = "fastly_cache", name = "replace")
    private static native int cacheReplace(Address key, int keyLen, int mask, Address options, Address handleOut);

    // fastly_cache.replace_insert(h, options_mask, options: ptr cache_write_options) -> (status, body_handle)
    @Import(module = "fastly_cache", name = "replace_insert")
    private static native int cacheReplaceInsert(int handle, int mask, Address options, Address bodyOut);

    // fastly_cache.replace_get_age_ns(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "replace_get_age_ns")
    private static native int cacheReplaceGetAgeNs(int handle, Address out);

    // fastly_cache.replace_get_body(h, options_mask, options: cache_get_body_options) -> (status, body_handle)
    @Import(module = "fastly_cache", name = "replace_get_body")
    private static native int cacheReplaceGetBody(int handle, int mask, Address options, Address bodyOut);

    // fastly_cache.replace_get_hits(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "replace_get_hits")
    private static native int cacheReplaceGetHits(int handle, Address out);

    // fastly_cache.replace_get_length(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "replace_get_length")
    private static native int cacheReplaceGetLength(int handle, Address out);

    // fastly_cache.replace_get_max_age_ns(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "replace_get_max_age_ns")
    private static native int cacheReplaceGetMaxAgeNs(int handle, Address out);

    // fastly_cache.replace_get_stale_while_revalidate_ns(h) -> (status, u64)
    @Import(module = "fastly_cache", name = "replace_get_stale_while_revalidate_ns")
    private static native int cacheReplaceGetStaleWhileRevalidateNs(int handle, Address out);

    // fastly_cache.replace_get_state(h) -> (status, cache_lookup_state)
    @Import(module = "fastly_cache", name = "replace_get_state")
    private static native int cacheReplaceGetState(int handle, Address stateOut);

    // fastly_cache.replace_get_user_metadata(h, out_ptr, out_len, nwritten_out) -> status
    @Import(module = "fastly_cache", name = "replace_get_user_metadata")
    private static native int cacheReplaceGetUserMetadata(int handle, Address buf, int len, Address nwrittenOut);

    // fastly_purge.purge_surrogate_key(surrogate_key: string, options_mask, options: ptr purge_options) -> status
    @Import(module = "fastly_purge", name = "purge_surrogate_key")
    private static native int purgeSurrogateKey(Address key, int keyLen, int mask, Address options);

    // wasi_snapshot_preview1.environ_sizes_get(count_out: ptr size, buf_size_out: ptr size) -> errno
    @Import(module = "wasi_snapshot_preview1", name = "environ_sizes_get")
    private static native int environSizesGet(Address countOut, Address bufSizeOut);

    // wasi_snapshot_preview1.environ_get(environ: ptr ptr u8, environ_buf: ptr u8) -> errno
    @Import(module = "wasi_snapshot_preview1", name = "environ_get")
    private static native int environGet(Address environ, Address environBuf);

    // wasi_snapshot_preview1.clock_time_get(id: clockid, precision: timestamp, time_out: ptr timestamp) -> errno
    @Import(module = "wasi_snapshot_preview1", name = "clock_time_get")
    private static native int clockTimeGet(int clockId, long precision, Address timeOut);

    private static void layOut(int[] record, CacheLookupOptions o) {
        record[0] = o.requestHeaders;
        record[1] = Address.ofData(o.serviceId).toInt();
        record[2] = o.serviceId.length;
    }

    private static void layOut(Address r, CacheWriteOptions o) {
        r.putLong(o.maxAgeNs);
        r.add(8).putInt(o.requestHeaders);
        r.add(12).putInt(Address.ofData(o.varyRule).toInt());
        r.add(16).putInt(o.varyRule.length);
        r.add(24).putLong(o.initialAgeNs);
        r.add(32).putLong(o.staleWhileRevalidateNs);
        r.add(40).putInt(Address.ofData(o.surrogateKeys).toInt());
        r.add(44).putInt(o.surrogateKeys.length);
        r.add(48).putLong(o.length);
        r.add(56).putInt(Address.ofData(o.userMetadata).toInt());
        r.add(60).putInt(o.userMetadata.length);
        r.add(64).putLong(o.edgeMaxAgeNs);
        r.add(72).putInt(Address.ofData(o.serviceId).toInt());
        r.add(76).putInt(o.serviceId.length);
    }

    @Override
    public int cacheLookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut) {
        int[] record = new int[CacheLookupOptions.SIZE / 4];
        layOut(record, options);
        return cacheLookup(
                Address.ofData(key), key.length, optionsMask, Address.ofData(record), Address.ofData(handleOut));
    }

    @Override
    public int cacheInsert(byte[] key, int optionsMask, CacheWriteOptions options, int[] bodyOut) {
        long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        layOut(r, options);
        return cacheInsert(Address.ofData(key), key.length, optionsMask, r, Address.ofData(bodyOut));
    }

    @Override
    public int cacheTransactionLookup(byte[] key, int optionsMask, CacheLookupOptions options, int[] handleOut) {
        int[] record = new int[CacheLookupOptions.SIZE / 4];
        layOut(record, options);
        return cacheTransactionLookup(
                Address.ofData(key), key.length, optionsMask, Address.ofData(record), Address.ofData(handleOut));
    }

    @Override
    public int cacheTransactionLookupAsync(byte[] key, int optionsMask, CacheLookupOptions options, int[] busyOut) {
        int[] record = new int[CacheLookupOptions.SIZE / 4];
        layOut(record, options);
        return cacheTransactionLookupAsync(
                Address.ofData(key), key.length, optionsMask, Address.ofData(record), Address.ofData(busyOut));
    }

    @Override
    public int cacheBusyHandleWait(int busy, int[] handleOut) {
        return cacheBusyHandleWait(busy, Address.ofData(handleOut));
    }

    @Override
    public int cacheTransactionInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut) {
        long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        layOut(r, options);
        return cacheTransactionInsert(handle, optionsMask, r, Address.ofData(bodyOut));
    }

    @Override
    public int cacheTransactionInsertAndStreamBack(
            int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut, int[] handleOut) {
        long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        layOut(r, options);
        return cacheTransactionInsertAndStreamBack(
                handle, optionsMask, r, Address.ofData(bodyOut), Address.ofData(handleOut));
    }

    @Override
    public int cacheTransactionUpdate(int handle, int optionsMask, CacheWriteOptions options) {
        long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        layOut(r, options);
        return cacheTransactionUpdate(handle, optionsMask, r);
    }

    @Override
    public int cacheTransactionCancel(int handle) {
        return cacheTransactionCancel0(handle);
    }

    @Override
    public int cacheCloseBusy(int busy) {
        return cacheCloseBusy0(busy);
    }

    @Override
    public int cacheClose(int handle) {
        return cacheClose0(handle);
    }

    @Override
    public int cacheGetState(int handle, int[] stateOut) {
        return cacheGetState(handle, Address.ofData(stateOut));
    }

    @Override
    public int cacheGetUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut) {
        return cacheGetUserMetadata(handle, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int cacheGetBody(int handle, int optionsMask, byte[] options, int[] bodyOut) {
        long[] record = new long[3];
        Address r = aligned(record);
        for (int i = 0; i < 16; i++) {
            r.add(i).putByte(options[i]);
        }
        return cacheGetBody(handle, optionsMask, r, Address.ofData(bodyOut));
    }

    @Override
    public int cacheGetLength(int handle, long[] lengthOut) {
        long[] slot = new long[2];
        int status = cacheGetLength(handle, aligned(slot));
        lengthOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheGetMaxAgeNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = cacheGetMaxAgeNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheGetStaleWhileRevalidateNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = cacheGetStaleWhileRevalidateNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheGetAgeNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = cacheGetAgeNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheGetHits(int handle, long[] hitsOut) {
        long[] slot = new long[2];
        int status = cacheGetHits(handle, aligned(slot));
        hitsOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheReplace(byte[] key, int optionsMask, CacheReplaceOptions options, int[] handleOut) {
        int[] record = new int[CacheReplaceOptions.SIZE / 4];
        record[0] = options.requestHeaders;
        record[1] = options.replaceStrategy;
        record[2] = Address.ofData(options.serviceId).toInt();
        record[3] = options.serviceId.length;
        return cacheReplace(
                Address.ofData(key), key.length, optionsMask, Address.ofData(record), Address.ofData(handleOut));
    }

    @Override
    public int cacheReplaceInsert(int handle, int optionsMask, CacheWriteOptions options, int[] bodyOut) {
        long[] record = new long[CacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        layOut(r, options);
        return cacheReplaceInsert(handle, optionsMask, r, Address.ofData(bodyOut));
    }

    @Override
    public int cacheReplaceGetAgeNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = cacheReplaceGetAgeNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheReplaceGetBody(int handle, int optionsMask, byte[] options, int[] bodyOut) {
        long[] record = new long[3];
        Address r = aligned(record);
        for (int i = 0; i < 16; i++) {
            r.add(i).putByte(options[i]);
        }
        return cacheReplaceGetBody(handle, optionsMask, r, Address.ofData(bodyOut));
    }

    @Override
    public int cacheReplaceGetHits(int handle, long[] hitsOut) {
        long[] slot = new long[2];
        int status = cacheReplaceGetHits(handle, aligned(slot));
        hitsOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheReplaceGetLength(int handle, long[] lengthOut) {
        long[] slot = new long[2];
        int status = cacheReplaceGetLength(handle, aligned(slot));
        lengthOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheReplaceGetMaxAgeNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = cacheReplaceGetMaxAgeNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheReplaceGetStaleWhileRevalidateNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = cacheReplaceGetStaleWhileRevalidateNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int cacheReplaceGetState(int handle, int[] stateOut) {
        return cacheReplaceGetState(handle, Address.ofData(stateOut));
    }

    @Override
    public int cacheReplaceGetUserMetadata(int handle, byte[] buf, int len, int[] nwrittenOut) {
        return cacheReplaceGetUserMetadata(handle, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int purgeSurrogateKey(
            byte[] surrogateKey, int optionsMask, byte[] retBuf, int retBufLen, int[] nwrittenOut) {
        // purge_options: ret_buf_ptr @0, ret_buf_len @4, ret_buf_nwritten_out @8
        int[] record = new int[3];
        if (retBuf != null) {
            record[0] = Address.ofData(retBuf).toInt();
            record[1] = retBufLen;
        }
        if (nwrittenOut != null) {
            record[2] = Address.ofData(nwrittenOut).toInt();
        }
        return purgeSurrogateKey(
                Address.ofData(surrogateKey), surrogateKey.length, optionsMask, Address.ofData(record));
    }

    @Override
    public int wasiEnvironSizesGet(int[] countOut, int[] bufSizeOut) {
        return environSizesGet(Address.ofData(countOut), Address.ofData(bufSizeOut));
    }

    @Override
    public int wasiEnvironGet(byte[] buf) {
        int[] count = new int[1];
        int[] size = new int[1];
        int errno = environSizesGet(Address.ofData(count), Address.ofData(size));
        if (errno != 0) {
            return errno;
        }
        if (size[0] > buf.length) {
            // WASI errno 28: einval
            return 28;
        }
        int[] pointers = new int[Math.max(1, count[0])];
        return environGet(Address.ofData(pointers), Address.ofData(buf));
    }

    @Override
    public int wasiClockTimeGet(int clockId, long precision, long[] timeOut) {
        long[] slot = new long[2];
        int errno = clockTimeGet(clockId, precision, aligned(slot));
        timeOut[0] = aligned(slot).getLong();
        return errno;
    }

    // ---- fastly_http_req: dynamic backends

    // fastly_http_req.register_dynamic_backend(name_prefix: string, target: string, mask, config: ptr) -> status
    @Import(module = "fastly_http_req", name = "register_dynamic_backend")
    private static native int reqRegisterDynamicBackend(
            Address name, int nameLen, Address target, int targetLen, int mask, Address config);

    // ---- fastly_backend: getters

    // fastly_backend.get_host(backend: string, value: ptr char8, value_max_len, nwritten_out) -> status
    @Import(module = "fastly_backend", name = "get_host")
    private static native int backendGetHost(
            Address backend, int backendLen, Address buf, int len, Address nwrittenOut);

    // fastly_backend.get_override_host(backend: string, value: ptr char8, value_max_len, nwritten_out) -> status
    @Import(module = "fastly_backend", name = "get_override_host")
    private static native int backendGetOverrideHost(
            Address backend, int backendLen, Address buf, int len, Address nwrittenOut);

    // fastly_backend.is_healthy(backend: string) -> (status, backend_health)
    @Import(module = "fastly_backend", name = "is_healthy")
    private static native int backendIsHealthy0(Address backend, int len, Address out);

    // fastly_backend.is_dynamic(backend: string) -> (status, is_dynamic u32)
    @Import(module = "fastly_backend", name = "is_dynamic")
    private static native int backendIsDynamic0(Address backend, int len, Address out);

    // fastly_backend.get_port(backend: string) -> (status, port u16)
    @Import(module = "fastly_backend", name = "get_port")
    private static native int backendGetPort0(Address backend, int len, Address out);

    // fastly_backend.get_connect_timeout_ms(backend: string) -> (status, timeout_ms u32)
    @Import(module = "fastly_backend", name = "get_connect_timeout_ms")
    private static native int backendGetConnectTimeoutMs0(Address backend, int len, Address out);

    // fastly_backend.get_first_byte_timeout_ms(backend: string) -> (status, timeout_ms u32)
    @Import(module = "fastly_backend", name = "get_first_byte_timeout_ms")
    private static native int backendGetFirstByteTimeoutMs0(Address backend, int len, Address out);

    // fastly_backend.get_between_bytes_timeout_ms(backend: string) -> (status, timeout_ms u32)
    @Import(module = "fastly_backend", name = "get_between_bytes_timeout_ms")
    private static native int backendGetBetweenBytesTimeoutMs0(Address backend, int len, Address out);

    // fastly_backend.get_http_keepalive_time(backend: string) -> (status, timeout_ms u32)
    @Import(module = "fastly_backend", name = "get_http_keepalive_time")
    private static native int backendGetHttpKeepaliveTime0(Address backend, int len, Address out);

    // fastly_backend.get_tcp_keepalive_enable(backend: string) -> (status, is_keepalive u32)
    @Import(module = "fastly_backend", name = "get_tcp_keepalive_enable")
    private static native int backendGetTcpKeepaliveEnable0(Address backend, int len, Address out);

    // fastly_backend.get_tcp_keepalive_interval(backend: string) -> (status, timeout_secs u32)
    @Import(module = "fastly_backend", name = "get_tcp_keepalive_interval")
    private static native int backendGetTcpKeepaliveInterval0(Address backend, int len, Address out);

    // fastly_backend.get_tcp_keepalive_probes(backend: string) -> (status, probe_count u32)
    @Import(module = "fastly_backend", name = "get_tcp_keepalive_probes")
    private static native int backendGetTcpKeepaliveProbes0(Address backend, int len, Address out);

    // fastly_backend.get_tcp_keepalive_time(backend: string) -> (status, timeout_secs u32)
    @Import(module = "fastly_backend", name = "get_tcp_keepalive_time")
    private static native int backendGetTcpKeepaliveTime0(Address backend, int len, Address out);

    // fastly_backend.is_ssl(backend: string) -> (status, is_ssl u32)
    @Import(module = "fastly_backend", name = "is_ssl")
    private static native int backendIsSsl0(Address backend, int len, Address out);

    // fastly_backend.get_ssl_min_version(backend: string) -> (status, tls_version)
    @Import(module = "fastly_backend", name = "get_ssl_min_version")
    private static native int backendGetSslMinVersion0(Address backend, int len, Address out);

    // fastly_backend.get_ssl_max_version(backend: string) -> (status, tls_version)
    @Import(module = "fastly_backend", name = "get_ssl_max_version")
    private static native int backendGetSslMaxVersion0(Address backend, int len, Address out);

    @Override
    public int reqRegisterDynamicBackend(byte[] name, byte[] target, int mask, DynamicBackendRecord c) {
        // allocate everything first: no allocation may happen between taking the addresses and the call
        byte[] record = new byte[DynamicBackendRecord.SIZE];
        byte[] hostOverride = orEmpty(c.hostOverride);
        byte[] certHostname = orEmpty(c.certHostname);
        byte[] caCert = orEmpty(c.caCert);
        byte[] ciphers = orEmpty(c.ciphers);
        byte[] sniHostname = orEmpty(c.sniHostname);
        byte[] clientCertificate = orEmpty(c.clientCertificate);
        putString(record, DynamicBackendRecord.OFF_HOST_OVERRIDE, hostOverride);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_CONNECT_TIMEOUT_MS, c.connectTimeoutMs);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_FIRST_BYTE_TIMEOUT_MS, c.firstByteTimeoutMs);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_BETWEEN_BYTES_TIMEOUT_MS, c.betweenBytesTimeoutMs);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_SSL_MIN_VERSION, c.sslMinVersion);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_SSL_MAX_VERSION, c.sslMaxVersion);
        putString(record, DynamicBackendRecord.OFF_CERT_HOSTNAME, certHostname);
        putString(record, DynamicBackendRecord.OFF_CA_CERT, caCert);
        putString(record, DynamicBackendRecord.OFF_CIPHERS, ciphers);
        putString(record, DynamicBackendRecord.OFF_SNI_HOSTNAME, sniHostname);
        putString(record, DynamicBackendRecord.OFF_CLIENT_CERTIFICATE, clientCertificate);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_CLIENT_KEY, c.clientKey);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_HTTP_KEEPALIVE_TIME_MS, c.httpKeepaliveTimeMs);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_TCP_KEEPALIVE_ENABLE, c.tcpKeepaliveEnable);
        DynamicBackendRecord.putU32(
                record, DynamicBackendRecord.OFF_TCP_KEEPALIVE_INTERVAL_SECS, c.tcpKeepaliveIntervalSecs);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_TCP_KEEPALIVE_PROBES, c.tcpKeepaliveProbes);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_TCP_KEEPALIVE_TIME_SECS, c.tcpKeepaliveTimeSecs);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_MAX_CONNECTIONS, c.maxConnections);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_MAX_USE, c.maxUse);
        DynamicBackendRecord.putU32(record, DynamicBackendRecord.OFF_MAX_LIFETIME_MS, c.maxLifetimeMs);
        return reqRegisterDynamicBackend(
                Address.ofData(name), name.length, Address.ofData(target), target.length, mask, Address.ofData(record));
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    private static void putString(byte[] record, int off, byte[] value) {
        DynamicBackendRecord.putU32(record, off, Address.ofData(value).toInt());
        DynamicBackendRecord.putU32(record, off + 4, value.length);
    }

    @Override
    public int backendGetHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
        return backendGetHost(
                Address.ofData(backend), backend.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int backendGetOverrideHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
        return backendGetOverrideHost(
                Address.ofData(backend), backend.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int backendIsHealthy(byte[] backend, int[] out) {
        return backendIsHealthy0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendIsDynamic(byte[] backend, int[] out) {
        return backendIsDynamic0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetPort(byte[] backend, int[] out) {
        // the host writes a u16; clear the high half first
        out[0] = 0;
        return backendGetPort0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetConnectTimeoutMs(byte[] backend, int[] out) {
        return backendGetConnectTimeoutMs0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetFirstByteTimeoutMs(byte[] backend, int[] out) {
        return backendGetFirstByteTimeoutMs0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetBetweenBytesTimeoutMs(byte[] backend, int[] out) {
        return backendGetBetweenBytesTimeoutMs0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetHttpKeepaliveTime(byte[] backend, int[] out) {
        return backendGetHttpKeepaliveTime0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetTcpKeepaliveEnable(byte[] backend, int[] out) {
        return backendGetTcpKeepaliveEnable0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetTcpKeepaliveInterval(byte[] backend, int[] out) {
        return backendGetTcpKeepaliveInterval0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetTcpKeepaliveProbes(byte[] backend, int[] out) {
        return backendGetTcpKeepaliveProbes0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetTcpKeepaliveTime(byte[] backend, int[] out) {
        return backendGetTcpKeepaliveTime0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendIsSsl(byte[] backend, int[] out) {
        return backendIsSsl0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetSslMinVersion(byte[] backend, int[] out) {
        return backendGetSslMinVersion0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    @Override
    public int backendGetSslMaxVersion(byte[] backend, int[] out) {
        return backendGetSslMaxVersion0(Address.ofData(backend), backend.length, Address.ofData(out));
    }

    // ---- fastly_kv_store

    // fastly_kv_store.open(name: string) -> (status, kv_store_handle)
    @Import(module = "fastly_kv_store", name = "open")
    private static native int kvStoreOpen(Address name, int len, Address storeOut);

    // fastly_kv_store.lookup(store, key: string, mask, config: ptr, handle_out: ptr) -> status
    @Import(module = "fastly_kv_store", name = "lookup")
    private static native int kvStoreLookup(
            int store, Address key, int keyLen, int mask, Address config, Address lookupOut);

    // fastly_kv_store.lookup_wait_v2(h, body_out, metadata_buf, metadata_len, nwritten_out, generation_out,
    //   kv_error_out) -> status
    @Import(module = "fastly_kv_store", name = "lookup_wait_v2")
    private static native int kvStoreLookupWaitV2(
            int lookup,
            Address bodyOut,
            Address metadataBuf,
            int metadataLen,
            Address nwrittenOut,
            Address generationOut,
            Address kvErrorOut);

    // fastly_kv_store.insert(store, key: string, body, mask, config: ptr, handle_out: ptr) -> status
    @Import(module = "fastly_kv_store", name = "insert")
    private static native int kvStoreInsert(
            int store, Address key, int keyLen, int body, int mask, Address config, Address insertOut);

    // fastly_kv_store.insert_wait(h, kv_error_out: ptr) -> status
    @Import(module = "fastly_kv_store", name = "insert_wait")
    private static native int kvStoreInsertWait(int insert, Address kvErrorOut);

    // fastly_kv_store.delete(store, key: string, mask, config: ptr, handle_out: ptr) -> status
    @Import(module = "fastly_kv_store", name = "delete")
    private static native int kvStoreDelete(
            int store, Address key, int keyLen, int mask, Address config, Address deleteOut);

    // fastly_kv_store.delete_wait(h, kv_error_out: ptr) -> status
    @Import(module = "fastly_kv_store", name = "delete_wait")
    private static native int kvStoreDeleteWait(int delete, Address kvErrorOut);

    // fastly_kv_store.list(store, mask, config: ptr kv_list_config, handle_out: ptr) -> status
    @Import(module = "fastly_kv_store", name = "list")
    private static native int kvStoreList(int store, int mask, Address config, Address listOut);

    // fastly_kv_store.list_wait(h, body_handle_out: ptr, kv_error_out: ptr) -> status
    @Import(module = "fastly_kv_store", name = "list_wait")
    private static native int kvStoreListWait(int list, Address bodyOut, Address kvErrorOut);

    // ---- fastly_secret_store

    // fastly_secret_store.open(name: string) -> (status, secret_store_handle)
    @Import(module = "fastly_secret_store", name = "open")
    private static native int secretStoreOpen(Address name, int len, Address storeOut);

    // fastly_secret_store.get(store, key: string) -> (status, secret_handle)
    @Import(module = "fastly_secret_store", name = "get")
    private static native int secretStoreGet(int store, Address key, int keyLen, Address secretOut);

    // fastly_secret_store.plaintext(secret, buf, buf_len, nwritten_out) -> status
    @Import(module = "fastly_secret_store", name = "plaintext")
    private static native int secretStorePlaintext(int secret, Address buf, int len, Address nwrittenOut);

    // fastly_secret_store.from_bytes(buf, buf_len) -> (status, secret_handle)
    @Import(module = "fastly_secret_store", name = "from_bytes")
    private static native int secretStoreFromBytes(Address buf, int len, Address secretOut);

    @Override
    public int kvStoreOpen(byte[] name, int[] storeOut) {
        return kvStoreOpen(Address.ofData(name), name.length, Address.ofData(storeOut));
    }

    @Override
    public int kvStoreLookup(int store, byte[] key, int mask, byte[] config, int[] lookupOut) {
        return kvStoreLookup(
                store, Address.ofData(key), key.length, mask, Address.ofData(config), Address.ofData(lookupOut));
    }

    @Override
    public int kvStoreLookupWaitV2(
            int lookup,
            int[] bodyOut,
            byte[] metadataBuf,
            int metadataLen,
            int[] nwrittenOut,
            long[] generationOut,
            int[] kvErrorOut) {
        long[] slot = new long[2];
        int status = kvStoreLookupWaitV2(
                lookup,
                Address.ofData(bodyOut),
                Address.ofData(metadataBuf),
                metadataLen,
                Address.ofData(nwrittenOut),
                aligned(slot),
                Address.ofData(kvErrorOut));
        generationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int kvStoreInsert(int store, byte[] key, int body, int mask, KvInsertConfig c, int[] insertOut) {
        // the record holds a u64, so it lives 8-aligned inside a long[]; both arrays are allocated before any
        // address is taken
        long[] scratch = new long[KvInsertConfig.SIZE / 8 + 1];
        byte[] metadata = orEmpty(c.metadata);
        Address record = aligned(scratch);
        record.add(KvInsertConfig.OFF_MODE).putInt(c.mode);
        record.add(KvInsertConfig.OFF_METADATA).putInt(Address.ofData(metadata).toInt());
        record.add(KvInsertConfig.OFF_METADATA_LEN).putInt(metadata.length);
        record.add(KvInsertConfig.OFF_TIME_TO_LIVE_SEC).putInt(c.timeToLiveSec);
        record.add(KvInsertConfig.OFF_IF_GENERATION_MATCH).putLong(c.ifGenerationMatch);
        return kvStoreInsert(store, Address.ofData(key), key.length, body, mask, record, Address.ofData(insertOut));
    }

    @Override
    public int kvStoreInsertWait(int insert, int[] kvErrorOut) {
        return kvStoreInsertWait(insert, Address.ofData(kvErrorOut));
    }

    @Override
    public int kvStoreDelete(int store, byte[] key, int mask, byte[] config, int[] deleteOut) {
        return kvStoreDelete(
                store, Address.ofData(key), key.length, mask, Address.ofData(config), Address.ofData(deleteOut));
    }

    @Override
    public int kvStoreDeleteWait(int delete, int[] kvErrorOut) {
        return kvStoreDeleteWait(delete, Address.ofData(kvErrorOut));
    }

    @Override
    public int kvStoreList(int store, int mask, int mode, byte[] cursor, int limit, byte[] prefix, int[] listOut) {
        // kv_list_config: mode at 0, cursor at 4/8, limit at 12, prefix at 16/20 (u32 fields: an int[] will do);
        // every array exists before an address is taken
        int[] record = new int[6];
        byte[] c = orEmpty(cursor);
        byte[] p = orEmpty(prefix);
        record[0] = mode;
        record[1] = Address.ofData(c).toInt();
        record[2] = c.length;
        record[3] = limit;
        record[4] = Address.ofData(p).toInt();
        record[5] = p.length;
        return kvStoreList(store, mask, Address.ofData(record), Address.ofData(listOut));
    }

    @Override
    public int kvStoreListWait(int list, int[] bodyOut, int[] kvErrorOut) {
        return kvStoreListWait(list, Address.ofData(bodyOut), Address.ofData(kvErrorOut));
    }

    @Override
    public int secretStoreOpen(byte[] name, int[] storeOut) {
        return secretStoreOpen(Address.ofData(name), name.length, Address.ofData(storeOut));
    }

    @Override
    public int secretStoreGet(int store, byte[] key, int[] secretOut) {
        return secretStoreGet(store, Address.ofData(key), key.length, Address.ofData(secretOut));
    }

    @Override
    public int secretStorePlaintext(int secret, byte[] buf, int len, int[] nwrittenOut) {
        return secretStorePlaintext(secret, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int secretStoreFromBytes(byte[] bytes, int[] secretOut) {
        return secretStoreFromBytes(Address.ofData(bytes), bytes.length, Address.ofData(secretOut));
    }

    // ---- fastly_http_cache (records are laid out by GuestRecords before the call with no allocation in between;
    // records and u64 outputs are 8-aligned)

    // fastly_http_cache.is_request_cacheable(req) -> (status, is_cacheable u32)
    @Import(module = "fastly_http_cache", name = "is_request_cacheable")
    private static native int httpCacheIsRequestCacheable(int req, Address cacheableOut);

    // fastly_http_cache.get_suggested_cache_key(req, key_out, key_out_len, nwritten_out) -> status
    @Import(module = "fastly_http_cache", name = "get_suggested_cache_key")
    private static native int httpCacheGetSuggestedCacheKey(int req, Address buf, int len, Address nwrittenOut);

    // fastly_http_cache.lookup(req, options_mask, options: ptr) -> (status, http_cache_handle)
    @Import(module = "fastly_http_cache", name = "lookup")
    private static native int httpCacheLookup(int req, int mask, Address options, Address handleOut);

    // fastly_http_cache.transaction_lookup(req, options_mask, options: ptr) -> (status, http_cache_handle)
    @Import(module = "fastly_http_cache", name = "transaction_lookup")
    private static native int httpCacheTransactionLookup(int req, int mask, Address options, Address handleOut);

    // fastly_http_cache.transaction_insert(h, resp, options_mask, options: ptr) -> (status, body_handle)
    @Import(module = "fastly_http_cache", name = "transaction_insert")
    private static native int httpCacheTransactionInsert(
            int handle, int resp, int mask, Address options, Address bodyOut);

    // fastly_http_cache.transaction_insert_and_stream_back(h, resp, options_mask, options: ptr)
    //   -> (status, body_handle, http_cache_handle)
    @Import(module = "fastly_http_cache", name = "transaction_insert_and_stream_back")
    private static native int httpCacheTransactionInsertAndStreamBack(
            int handle, int resp, int mask, Address options, Address bodyOut, Address handleOut);

    // fastly_http_cache.transaction_update(h, resp, options_mask, options: ptr) -> status
    @Import(module = "fastly_http_cache", name = "transaction_update")
    private static native int httpCacheTransactionUpdate(int handle, int resp, int mask, Address options);

    // fastly_http_cache.transaction_update_and_return_fresh(h, resp, options_mask, options: ptr)
    //   -> (status, http_cache_handle)
    @Import(module = "fastly_http_cache", name = "transaction_update_and_return_fresh")
    private static native int httpCacheTransactionUpdateAndReturnFresh(
            int handle, int resp, int mask, Address options, Address handleOut);

    // fastly_http_cache.transaction_choose_stale(h) -> status
    @Import(module = "fastly_http_cache", name = "transaction_choose_stale")
    private static native int httpCacheTransactionChooseStale0(int handle);

    // fastly_http_cache.transaction_record_not_cacheable(h, options_mask, options: ptr) -> status
    @Import(module = "fastly_http_cache", name = "transaction_record_not_cacheable")
    private static native int httpCacheTransactionRecordNotCacheable(int handle, int mask, Address options);

    // fastly_http_cache.transaction_abandon(h) -> status
    @Import(module = "fastly_http_cache", name = "transaction_abandon")
    private static native int httpCacheTransactionAbandon0(int handle);

    // fastly_http_cache.close(h) -> status
    @Import(module = "fastly_http_cache", name = "close")
    private static native int httpCacheClose0(int handle);

    // fastly_http_cache.get_suggested_backend_request(h) -> (status, request_handle)
    @Import(module = "fastly_http_cache", name = "get_suggested_backend_request")
    private static native int httpCacheGetSuggestedBackendRequest(int handle, Address reqOut);

    // fastly_http_cache.get_suggested_cache_options(h, resp, options_mask, options, options_mask_out, options_out)
    //   -> status
    @Import(module = "fastly_http_cache", name = "get_suggested_cache_options")
    private static native int httpCacheGetSuggestedCacheOptions(
            int handle, int resp, int mask, Address options, Address maskOut, Address optionsOut);

    // fastly_http_cache.prepare_response_for_storage(h, resp) -> (status, http_storage_action, response_handle)
    @Import(module = "fastly_http_cache", name = "prepare_response_for_storage")
    private static native int httpCachePrepareResponseForStorage(
            int handle, int resp, Address actionOut, Address respOut);

    // fastly_http_cache.get_found_response(h, transform_for_client: u32) -> (status, response_handle, body_handle)
    @Import(module = "fastly_http_cache", name = "get_found_response")
    private static native int httpCacheGetFoundResponse(
            int handle, int transformForClient, Address respOut, Address bodyOut);

    // fastly_http_cache.get_state(h) -> (status, cache_lookup_state)
    @Import(module = "fastly_http_cache", name = "get_state")
    private static native int httpCacheGetState(int handle, Address stateOut);

    // fastly_http_cache.get_length(h) -> (status, cache_object_length u64)
    @Import(module = "fastly_http_cache", name = "get_length")
    private static native int httpCacheGetLength(int handle, Address lengthOut);

    // fastly_http_cache.get_max_age_ns(h) -> (status, cache_duration_ns u64)
    @Import(module = "fastly_http_cache", name = "get_max_age_ns")
    private static native int httpCacheGetMaxAgeNs(int handle, Address durationOut);

    // fastly_http_cache.get_stale_while_revalidate_ns(h) -> (status, cache_duration_ns u64)
    @Import(module = "fastly_http_cache", name = "get_stale_while_revalidate_ns")
    private static native int httpCacheGetStaleWhileRevalidateNs(int handle, Address durationOut);

    // fastly_http_cache.get_stale_if_error_ns(h) -> (status, cache_duration_ns u64)
    @Import(module = "fastly_http_cache", name = "get_stale_if_error_ns")
    private static native int httpCacheGetStaleIfErrorNs(int handle, Address durationOut);

    // fastly_http_cache.get_age_ns(h) -> (status, cache_duration_ns u64)
    @Import(module = "fastly_http_cache", name = "get_age_ns")
    private static native int httpCacheGetAgeNs(int handle, Address durationOut);

    // fastly_http_cache.get_hits(h) -> (status, cache_hit_count u64)
    @Import(module = "fastly_http_cache", name = "get_hits")
    private static native int httpCacheGetHits(int handle, Address hitsOut);

    // fastly_http_cache.get_sensitive_data(h) -> (status, is_sensitive u32)
    @Import(module = "fastly_http_cache", name = "get_sensitive_data")
    private static native int httpCacheGetSensitiveData(int handle, Address sensitiveOut);

    // fastly_http_cache.get_surrogate_keys(h, out, out_len, nwritten_out) -> status
    @Import(module = "fastly_http_cache", name = "get_surrogate_keys")
    private static native int httpCacheGetSurrogateKeys(int handle, Address buf, int len, Address nwrittenOut);

    // fastly_http_cache.get_vary_rule(h, out, out_len, nwritten_out) -> status
    @Import(module = "fastly_http_cache", name = "get_vary_rule")
    private static native int httpCacheGetVaryRule(int handle, Address buf, int len, Address nwrittenOut);

    @Override
    public int httpCacheIsRequestCacheable(int req, int[] cacheableOut) {
        return httpCacheIsRequestCacheable(req, Address.ofData(cacheableOut));
    }

    @Override
    public int httpCacheGetSuggestedCacheKey(int req, byte[] buf, int len, int[] nwrittenOut) {
        return httpCacheGetSuggestedCacheKey(req, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int httpCacheLookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut) {
        int[] record = new int[GuestRecords.LOOKUP_OPTIONS_INTS];
        GuestRecords.layOut(record, options);
        return httpCacheLookup(req, mask, Address.ofData(record), Address.ofData(handleOut));
    }

    @Override
    public int httpCacheTransactionLookup(int req, int mask, HttpCacheLookupOptions options, int[] handleOut) {
        int[] record = new int[GuestRecords.LOOKUP_OPTIONS_INTS];
        GuestRecords.layOut(record, options);
        return httpCacheTransactionLookup(req, mask, Address.ofData(record), Address.ofData(handleOut));
    }

    @Override
    public int httpCacheTransactionInsert(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut) {
        long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        GuestRecords.layOut(r, options);
        return httpCacheTransactionInsert(handle, resp, mask, r, Address.ofData(bodyOut));
    }

    @Override
    public int httpCacheTransactionInsertAndStreamBack(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] bodyOut, int[] handleOut) {
        long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        GuestRecords.layOut(r, options);
        return httpCacheTransactionInsertAndStreamBack(
                handle, resp, mask, r, Address.ofData(bodyOut), Address.ofData(handleOut));
    }

    @Override
    public int httpCacheTransactionUpdate(int handle, int resp, int mask, HttpCacheWriteOptions options) {
        long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        GuestRecords.layOut(r, options);
        return httpCacheTransactionUpdate(handle, resp, mask, r);
    }

    @Override
    public int httpCacheTransactionUpdateAndReturnFresh(
            int handle, int resp, int mask, HttpCacheWriteOptions options, int[] handleOut) {
        long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        GuestRecords.layOut(r, options);
        return httpCacheTransactionUpdateAndReturnFresh(handle, resp, mask, r, Address.ofData(handleOut));
    }

    @Override
    public int httpCacheTransactionChooseStale(int handle) {
        return httpCacheTransactionChooseStale0(handle);
    }

    @Override
    public int httpCacheTransactionRecordNotCacheable(int handle, int mask, HttpCacheWriteOptions options) {
        long[] record = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
        Address r = aligned(record);
        GuestRecords.layOut(r, options);
        return httpCacheTransactionRecordNotCacheable(handle, mask, r);
    }

    @Override
    public int httpCacheTransactionAbandon(int handle) {
        return httpCacheTransactionAbandon0(handle);
    }

    @Override
    public int httpCacheClose(int handle) {
        return httpCacheClose0(handle);
    }

    @Override
    public int httpCacheGetSuggestedBackendRequest(int handle, int[] reqOut) {
        return httpCacheGetSuggestedBackendRequest(handle, Address.ofData(reqOut));
    }

    @Override
    public int httpCacheGetSuggestedCacheOptions(
            int handle,
            int resp,
            int mask,
            HttpCacheWriteOptions options,
            int[] maskOut,
            HttpCacheWriteOptions optionsOut) {
        long[] in = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
        long[] out = new long[HttpCacheWriteOptions.SIZE / 8 + 1];
        GuestRecords.layOut(aligned(in), options);
        int status = httpCacheGetSuggestedCacheOptions(
                handle, resp, mask, aligned(in), Address.ofData(maskOut), aligned(out));
        GuestRecords.readBack(aligned(out), options, optionsOut);
        return status;
    }

    @Override
    public int httpCachePrepareResponseForStorage(int handle, int resp, int[] actionOut, int[] respOut) {
        return httpCachePrepareResponseForStorage(handle, resp, Address.ofData(actionOut), Address.ofData(respOut));
    }

    @Override
    public int httpCacheGetFoundResponse(int handle, int transformForClient, int[] respOut, int[] bodyOut) {
        return httpCacheGetFoundResponse(handle, transformForClient, Address.ofData(respOut), Address.ofData(bodyOut));
    }

    @Override
    public int httpCacheGetState(int handle, int[] stateOut) {
        return httpCacheGetState(handle, Address.ofData(stateOut));
    }

    @Override
    public int httpCacheGetLength(int handle, long[] lengthOut) {
        long[] slot = new long[2];
        int status = httpCacheGetLength(handle, aligned(slot));
        lengthOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int httpCacheGetMaxAgeNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = httpCacheGetMaxAgeNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int httpCacheGetStaleWhileRevalidateNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = httpCacheGetStaleWhileRevalidateNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int httpCacheGetStaleIfErrorNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = httpCacheGetStaleIfErrorNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int httpCacheGetAgeNs(int handle, long[] durationOut) {
        long[] slot = new long[2];
        int status = httpCacheGetAgeNs(handle, aligned(slot));
        durationOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int httpCacheGetHits(int handle, long[] hitsOut) {
        long[] slot = new long[2];
        int status = httpCacheGetHits(handle, aligned(slot));
        hitsOut[0] = aligned(slot).getLong();
        return status;
    }

    @Override
    public int httpCacheGetSensitiveData(int handle, int[] sensitiveOut) {
        return httpCacheGetSensitiveData(handle, Address.ofData(sensitiveOut));
    }

    @Override
    public int httpCacheGetSurrogateKeys(int handle, byte[] buf, int len, int[] nwrittenOut) {
        return httpCacheGetSurrogateKeys(handle, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    @Override
    public int httpCacheGetVaryRule(int handle, byte[] buf, int len, int[] nwrittenOut) {
        return httpCacheGetVaryRule(handle, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    // ---- fastly_geo

    // fastly_geo.lookup(addr_octets, addr_len, buf, buf_len, nwritten_out) -> status
    @Import(module = "fastly_geo", name = "lookup")
    private static native int geoLookup0(Address addrOctets, int addrLen, Address buf, int len, Address nwrittenOut);

    @Override
    public int geoLookup(byte[] addrOctets, int addrLen, byte[] buf, int len, int[] nwrittenOut) {
        return geoLookup0(Address.ofData(addrOctets), addrLen, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }

    // ---- fastly_erl

    // fastly_erl.check_rate(rc: string, entry: string, delta, window, limit, pb: string, ttl) -> (status, blocked)
    @Import(module = "fastly_erl", name = "check_rate")
    private static native int erlCheckRate0(
            Address rc,
            int rcLen,
            Address entry,
            int entryLen,
            int delta,
            int window,
            int limit,
            Address pb,
            int pbLen,
            int ttl,
            Address blockedOut);

    // fastly_erl.ratecounter_increment(rc: string, entry: string, delta) -> status
    @Import(module = "fastly_erl", name = "ratecounter_increment")
    private static native int erlRatecounterIncrement0(Address rc, int rcLen, Address entry, int entryLen, int delta);

    // fastly_erl.ratecounter_lookup_rate(rc: string, entry: string, window) -> (status, rate)
    @Import(module = "fastly_erl", name = "ratecounter_lookup_rate")
    private static native int erlRatecounterLookupRate0(
            Address rc, int rcLen, Address entry, int entryLen, int window, Address rateOut);

    // fastly_erl.ratecounter_lookup_count(rc: string, entry: string, duration) -> (status, count)
    @Import(module = "fastly_erl", name = "ratecounter_lookup_count")
    private static native int erlRatecounterLookupCount0(
            Address rc, int rcLen, Address entry, int entryLen, int duration, Address countOut);

    // fastly_erl.penaltybox_add(pb: string, entry: string, ttl) -> status
    @Import(module = "fastly_erl", name = "penaltybox_add")
    private static native int erlPenaltyboxAdd0(Address pb, int pbLen, Address entry, int entryLen, int ttl);

    // fastly_erl.penaltybox_has(pb: string, entry: string) -> (status, has)
    @Import(module = "fastly_erl", name = "penaltybox_has")
    private static native int erlPenaltyboxHas0(Address pb, int pbLen, Address entry, int entryLen, Address hasOut);

    @Override
    public int erlCheckRate(
            byte[] rateCounter,
            byte[] entry,
            int delta,
            int window,
            int limit,
            byte[] penaltyBox,
            int ttl,
            int[] blockedOut) {
        return erlCheckRate0(
                Address.ofData(rateCounter),
                rateCounter.length,
                Address.ofData(entry),
                entry.length,
                delta,
                window,
                limit,
                Address.ofData(penaltyBox),
                penaltyBox.length,
                ttl,
                Address.ofData(blockedOut));
    }

    @Override
    public int erlRatecounterIncrement(byte[] rateCounter, byte[] entry, int delta) {
        return erlRatecounterIncrement0(
                Address.ofData(rateCounter), rateCounter.length, Address.ofData(entry), entry.length, delta);
    }

    @Override
    public int erlRatecounterLookupRate(byte[] rateCounter, byte[] entry, int window, int[] rateOut) {
        return erlRatecounterLookupRate0(
                Address.ofData(rateCounter),
                rateCounter.length,
                Address.ofData(entry),
                entry.length,
                window,
                Address.ofData(rateOut));
    }

    @Override
    public int erlRatecounterLookupCount(byte[] rateCounter, byte[] entry, int duration, int[] countOut) {
        return erlRatecounterLookupCount0(
                Address.ofData(rateCounter),
                rateCounter.length,
                Address.ofData(entry),
                entry.length,
                duration,
                Address.ofData(countOut));
    }

    @Override
    public int erlPenaltyboxAdd(byte[] penaltyBox, byte[] entry, int ttl) {
        return erlPenaltyboxAdd0(
                Address.ofData(penaltyBox), penaltyBox.length, Address.ofData(entry), entry.length, ttl);
    }

    @Override
    public int erlPenaltyboxHas(byte[] penaltyBox, byte[] entry, int[] hasOut) {
        return erlPenaltyboxHas0(
                Address.ofData(penaltyBox),
                penaltyBox.length,
                Address.ofData(entry),
                entry.length,
                Address.ofData(hasOut));
    }

    // ---- fastly_acl

    // fastly_acl.open(name: string, acl_handle_out) -> status
    @Import(module = "fastly_acl", name = "open")
    private static native int aclOpen0(Address name, int nameLen, Address aclOut);

    @Override
    public int aclOpen(byte[] name, int[] aclOut) {
        return aclOpen0(Address.ofData(name), name.length, Address.ofData(aclOut));
    }

    // fastly_acl.lookup(acl, ip_octets, ip_len, body_handle_out, acl_error_out) -> status
    @Import(module = "fastly_acl", name = "lookup")
    private static native int aclLookup0(int acl, Address ipOctets, int ipLen, Address bodyOut, Address aclErrorOut);

    @Override
    public int aclLookup(int acl, byte[] ipOctets, int ipLen, int[] bodyOut, int[] aclErrorOut) {
        return aclLookup0(acl, Address.ofData(ipOctets), ipLen, Address.ofData(bodyOut), Address.ofData(aclErrorOut));
    }
}
