package io.github.computejava.abi;

/** The {@code fastly_http_req} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyHttpReq {
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

    // register_dynamic_backend(name_prefix: string, target: string, mask: backend_config_options,
    //   config: ptr dynamic_backend_config) -> status
    int reqRegisterDynamicBackend(byte[] name, byte[] target, int mask, DynamicBackendRecord config);
}
