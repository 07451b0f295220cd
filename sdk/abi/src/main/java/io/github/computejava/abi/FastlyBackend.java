package io.github.computejava.abi;

/** The {@code fastly_backend} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyBackend {
    /** {@code backend_health.unknown}. */
    int HEALTH_UNKNOWN = 0;
    /** {@code backend_health.healthy}. */
    int HEALTH_HEALTHY = 1;
    /** {@code backend_health.unhealthy}. */
    int HEALTH_UNHEALTHY = 2;

    /** {@code tls_version.tls_1}. */
    int TLS_1 = 0;
    /** {@code tls_version.tls_1_1}. */
    int TLS_1_1 = 1;
    /** {@code tls_version.tls_1_2}. */
    int TLS_1_2 = 2;
    /** {@code tls_version.tls_1_3}. */
    int TLS_1_3 = 3;

    // exists(backend: string) -> (status, backend_exists u32)
    int exists(byte[] backend, int[] existsOut);

    // get_host(backend: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int getHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut);

    // get_override_host(backend: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int getOverrideHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut);

    // is_healthy(backend: string) -> (status, backend_health)
    int isHealthy(byte[] backend, int[] out);

    // is_dynamic(backend: string) -> (status, is_dynamic u32)
    int isDynamic(byte[] backend, int[] out);

    // get_port(backend: string) -> (status, port u16)
    int getPort(byte[] backend, int[] out);

    // get_connect_timeout_ms(backend: string) -> (status, timeout_ms u32)
    int getConnectTimeoutMs(byte[] backend, int[] out);

    // get_first_byte_timeout_ms(backend: string) -> (status, timeout_ms u32)
    int getFirstByteTimeoutMs(byte[] backend, int[] out);

    // get_between_bytes_timeout_ms(backend: string) -> (status, timeout_ms u32)
    int getBetweenBytesTimeoutMs(byte[] backend, int[] out);

    // get_http_keepalive_time(backend: string) -> (status, timeout_ms u32)
    int getHttpKeepaliveTime(byte[] backend, int[] out);

    // get_tcp_keepalive_enable(backend: string) -> (status, is_keepalive u32)
    int getTcpKeepaliveEnable(byte[] backend, int[] out);

    // get_tcp_keepalive_interval(backend: string) -> (status, timeout_secs u32)
    int getTcpKeepaliveInterval(byte[] backend, int[] out);

    // get_tcp_keepalive_probes(backend: string) -> (status, probe_count u32)
    int getTcpKeepaliveProbes(byte[] backend, int[] out);

    // get_tcp_keepalive_time(backend: string) -> (status, timeout_secs u32)
    int getTcpKeepaliveTime(byte[] backend, int[] out);

    // is_ssl(backend: string) -> (status, is_ssl u32)
    int isSsl(byte[] backend, int[] out);

    // get_ssl_min_version(backend: string) -> (status, tls_version)
    int getSslMinVersion(byte[] backend, int[] out);

    // get_ssl_max_version(backend: string) -> (status, tls_version)
    int getSslMaxVersion(byte[] backend, int[] out);
}
