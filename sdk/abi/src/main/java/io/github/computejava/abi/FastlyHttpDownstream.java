package io.github.computejava.abi;

/** The {@code fastly_http_downstream} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyHttpDownstream {
    // downstream_client_ip_addr(req, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
    int downstreamClientIpAddr(int req, byte[] octets16, int[] nwrittenOut);

    // next_request(options_mask: next_request_options_mask, options: ptr next_request_options)
    //   -> (status, request_promise_handle); the record's one field, timeout_ms (u64), is passed by value
    int downstreamNextRequest(int mask, long timeoutMillis, int[] promiseOut);

    // next_request_wait(h: request_promise_handle) -> (status, request_handle, body_handle)
    int downstreamNextRequestWait(int promise, int[] reqOut, int[] bodyOut);

    // next_request_abandon(h: request_promise_handle) -> status
    int downstreamNextRequestAbandon(int promise);
}
