package io.github.computejava.host.backend;

/**
 * The options of {@code register_dynamic_backend} that the engine uses, decoded from the guest's {@code
 * dynamic_backend_config} record. Fields whose mask bit was clear are null, 0, false or -1 (versions).
 *
 * @param hostOverride the {@code Host} header to send, or null
 * @param connectTimeoutMs the connect timeout, or 0 for the default
 * @param firstByteTimeoutMs the first-byte timeout, or 0 for the default
 * @param betweenBytesTimeoutMs the between-bytes timeout, or 0 for the default
 * @param certHostname the host name the certificate must match, or null
 * @param sniHostname the SNI host name, or null; an empty name turns SNI off
 * @param sslMinVersion the lowest {@code tls_version} accepted, or -1
 * @param sslMaxVersion the highest {@code tls_version} accepted, or -1
 * @param httpKeepaliveTimeMs how long an idle pooled connection stays open (keepalive bit), or 0
 * @param tcpKeepalive whether TCP keepalive probes are sent (keepalive bit)
 * @param tcpKeepaliveIntervalSecs the interval between probes, or 0
 * @param tcpKeepaliveProbes the unanswered probes that end a connection, or 0
 * @param tcpKeepaliveTimeSecs the idle time before probes start, or 0
 * @param clientCertificate the client certificate (PEM) for mutual TLS, or null
 * @param clientKey the plaintext of its key's secret (PEM), or null
 */
public record DynamicBackendConfig(
        String hostOverride,
        int connectTimeoutMs,
        int firstByteTimeoutMs,
        int betweenBytesTimeoutMs,
        String certHostname,
        String sniHostname,
        int sslMinVersion,
        int sslMaxVersion,
        int httpKeepaliveTimeMs,
        boolean tcpKeepalive,
        int tcpKeepaliveIntervalSecs,
        int tcpKeepaliveProbes,
        int tcpKeepaliveTimeSecs,
        String clientCertificate,
        String clientKey) {

    /** The options without a client certificate. */
    public DynamicBackendConfig(
            String hostOverride,
            int connectTimeoutMs,
            int firstByteTimeoutMs,
            int betweenBytesTimeoutMs,
            String certHostname,
            String sniHostname,
            int sslMinVersion,
            int sslMaxVersion,
            int httpKeepaliveTimeMs,
            boolean tcpKeepalive,
            int tcpKeepaliveIntervalSecs,
            int tcpKeepaliveProbes,
            int tcpKeepaliveTimeSecs) {
        this(
                hostOverride,
                connectTimeoutMs,
                firstByteTimeoutMs,
                betweenBytesTimeoutMs,
                certHostname,
                sniHostname,
                sslMinVersion,
                sslMaxVersion,
                httpKeepaliveTimeMs,
                tcpKeepalive,
                tcpKeepaliveIntervalSecs,
                tcpKeepaliveProbes,
                tcpKeepaliveTimeSecs,
                null,
                null);
    }

    /** The options without TLS versions or keepalive settings. */
    public DynamicBackendConfig(
            String hostOverride,
            int connectTimeoutMs,
            int firstByteTimeoutMs,
            int betweenBytesTimeoutMs,
            String certHostname,
            String sniHostname) {
        this(
                hostOverride,
                connectTimeoutMs,
                firstByteTimeoutMs,
                betweenBytesTimeoutMs,
                certHostname,
                sniHostname,
                -1,
                -1,
                0,
                false,
                0,
                0,
                0);
    }
}
