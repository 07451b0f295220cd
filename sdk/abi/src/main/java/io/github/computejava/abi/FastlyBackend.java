package io.github.computejava.abi;

/** The {@code fastly_backend} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyBackend {
    // exists(backend: string) -> (status, backend_exists u32)
    int backendExists(byte[] backend, int[] existsOut);

    // get_host(backend: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int backendGetHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut);

    // get_override_host(backend: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int backendGetOverrideHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut);

    // is_healthy(backend: string) -> (status, backend_health)
    int backendIsHealthy(byte[] backend, int[] out);

    // is_dynamic(backend: string) -> (status, is_dynamic u32)
    int backendIsDynamic(byte[] backend, int[] out);

    // get_port(backend: string) -> (status, port u16)
    int backendGetPort(byte[] backend, int[] out);

    // get_connect_timeout_ms(backend: string) -> (status, timeout_ms u32)
    int backendGetConnectTimeoutMs(byte[] backend, int[] out);

    // get_first_byte_timeout_ms(backend: string) -> (status, timeout_ms u32)
    int backendGetFirstByteTimeoutMs(byte[] backend, int[] out);

    // get_between_bytes_timeout_ms(backend: string) -> (status, timeout_ms u32)
    int backendGetBetweenBytesTimeoutMs(byte[] backend, int[] out);

    // get_http_keepalive_time(backend: string) -> (status, timeout_ms u32)
    int backendGetHttpKeepaliveTime(byte[] backend, int[] out);

    // get_tcp_keepalive_enable(backend: string) -> (status, is_keepalive u32)
    int backendGetTcpKeepaliveEnable(byte[] backend, int[] out);

    // get_tcp_keepalive_interval(backend: string) -> (status, timeout_secs u32)
    int backendGetTcpKeepaliveInterval(byte[] backend, int[] out);

    // get_tcp_keepalive_probes(backend: string) -> (status, probe_count u32)
    int backendGetTcpKeepaliveProbes(byte[] backend, int[] out);

    // get_tcp_keepalive_time(backend: string) -> (status, timeout_secs u32)
    int backendGetTcpKeepaliveTime(byte[] backend, int[] out);

    // is_ssl(backend: string) -> (status, is_ssl u32)
    int backendIsSsl(byte[] backend, int[] out);

    // get_ssl_min_version(backend: string) -> (status, tls_version)
    int backendGetSslMinVersion(byte[] backend, int[] out);

    // get_ssl_max_version(backend: string) -> (status, tls_version)
    int backendGetSslMaxVersion(byte[] backend, int[] out);
}
