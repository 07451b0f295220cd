package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyBackend;

/** {@code fastly_backend}: what the program may learn about a backend, by name. */
final class BackendImports implements ImportGroup {
    private static final String M = "fastly_backend";

    /** A getter answering one {@code u32} (or enum) for a backend's name. */
    @FunctionalInterface
    private interface U32Getter {
        int get(FastlyBackend b, byte[] name, int[] out);
    }

    @Override
    public void register(Registrar r) {
        // exists(backend: string) -> (status, backend_exists)
        u32(r, "exists", FastlyBackend::exists);
        // is_healthy(backend: string) -> (status, backend_health)
        u32(r, "is_healthy", FastlyBackend::isHealthy);
        // is_dynamic(backend: string) -> (status, is_dynamic)
        u32(r, "is_dynamic", FastlyBackend::isDynamic);

        // get_host(backend: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
        r.add(M, "get_host", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.out(i32(a, 2), i32(a, 3), i32(a, 4), (buf, len, n) -> calls(g).getHost(name, buf, len, n));
        });

        // get_override_host(backend: string, value, value_max_len, nwritten_out) -> status
        r.add(M, "get_override_host", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.out(i32(a, 2), i32(a, 3), i32(a, 4), (buf, len, n) -> calls(g).getOverrideHost(name, buf, len, n));
        });

        // get_port(backend: string) -> (status, port u16)
        r.add(M, "get_port", (g, a) -> {
            byte[] name = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u16Out(i32(a, 2), out -> calls(g).getPort(name, out));
        });

        // get_connect_timeout_ms / get_first_byte_timeout_ms / get_between_bytes_timeout_ms (backend: string)
        //   -> (status, timeout_ms)
        u32(r, "get_connect_timeout_ms", FastlyBackend::getConnectTimeoutMs);
        u32(r, "get_first_byte_timeout_ms", FastlyBackend::getFirstByteTimeoutMs);
        u32(r, "get_between_bytes_timeout_ms", FastlyBackend::getBetweenBytesTimeoutMs);
        // get_http_keepalive_time(backend: string) -> (status, timeout_ms)
        u32(r, "get_http_keepalive_time", FastlyBackend::getHttpKeepaliveTime);
        // get_tcp_keepalive_enable(backend: string) -> (status, is_keepalive)
        u32(r, "get_tcp_keepalive_enable", FastlyBackend::getTcpKeepaliveEnable);
        // get_tcp_keepalive_interval / get_tcp_keepalive_time (backend: string) -> (status, timeout_secs)
        u32(r, "get_tcp_keepalive_interval", FastlyBackend::getTcpKeepaliveInterval);
        u32(r, "get_tcp_keepalive_time", FastlyBackend::getTcpKeepaliveTime);
        // get_tcp_keepalive_probes(backend: string) -> (status, probe_count)
        u32(r, "get_tcp_keepalive_probes", FastlyBackend::getTcpKeepaliveProbes);
        // is_ssl(backend: string) -> (status, is_ssl)
        u32(r, "is_ssl", FastlyBackend::isSsl);
        // get_ssl_min_version / get_ssl_max_version (backend: string) -> (status, tls_version)
        u32(r, "get_ssl_min_version", FastlyBackend::getSslMinVersion);
        u32(r, "get_ssl_max_version", FastlyBackend::getSslMaxVersion);
    }

    private static FastlyBackend calls(Guest g) {
        return g.sandbox().backend();
    }

    /** NAME(backend: string) -> (status, u32). */
    private static void u32(Registrar r, String name, U32Getter getter) {
        r.add(M, name, (g, a) -> {
            byte[] backend = g.memory().utf8Bytes(i32(a, 0), i32(a, 1));
            return g.u32Out(i32(a, 2), out -> getter.get(calls(g), backend, out));
        });
    }
}
