package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;

/** {@code fastly_http_body}: bodies as pipes, streamed both ways, with trailers. */
final class BodyImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        String m = "fastly_http_body";

        // append(dest, src) -> status
        r.add(m, "append", (g, a) -> g.sandbox().bodyAppend(i32(a, 0), i32(a, 1)));

        // new() -> (status, body_handle)
        r.add(m, "new", (g, a) -> g.u32Out(i32(a, 0), out -> g.sandbox().bodyNew(out)));

        // read(h, buf: ptr u8, buf_len: usize) -> (status, num_bytes); 0 bytes means the end
        r.add(
                m,
                "read",
                (g, a) -> g.out(i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> g.sandbox()
                        .bodyRead(i32(a, 0), buf, 0, len, n)));

        // write(h, buf: list u8, end: body_write_end) -> (status, num_bytes)
        r.add(m, "write", (g, a) -> {
            byte[] data = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> g.sandbox().bodyWrite(i32(a, 0), data, 0, data.length, i32(a, 3), out));
        });

        // close(h) -> status
        r.add(m, "close", (g, a) -> g.sandbox().bodyClose(i32(a, 0)));

        // abandon(h) -> status
        r.add(m, "abandon", (g, a) -> g.sandbox().bodyAbandon(i32(a, 0)));

        // known_length(h) -> (status, body_length u64)
        r.add(m, "known_length", (g, a) -> {
            g.memory().checkU64(i32(a, 1));
            long[] out = new long[1];
            int status = g.sandbox().bodyKnownLength(i32(a, 0), out);
            if (status == FastlyStatus.OK) {
                g.memory().u64(i32(a, 1), out[0]);
            }
            return status;
        });

        // trailer_append(h, name: list u8, value: list u8) -> status
        r.add(m, "trailer_append", (g, a) -> g.sandbox()
                .body()
                .trailerAppend(
                        i32(a, 0),
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4))));

        // trailer_names_get(h, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(
                m,
                "trailer_names_get",
                (g, a) -> g.multi(
                        i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, cursor, end, n) -> g.sandbox()
                                .body()
                                .trailerNamesGet(i32(a, 0), buf, len, cursor, end, n)));

        // trailer_value_get(h, name: list u8, value, value_max_len, nwritten_out) -> status
        r.add(m, "trailer_value_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.out(i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, n) -> g.sandbox()
                    .body()
                    .trailerValueGet(i32(a, 0), name, buf, len, n));
        });

        // trailer_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(m, "trailer_values_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.multi(
                    i32(a, 3), i32(a, 4), i32(a, 5), i32(a, 6), i32(a, 7), (buf, len, cursor, end, n) -> g.sandbox()
                            .body()
                            .trailerValuesGet(i32(a, 0), name, buf, len, cursor, end, n));
        });
    }
}
