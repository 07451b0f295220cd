package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyLog;

/** {@code fastly_log}: endpoints print their lines as {@code NAME :: message}. */
final class LogImports implements ImportGroup {
    private static final String M = "fastly_log";

    @Override
    public void register(Registrar r) {
        // endpoint_get(name: list u8) -> (status, endpoint_handle)
        r.add(M, "endpoint_get", (g, a) -> {
            byte[] name = g.memory().bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> calls(g).endpointGet(name, out));
        });

        // write(h: endpoint_handle, msg: list u8) -> (status, num_bytes)
        r.add(M, "write", (g, a) -> {
            byte[] msg = g.memory().bytes(i32(a, 1), i32(a, 2));
            return g.u32Out(i32(a, 3), out -> calls(g).write(i32(a, 0), msg, 0, msg.length, out));
        });
    }

    private static FastlyLog calls(Guest g) {
        return g.sandbox().log();
    }
}
