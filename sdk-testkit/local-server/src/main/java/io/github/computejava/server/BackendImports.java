package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.BackendHostcalls;

/** {@code fastly_backend}: what the program may learn about a backend, by name. */
final class BackendImports implements ImportGroup {
    /** A getter answering one {@code u32}. */
    @FunctionalInterface
    private interface U32Getter {
        int get(BackendHostcalls b, byte[] name, int[] out);
    }

    @Override
    public void register(Registrar r) {
        String m = "fastly_backend";

        // exists(backend: string) -> (status, backend_exists)
        r.add(m, "exists", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> g.sandbox().backendExists(name, out));
        });
        u32(r, "is_healthy", BackendHostcalls::isHealthy);
        u32(r, "is_dynamic", BackendHostcalls::isDynamic);
        u32(r, "is_ssl", BackendHostcalls::isSsl);
        u32(r, "get_connect_timeout_ms", BackendHostcalls::connectTimeoutMs);
        u32(r, "get_first_byte_timeout_ms", BackendHostcalls::firstByteTimeoutMs);
        u32(r, "get_between_bytes_timeout_ms", BackendHostcalls::betweenBytesTimeoutMs);
        u32(r, "get_http_keepalive_time", BackendHostcalls::httpKeepaliveTime);
        u32(r, "get_tcp_keepalive_enable", BackendHostcalls::tcpKeepaliveEnable);
        u32(r, "get_tcp_keepalive_interval", BackendHostcalls::tcpKeepaliveInterval);
        u32(r, "get_tcp_keepalive_probes", BackendHostcalls::tcpKeepaliveProbes);
        u32(r, "get_tcp_keepalive_time", BackendHostcalls::tcpKeepaliveTime);
        u32(r, "get_ssl_min_version", (b, name, out) -> b.sslVersion(name, false, out));
        u32(r, "get_ssl_max_version", (b, name, out) -> b.sslVersion(name, true, out));

        // get_port(backend: string) -> (status, port u16)
        r.add(m, "get_port", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            g.memory().checkU16(i32(a, 2));
            int[] out = new int[1];
            int status = g.sandbox().backends().port(name, out);
            if (status == FastlyStatus.OK) {
                g.memory().u16(i32(a, 2), out[0]);
            }
            return status;
        });

        // get_host(backend: string, value, value_max_len, nwritten_out) -> status
        r.add(m, "get_host", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.out(i32(a, 2), i32(a, 3), i32(a, 4), (buf, len, n) -> g.sandbox()
                    .backends()
                    .host(name, buf, len, n));
        });

        // get_override_host(backend: string, value, value_max_len, nwritten_out) -> status
        r.add(m, "get_override_host", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.out(i32(a, 2), i32(a, 3), i32(a, 4), (buf, len, n) -> g.sandbox()
                    .backends()
                    .overrideHost(name, buf, len, n));
        });
    }

    private static void u32(Registrar r, String name, U32Getter getter) {
        // NAME(backend: string) -> (status, u32)
        r.add("fastly_backend", name, (g, a) -> {
            byte[] backend = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> getter.get(g.sandbox().backends(), backend, out));
        });
    }
}
