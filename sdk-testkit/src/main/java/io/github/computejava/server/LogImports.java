package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

/** {@code fastly_log}: endpoints print their lines as {@code NAME :: message}. */
final class LogImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        // endpoint_get(name: list u8) -> (status, endpoint_handle)
        r.add("fastly_log", "endpoint_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 0), i32(a, 1));
            g.memory().checkU32(i32(a, 2));
            int[] out = new int[1];
            return g.outU32(g.sandbox().logEndpointGet(name, out), i32(a, 2), out[0]);
        });

        // write(h, msg: list u8) -> (status, num_bytes)
        r.add("fastly_log", "write", (g, a) -> {
            byte[] msg = g.memory().bytes(i32(a, 1), i32(a, 2));
            g.memory().checkU32(i32(a, 3));
            int[] out = new int[1];
            return g.outU32(g.sandbox().logWrite(i32(a, 0), msg, 0, msg.length, out), i32(a, 3), out[0]);
        });
    }
}
