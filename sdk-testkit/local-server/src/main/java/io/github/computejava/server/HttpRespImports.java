package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyHttpResp;

/** {@code fastly_http_resp}: responses, and sending one to the client (whole, streaming, or a pending one). */
final class HttpRespImports implements ImportGroup {
    private static final String M = "fastly_http_resp";

    @Override
    public void register(Registrar r) {
        // new() -> (status, response_handle)
        r.add(M, "new", (g, a) -> g.u32Out(i32(a, 0), calls(g)::new_));

        // header_names_get(h, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(
                M,
                "header_names_get",
                (g, a) -> g.multi(
                        i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, cursor, end, n) -> calls(g)
                                .headerNamesGet(i32(a, 0), buf, len, cursor, end, n)));

        // header_value_get(h, name: list u8, value, value_max_len, nwritten_out) -> status
        r.add(M, "header_value_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.out(i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, n) -> calls(g).headerValueGet(
                            i32(a, 0), name, buf, len, n));
        });

        // header_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(M, "header_values_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.multi(i32(a, 3), i32(a, 4), i32(a, 5), i32(a, 6), i32(a, 7), (buf, len, cursor, end, n) -> calls(g)
                    .headerValuesGet(i32(a, 0), name, buf, len, cursor, end, n));
        });

        // header_values_set(h, name: list u8, values: list char8 (NUL-terminated values)) -> status
        r.add(M, "header_values_set", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            byte[] values = g.memory().bytes(i32(a, 3), i32(a, 4));
            return calls(g).headerValuesSet(i32(a, 0), name, values, values.length);
        });

        // header_insert(h, name: list u8, value: list u8) -> status
        r.add(M, "header_insert", (g, a) -> calls(g).headerInsert(
                        i32(a, 0),
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4))));

        // header_append(h, name: list u8, value: list u8) -> status
        r.add(M, "header_append", (g, a) -> calls(g).headerAppend(
                        i32(a, 0),
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4))));

        // header_remove(h, name: list u8) -> status
        r.add(M, "header_remove", (g, a) -> calls(g).headerRemove(
                        i32(a, 0), g.memory().bytes(i32(a, 1), i32(a, 2))));

        // version_get(h) -> (status, http_version)
        r.add(M, "version_get", (g, a) -> g.u32Out(i32(a, 1), out -> calls(g).versionGet(i32(a, 0), out)));

        // version_set(h, version: http_version) -> status
        r.add(M, "version_set", (g, a) -> calls(g).versionSet(i32(a, 0), i32(a, 1)));

        // send_downstream(h, b: body_handle, streaming: u32) -> status
        r.add(M, "send_downstream", (g, a) -> calls(g).sendDownstream(i32(a, 0), i32(a, 1), i32(a, 2)));

        // send_downstream_pending(handle: pending_request_handle) -> status
        r.add(M, "send_downstream_pending", (g, a) -> calls(g).sendDownstreamPending(i32(a, 0)));

        // status_get(h) -> (status, http_status u16)
        r.add(M, "status_get", (g, a) -> g.u16Out(i32(a, 1), out -> calls(g).statusGet(i32(a, 0), out)));

        // status_set(h, status: http_status u16) -> status
        r.add(M, "status_set", (g, a) -> calls(g).statusSet(i32(a, 0), i32(a, 1) & 0xFFFF));

        // close(h) -> status
        r.add(M, "close", (g, a) -> calls(g).close(i32(a, 0)));

        // framing_headers_mode_set(h, mode: framing_headers_mode) -> status
        r.add(M, "framing_headers_mode_set", (g, a) -> calls(g).framingHeadersModeSet(i32(a, 0), i32(a, 1)));

        // http_keepalive_mode_set(h, mode: http_keepalive_mode) -> status
        r.add(M, "http_keepalive_mode_set", (g, a) -> calls(g).httpKeepaliveModeSet(i32(a, 0), i32(a, 1)));

        // get_addr_dest_ip(h, addr_octets_out: ptr char8 [16]) -> (status, num_bytes)
        r.add(
                M,
                "get_addr_dest_ip",
                (g, a) -> g.address(i32(a, 1), i32(a, 2), (octets, n) -> calls(g).getAddrDestIp(i32(a, 0), octets, n)));

        // get_addr_dest_port(h) -> (status, port u16)
        r.add(M, "get_addr_dest_port", (g, a) -> g.u16Out(i32(a, 1), out -> calls(g).getAddrDestPort(i32(a, 0), out)));
    }

    private static FastlyHttpResp calls(Guest g) {
        return g.sandbox().httpResp();
    }
}
