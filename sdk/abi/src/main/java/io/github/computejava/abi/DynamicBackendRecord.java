package io.github.computejava.abi;

/**
 * The {@code dynamic_backend_config} record of {@code fastly_http_req.register_dynamic_backend}, as Java values:
 * strings are byte arrays (null when absent), the rest {@code u32} values. The {@code backend_config_options}
 * mask says which fields are set.
 *
 * <p>In guest memory the record is {@value #SIZE} bytes of little-endian {@code u32}s: each string is a pointer
 * and a length. The {@code OFF_*} constants give each field's offset for the Wasm bindings that write it.
 */
public final class DynamicBackendRecord {
    /** The record's size in guest memory. */
    public static final int SIZE = 108;

    public static final int OFF_HOST_OVERRIDE = 0;
    public static final int OFF_HOST_OVERRIDE_LEN = 4;
    public static final int OFF_CONNECT_TIMEOUT_MS = 8;
    public static final int OFF_FIRST_BYTE_TIMEOUT_MS = 12;
    public static final int OFF_BETWEEN_BYTES_TIMEOUT_MS = 16;
    public static final int OFF_SSL_MIN_VERSION = 20;
    public static final int OFF_SSL_MAX_VERSION = 24;
    public static final int OFF_CERT_HOSTNAME = 28;
    public static final int OFF_CERT_HOSTNAME_LEN = 32;
    public static final int OFF_CA_CERT = 36;
    public static final int OFF_CA_CERT_LEN = 40;
    public static final int OFF_CIPHERS = 44;
    public static final int OFF_CIPHERS_LEN = 48;
    public static final int OFF_SNI_HOSTNAME = 52;
    public static final int OFF_SNI_HOSTNAME_LEN = 56;
    public static final int OFF_CLIENT_CERTIFICATE = 60;
    public static final int OFF_CLIENT_CERTIFICATE_LEN = 64;
    public static final int OFF_CLIENT_KEY = 68;
    public static final int OFF_HTTP_KEEPALIVE_TIME_MS = 72;
    public static final int OFF_TCP_KEEPALIVE_ENABLE = 76;
    public static final int OFF_TCP_KEEPALIVE_INTERVAL_SECS = 80;
    public static final int OFF_TCP_KEEPALIVE_PROBES = 84;
    public static final int OFF_TCP_KEEPALIVE_TIME_SECS = 88;
    public static final int OFF_MAX_CONNECTIONS = 92;
    public static final int OFF_MAX_USE = 96;
    public static final int OFF_MAX_LIFETIME_MS = 100;
    public static final int OFF_HEALTHCHECK = 104;

    // backend_config_options flags
    public static final int HOST_OVERRIDE = 1 << 1;
    public static final int CONNECT_TIMEOUT = 1 << 2;
    public static final int FIRST_BYTE_TIMEOUT = 1 << 3;
    public static final int BETWEEN_BYTES_TIMEOUT = 1 << 4;
    public static final int USE_SSL = 1 << 5;
    public static final int SSL_MIN_VERSION = 1 << 6;
    public static final int SSL_MAX_VERSION = 1 << 7;
    public static final int CERT_HOSTNAME = 1 << 8;
    public static final int CA_CERT = 1 << 9;
    public static final int CIPHERS = 1 << 10;
    public static final int SNI_HOSTNAME = 1 << 11;
    public static final int DONT_POOL = 1 << 12;
    public static final int CLIENT_CERT = 1 << 13;
    public static final int GRPC = 1 << 14;
    public static final int KEEPALIVE = 1 << 15;
    public static final int POOLING_LIMITS = 1 << 16;
    public static final int PREFER_IPV4 = 1 << 17;
    public static final int HEALTHCHECK = 1 << 18;
    /** Every flag this SDK knows. */
    public static final int ALL = (1 << 19) - 2;

    public byte[] hostOverride;
    public int connectTimeoutMs;
    public int firstByteTimeoutMs;
    public int betweenBytesTimeoutMs;
    public int sslMinVersion;
    public int sslMaxVersion;
    public byte[] certHostname;
    public byte[] caCert;
    public byte[] ciphers;
    public byte[] sniHostname;
    public byte[] clientCertificate;
    public int clientKey;
    public int httpKeepaliveTimeMs;
    public int tcpKeepaliveEnable;
    public int tcpKeepaliveIntervalSecs;
    public int tcpKeepaliveProbes;
    public int tcpKeepaliveTimeSecs;
    public int maxConnections;
    public int maxUse;
    public int maxLifetimeMs;

    /** A little-endian u32 of a record. */
    public static int u32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    /** Writes a little-endian u32 into a record (no allocation, so safe between taking addresses and a call). */
    public static void putU32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
