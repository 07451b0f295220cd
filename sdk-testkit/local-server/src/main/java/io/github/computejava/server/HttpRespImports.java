package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;

/** {@code fastly_http_resp}: responses, and sending one to the client (whole or streaming). */
final class HttpRespImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        String m = "fastly_http_resp";
        HeaderImports.register(r, m);

        // new() -> (status, response_handle)
        r.add(m, "new", (g, a) -> g.u32Out(i32(a, 0), out -> g.sandbox().respNew(out)));

        // close(h) -> status
        r.add(m, "close", (g, a) -> g.sandbox().respClose(i32(a, 0)));

        // status_get(h) -> (status, http_status u16)
        r.add(m, "status_get", (g, a) -> {
            g.memory().checkU16(i32(a, 1));
            int[] out = new int[1];
            int status = g.sandbox().respStatusGet(i32(a, 0), out);
            if (status == FastlyStatus.OK) {
                g.memory().u16(i32(a, 1), out[0]);
            }
            return status;
        });

        // status_set(h, status: u16) -> status
        r.add(m, "status_set", (g, a) -> g.sandbox().respStatusSet(i32(a, 0), i32(a, 1) & 0xFFFF));

        // version_get(h) -> (status, http_version)
        r.add(
                m,
                "version_get",
                (g, a) -> g.u32Out(i32(a, 1), out -> g.sandbox().response().versionGet(i32(a, 0), out)));

        // version_set(h, version: http_version) -> status
        r.add(m, "version_set", (g, a) -> g.sandbox().response().versionSet(i32(a, 0), i32(a, 1)));

        // send_downstream(h, b, streaming: u32) -> status
        r.add(m, "send_downstream", (g, a) -> g.sandbox().respSendDownstream(i32(a, 0), i32(a, 1), i32(a, 2)));

        // send_downstream_pending(pending_request_handle) -> status
        r.add(m, "send_downstream_pending", (g, a) -> g.sandbox().response().sendDownstreamPending(i32(a, 0)));

        // framing_headers_mode_set(h, mode) -> status
        r.add(m, "framing_headers_mode_set", (g, a) -> g.sandbox().respFramingHeadersModeSet(i32(a, 0), i32(a, 1)));

        // http_keepalive_mode_set(h, mode) -> status
        r.add(m, "http_keepalive_mode_set", (g, a) -> g.sandbox().response().keepaliveModeSet(i32(a, 0), i32(a, 1)));

        // get_addr_dest_ip(h, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        r.add(
                m,
                "get_addr_dest_ip",
                (g, a) -> DownstreamImports.address(g, i32(a, 1), i32(a, 2), (octets, n) -> g.sandbox()
                        .response()
                        .destinationIp(i32(a, 0), octets, n)));

        // get_addr_dest_port(h) -> (status, port u16)
        r.add(m, "get_addr_dest_port", (g, a) -> {
            g.memory().checkU16(i32(a, 1));
            int[] out = new int[1];
            int status = g.sandbox().response().destinationPort(i32(a, 0), out);
            if (status == FastlyStatus.OK) {
                g.memory().u16(i32(a, 1), out[0]);
            }
            return status;
        });
    }
}
