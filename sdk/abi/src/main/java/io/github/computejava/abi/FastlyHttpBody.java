package io.github.computejava.abi;

/** The {@code fastly_http_body} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyHttpBody {
    /** {@code body_write_end.back}: append. */
    int END_BACK = 0;

    /** {@code body_write_end.front}: prepend. */
    int END_FRONT = 1;

    // append(dest: body_handle, src: body_handle) -> status
    int append(int dest, int src);

    // new() -> (status, body_handle)
    int new_(int[] bodyOut);

    // read(h: body_handle, buf: ptr u8, buf_len: usize) -> (status, num_bytes)
    int read(int body, byte[] buf, int off, int len, int[] nreadOut);

    // write(h: body_handle, buf: list u8, end: body_write_end) -> (status, num_bytes)
    int write(int body, byte[] buf, int off, int len, int end, int[] nwrittenOut);

    // close(h: body_handle) -> status
    int close(int body);

    // abandon(h: body_handle) -> status
    int abandon(int body);

    // trailer_append(h: body_handle, name: list u8, value: list u8) -> status
    int trailerAppend(int body, byte[] name, byte[] value);

    // trailer_names_get(h, buf: ptr char8, buf_len: usize, cursor: multi_value_cursor, ending_cursor_out: ptr s64,
    //   nwritten_out: ptr usize) -> status
    int trailerNamesGet(int body, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // trailer_value_get(h, name: list u8, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int trailerValueGet(int body, byte[] name, byte[] buf, int len, int[] nwrittenOut);

    // trailer_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
    int trailerValuesGet(
            int body, byte[] name, byte[] buf, int len, int cursor, long[] endingCursorOut, int[] nwrittenOut);

    // known_length(h: body_handle) -> (status, body_length u64)
    int knownLength(int body, long[] lengthOut);
}
