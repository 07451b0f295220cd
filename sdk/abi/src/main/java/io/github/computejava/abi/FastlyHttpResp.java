package io.github.computejava.abi;

/** The {@code fastly_http_resp} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyHttpResp {
    /** {@code http_keepalive_mode.automatic}. */
    int KEEPALIVE_AUTOMATIC = 0;

    /** {@code http_keepalive_mode.no_keepalive}. */
    int KEEPALIVE_NONE = 1;

    // new() -> (status, response_handle)
    int new_(int[] respOut);

    // header_names_get(h, buf: ptr char8, buf_len: usize, cursor: multi_value_cursor, ending_cursor_out: ptr s64,
    //   nwritten_out: ptr usize) -> status
    int headerNamesGet(int resp, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // header_value_get(h, name: list u8, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int headerValueGet(int resp, byte[] name, byte[] buf, int len, int[] nwrittenOut);

    // header_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    int headerValuesGet(
            int resp, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // header_values_set(h, name: list u8, values: list char8 (each value NUL-terminated)) -> status
    int headerValuesSet(int resp, byte[] name, byte[] values, int valuesLen);

    // header_insert(h, name: list u8, value: list u8) -> status
    int headerInsert(int resp, byte[] name, byte[] value);

    // header_append(h, name: list u8, value: list u8) -> status
    int headerAppend(int resp, byte[] name, byte[] value);

    // header_remove(h, name: list u8) -> status
    int headerRemove(int resp, byte[] name);

    // version_get(h) -> (status, http_version)
    int versionGet(int resp, int[] versionOut);

    // version_set(h, version: http_version) -> status
    int versionSet(int resp, int version);

    // send_downstream(h, b: body_handle, streaming: u32) -> status
    int sendDownstream(int resp, int body, int streaming);

    // send_downstream_pending(handle: pending_request_handle) -> status
    int sendDownstreamPending(int pending);

    // status_get(h) -> (status, http_status u16)
    int statusGet(int resp, int[] statusOut);

    // status_set(h, status: http_status u16) -> status
    int statusSet(int resp, int status);

    // close(h: response_handle) -> status
    int close(int resp);

    // framing_headers_mode_set(h, mode: framing_headers_mode) -> status
    int framingHeadersModeSet(int resp, int mode);

    // http_keepalive_mode_set(h, mode: http_keepalive_mode) -> status
    int httpKeepaliveModeSet(int resp, int mode);

    // get_addr_dest_ip(h, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
    int getAddrDestIp(int resp, byte[] octets16, int[] nwrittenOut);

    // get_addr_dest_port(h) -> (status, port u16)
    int getAddrDestPort(int resp, int[] portOut);
}
