package io.github.computejava.abi;

/** The {@code fastly_log} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyLog {
    // endpoint_get(name: list u8) -> (status, endpoint_handle)
    int logEndpointGet(byte[] name, int[] endpointOut);

    // write(h: endpoint_handle, msg: list u8) -> (status, num_bytes)
    int logWrite(int endpoint, byte[] msg, int off, int len, int[] nwrittenOut);
}
