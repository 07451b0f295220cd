package io.github.computejava.host;

/**
 * The options of {@code register_dynamic_backend} that the engine uses, decoded from the guest's {@code
 * dynamic_backend_config} record. Fields whose mask bit was clear are null or 0.
 *
 * @param hostOverride the {@code Host} header to send, or null
 * @param connectTimeoutMs the connect timeout, or 0 for the default
 * @param firstByteTimeoutMs the first-byte timeout, or 0 for the default
 * @param betweenBytesTimeoutMs the between-bytes timeout, or 0 for the default
 * @param certHostname the host name the certificate must match, or null
 * @param sniHostname the SNI host name, or null; an empty name turns SNI off
 */
public record DynamicBackendConfig(
        String hostOverride,
        int connectTimeoutMs,
        int firstByteTimeoutMs,
        int betweenBytesTimeoutMs,
        String certHostname,
        String sniHostname) {}
