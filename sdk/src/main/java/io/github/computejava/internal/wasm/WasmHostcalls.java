package io.github.computejava.internal.wasm;

import io.github.computejava.internal.DynamicBackendRecord;
import io.github.computejava.internal.Hostcalls;
import io.github.computejava.internal.KvInsertConfig;
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

    // A u64/s64 out-pointer must be 8-byte aligned (the host answers badalign otherwise), but TeaVM lays out the
    // data of a long[] at 4 mod 8: results go to an aligned slot inside a two-element array instead.

    /** The 8-byte-aligned slot inside {@code pair}. */
    private static Address slot8(long[] pair) {
        Address a = Address.ofData(pair);
        return (a.toInt() & 7) == 0 ? a : a.add(4);
    }

    /** The value the host wrote to {@link #slot8}. */
    private static long fromSlot8(long[] pair) {
        if ((Address.ofData(pair).toInt() & 7) == 0) {
            return pair[0];
        }
        return (pair[0] >>> 32) | (pair[1] << 32);
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
        long[] pair = new long[2];
        int status = bodyKnownLength(body, slot8(pair));
        lengthOut[0] = fromSlot8(pair);
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
        long[] pair = new long[2];
        int status = reqHeaderNamesGet(req, Address.ofData(buf), len, cursor, slot8(pair), Address.ofData(nwrittenOut));
        endingCursorOut[0] = fromSlot8(pair);
        return status;
    }

    @Override
    public int reqHeaderValuesGet(
            int req, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        long[] pair = new long[2];
        int status = reqHeaderValuesGet(
                req,
                Address.ofData(name),
                name.length,
                Address.ofData(buf),
                len,
                cursor,
                slot8(pair),
                Address.ofData(nwrittenOut));
        endingCursorOut[0] = fromSlot8(pair);
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
        long[] pair = new long[2];
        int status =
                respHeaderNamesGet(resp, Address.ofData(buf), len, cursor, slot8(pair), Address.ofData(nwrittenOut));
        endingCursorOut[0] = fromSlot8(pair);
        return status;
    }

    @Override
    public int respHeaderValuesGet(
            int resp, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut) {
        long[] pair = new long[2];
        int status = respHeaderValuesGet(
                resp,
                Address.ofData(name),
                name.length,
                Address.ofData(buf),
                len,
                cursor,
                slot8(pair),
                Address.ofData(nwrittenOut));
        endingCursorOut[0] = fromSlot8(pair);
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
        long[] pair = new long[2];
        int status = kvStoreLookupWaitV2(
                lookup,
                Address.ofData(bodyOut),
                Address.ofData(metadataBuf),
                metadataLen,
                Address.ofData(nwrittenOut),
                slot8(pair),
                Address.ofData(kvErrorOut));
        generationOut[0] = fromSlot8(pair);
        return status;
    }

    @Override
    public int kvStoreInsert(int store, byte[] key, int body, int mask, KvInsertConfig c, int[] insertOut) {
        // allocate first: no allocation may happen between taking the metadata address and the call
        byte[] record = new byte[KvInsertConfig.SIZE];
        byte[] metadata = orEmpty(c.metadata);
        DynamicBackendRecord.putU32(record, KvInsertConfig.OFF_MODE, c.mode);
        putString(record, KvInsertConfig.OFF_METADATA, metadata);
        DynamicBackendRecord.putU32(record, KvInsertConfig.OFF_TIME_TO_LIVE_SEC, c.timeToLiveSec);
        DynamicBackendRecord.putU32(record, KvInsertConfig.OFF_IF_GENERATION_MATCH, (int) c.ifGenerationMatch);
        DynamicBackendRecord.putU32(
                record, KvInsertConfig.OFF_IF_GENERATION_MATCH + 4, (int) (c.ifGenerationMatch >>> 32));
        return kvStoreInsert(
                store, Address.ofData(key), key.length, body, mask, Address.ofData(record), Address.ofData(insertOut));
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
}
