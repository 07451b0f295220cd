package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.host.Sandbox;

/** The header hostcalls {@code fastly_http_req} and {@code fastly_http_resp} share, with the same arguments. */
final class HeaderImports {
    private HeaderImports() {}

    /** Registers the header functions of {@code module} ({@code fastly_http_req} or {@code fastly_http_resp}). */
    static void register(ImportGroup.Registrar r, String module) {
        boolean req = module.equals("fastly_http_req");

        // header_names_get(h, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(
                module,
                "header_names_get",
                (g, a) -> g.multi(i32(a, 1), i32(a, 2), i32(a, 3), i32(a, 4), i32(a, 5), (buf, len, cursor, end, n) -> {
                    Sandbox s = g.sandbox();
                    return req
                            ? s.reqHeaderNamesGet(i32(a, 0), buf, len, cursor, end, n)
                            : s.respHeaderNamesGet(i32(a, 0), buf, len, cursor, end, n);
                }));

        // header_value_get(h, name: list u8, value, value_max_len, nwritten_out) -> status
        r.add(module, "header_value_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.out(
                    i32(a, 3),
                    i32(a, 4),
                    i32(a, 5),
                    (buf, len, n) -> req
                            ? g.sandbox().request().headerValueGet(i32(a, 0), name, buf, len, n)
                            : g.sandbox().response().headerValueGet(i32(a, 0), name, buf, len, n));
        });

        // header_values_get(h, name: list u8, buf, buf_len, cursor, ending_cursor_out, nwritten_out) -> status
        r.add(module, "header_values_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.multi(
                    i32(a, 3),
                    i32(a, 4),
                    i32(a, 5),
                    i32(a, 6),
                    i32(a, 7),
                    (buf, len, cursor, end, n) -> req
                            ? g.sandbox().reqHeaderValuesGet(i32(a, 0), name, buf, len, cursor, end, n)
                            : g.sandbox().respHeaderValuesGet(i32(a, 0), name, buf, len, cursor, end, n));
        });

        // header_values_set(h, name: list u8, values: list char8 (NUL-terminated values)) -> status
        r.add(module, "header_values_set", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            byte[] values = g.memory().bytes(i32(a, 3), i32(a, 4));
            return req
                    ? g.sandbox().reqHeaderValuesSet(i32(a, 0), name, values, values.length)
                    : g.sandbox().respHeaderValuesSet(i32(a, 0), name, values, values.length);
        });

        // header_insert(h, name: list u8, value: list u8) -> status
        r.add(module, "header_insert", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            byte[] value = g.memory().bytes(i32(a, 3), i32(a, 4));
            return req
                    ? g.sandbox().reqHeaderInsert(i32(a, 0), name, value)
                    : g.sandbox().respHeaderInsert(i32(a, 0), name, value);
        });

        // header_append(h, name: list u8, value: list u8) -> status
        r.add(module, "header_append", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            byte[] value = g.memory().bytes(i32(a, 3), i32(a, 4));
            return req
                    ? g.sandbox().reqHeaderAppend(i32(a, 0), name, value)
                    : g.sandbox().respHeaderAppend(i32(a, 0), name, value);
        });

        // header_remove(h, name: list u8) -> status
        r.add(module, "header_remove", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 1), i32(a, 2));
            return req
                    ? g.sandbox().reqHeaderRemove(i32(a, 0), name)
                    : g.sandbox().respHeaderRemove(i32(a, 0), name);
        });
    }
}
