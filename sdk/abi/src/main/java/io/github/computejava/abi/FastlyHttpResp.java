package io.github.computejava.abi;

/** The {@code fastly_http_resp} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyHttpResp {
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
}
