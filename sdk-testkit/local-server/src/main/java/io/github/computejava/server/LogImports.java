package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

/** {@code fastly_log}: endpoints print their lines as {@code NAME :: message}. */
final class LogImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        // endpoint_get(name: list u8) -> (status, endpoint_handle)
        r.add("fastly_log", "endpoint_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> g.sandbox().logEndpointGet(name, out));
        });

        // write(h, msg: list u8) -> (status, num_bytes)
        r.add("fastly_log", "write", (g, a) -> {
            byte[] msg = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> g.sandbox().logWrite(i32(a, 0), msg, 0, msg.length, out));
        });
    }
}
