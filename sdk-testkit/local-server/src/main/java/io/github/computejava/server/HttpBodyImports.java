package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyHttpBody;

/** {@code fastly_http_body}: bodies as pipes, streamed both ways, with trailers. */
final class HttpBodyImports implements ImportGroup {
    private static final String M = "fastly_http_body";

    @Override
    public void register(Registrar r) {
        // append(dest: body_handle, src: body_handle) -> status
        r.add(M, "append", (g, a) -> calls(g).append(i32(a, 0), i32(a, 1)));

        // new() -> (status, body_handle)
        r.add(M, "new", (g, a) -> g.u32Out(i32(a, 0), calls(g)::new_));

        // read(h, buf: ptr u8, buf_len: usize) -> (status, num_bytes); 0 bytes means the end
        r.add(
                M,
                "read",
                (g, a) -> g.out(
                        i32(a, 1), i32(a, 2), i32(a, 3), (buf, len, n) -> calls(g).read(i32(a, 0), buf, 0, len, n)));

        // write(h, buf: list u8, end: body_write_end) -> (status, num_bytes)
        r.add(M, "write", (g, a) -> {
            byte[] data = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 4), out -> calls(g).write(i32(a, 0), data, 0, data.length, i32(a, 3), out));
        });

        // close(h) -> status
        r.add(M, "close", (g, a) -> calls(g).close(i32(a, 0)));

        // abandon(h) -> status
        r.add(M, "abandon", (g, a) -> calls(g).abandon(i32(a, 0)));

        // trailer_append(h, name: list u8, value: list u8) -> status
        r.add(M, "trailer_append", (g, a) -> calls(g).trailerAppend(
                        i32(a, 0),
                        g.memory().bytes(i32(a, 1), i32(a, 2)),
                        g.memory().bytes(i32(a, 3), i32(a, 4))));

        // trailer_names_get(h, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(
                M,
                "trailer_names_get",
                (g, a) -> g.multi(
                        i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, cursor, end, n) -> calls(g)
                                .trailerNamesGet(i32(a, 0), buf, len, cursor, end, n)));

        // trailer_value_get(h, name: list u8, value, value_max_len, nwritten_out) -> status
        r.add(M, "trailer_value_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.out(i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, n) -> calls(g).trailerValueGet(
                            i32(a, 0), name, buf, len, n));
        });

        // trailer_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(M, "trailer_values_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.multi(i32(a, 3), i32(a, 4), i32(a, 5), i32(a, 6), i32(a, 7), (buf, len, cursor, end, n) -> calls(g)
                    .trailerValuesGet(i32(a, 0), name, buf, len, cursor, end, n));
        });

        // known_length(h) -> (status, body_length u64)
        r.add(M, "known_length", (g, a) -> g.u64Out(i32(a, 1), out -> calls(g).knownLength(i32(a, 0), out)));
    }

    private static FastlyHttpBody calls(Guest g) {
        return g.sandbox().httpBody();
    }
}
