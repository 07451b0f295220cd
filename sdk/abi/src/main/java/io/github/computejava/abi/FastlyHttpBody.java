package io.github.computejava.abi;

/** The {@code fastly_http_body} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyHttpBody {
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
}
