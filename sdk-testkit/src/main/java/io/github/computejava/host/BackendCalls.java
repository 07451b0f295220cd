package io.github.computejava.host;

import io.github.computejava.internal.DynamicBackendConfig;
import io.github.computejava.internal.FastlyStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The host side of dynamic backend registration and the {@code fastly_backend} getters. A name the service
 * does not know is {@code inval}; a setting the backend does not have is {@code none}.
 */
final class BackendCalls {
    private static final int MAX_TLS_VERSION = 3;

    private BackendCalls() {}

    static int register(HostEngine engine, byte[] nameBytes, byte[] targetBytes, int mask, DynamicBackendConfig c) {
        String name = Buffers.latin1(nameBytes);
        String target = Buffers.latin1(targetBytes);
        if (name.isEmpty() || !isTarget(target) || (mask & ~DynamicBackendConfig.ALL) != 0 || (mask & 1) != 0) {
            return FastlyStatus.INVAL;
        }
        if (!engine.dynamicBackendsAllowed()) {
            return FastlyStatus.UNSUPPORTED;
        }
        if (c == null) {
            c = new DynamicBackendConfig();
        }
        boolean ssl = (mask & DynamicBackendConfig.USE_SSL) != 0;
        Backend.Builder b;
        try {
            b = Backend.builder(name)
                    .url((ssl ? "https://" : "http://") + target)
                    .dynamic(true);
            if ((mask & DynamicBackendConfig.HOST_OVERRIDE) != 0) {
                String host = text(c.hostOverride);
                if (host == null || host.isEmpty()) {
                    return FastlyStatus.INVAL;
                }
                b.overrideHost(host);
            }
            if ((mask & DynamicBackendConfig.CONNECT_TIMEOUT) != 0) {
                b.connectTimeout(millis(c.connectTimeoutMs));
            }
            if ((mask & DynamicBackendConfig.FIRST_BYTE_TIMEOUT) != 0) {
                b.firstByteTimeout(millis(c.firstByteTimeoutMs));
            }
            if ((mask & DynamicBackendConfig.BETWEEN_BYTES_TIMEOUT) != 0) {
                b.betweenBytesTimeout(millis(c.betweenBytesTimeoutMs));
            }
        } catch (IllegalArgumentException e) {
            return FastlyStatus.INVAL;
        }
        int min = -1;
        int max = -1;
        if ((mask & DynamicBackendConfig.SSL_MIN_VERSION) != 0) {
            min = c.sslMinVersion;
        }
        if ((mask & DynamicBackendConfig.SSL_MAX_VERSION) != 0) {
            max = c.sslMaxVersion;
        }
        if (min > MAX_TLS_VERSION
                || max > MAX_TLS_VERSION
                || min < -1
                || max < -1
                || min >= 0 && max >= 0 && min > max) {
            return FastlyStatus.INVAL;
        }
        b.tls(new Backend.TlsSettings(
                min,
                max,
                flagged(mask, DynamicBackendConfig.CERT_HOSTNAME, c.certHostname),
                flagged(mask, DynamicBackendConfig.SNI_HOSTNAME, c.sniHostname),
                flagged(mask, DynamicBackendConfig.CA_CERT, c.caCert),
                flagged(mask, DynamicBackendConfig.CIPHERS, c.ciphers)));
        if ((mask & DynamicBackendConfig.KEEPALIVE) != 0) {
            b.keepalive(new Backend.Keepalive(
                    c.httpKeepaliveTimeMs,
                    c.tcpKeepaliveEnable != 0,
                    c.tcpKeepaliveIntervalSecs,
                    c.tcpKeepaliveProbes,
                    c.tcpKeepaliveTimeSecs));
        }
        return engine.registerBackend(b.build()) ? FastlyStatus.OK : FastlyStatus.ERROR;
    }

    static int host(HostEngine engine, byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
        Backend b = engine.backend(Buffers.latin1(backend));
        if (b == null) {
            return FastlyStatus.INVAL;
        }
        if (b.host().isEmpty()) {
            return FastlyStatus.NONE;
        }
        return Buffers.single(Buffers.latin1(b.host().get()), buf, len, nwrittenOut);
    }

    static int overrideHost(HostEngine engine, byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
        Backend b = engine.backend(Buffers.latin1(backend));
        if (b == null) {
            return FastlyStatus.INVAL;
        }
        if (b.overrideHost().isEmpty()) {
            return FastlyStatus.NONE;
        }
        return Buffers.single(Buffers.latin1(b.overrideHost().get()), buf, len, nwrittenOut);
    }

    /** The getters of one {@code u32} (or {@code u16}) value. */
    enum Value {
        HEALTH,
        DYNAMIC,
        PORT,
        CONNECT_TIMEOUT,
        FIRST_BYTE_TIMEOUT,
        BETWEEN_BYTES_TIMEOUT,
        HTTP_KEEPALIVE_TIME,
        TCP_KEEPALIVE_ENABLE,
        TCP_KEEPALIVE_INTERVAL,
        TCP_KEEPALIVE_PROBES,
        TCP_KEEPALIVE_TIME,
        SSL,
        SSL_MIN_VERSION,
        SSL_MAX_VERSION
    }

    static int value(HostEngine engine, byte[] backend, Value which, int[] out) {
        Backend b = engine.backend(Buffers.latin1(backend));
        if (b == null) {
            return FastlyStatus.INVAL;
        }
        long v;
        switch (which) {
            case HEALTH:
                v = b.health();
                break;
            case DYNAMIC:
                v = b.dynamic() ? 1 : 0;
                break;
            case PORT:
                v = b.port();
                break;
            case CONNECT_TIMEOUT:
                v = b.connectTimeout().toMillis();
                break;
            case FIRST_BYTE_TIMEOUT:
                v = b.firstByteTimeout().toMillis();
                break;
            case BETWEEN_BYTES_TIMEOUT:
                v = b.betweenBytesTimeout().toMillis();
                break;
            case HTTP_KEEPALIVE_TIME:
                v = b.keepalive().httpKeepaliveTimeMs;
                break;
            case TCP_KEEPALIVE_ENABLE:
                v = b.keepalive().tcpKeepalive ? 1 : 0;
                break;
            case TCP_KEEPALIVE_INTERVAL:
                v = b.keepalive().tcpKeepaliveIntervalSecs;
                break;
            case TCP_KEEPALIVE_PROBES:
                v = b.keepalive().tcpKeepaliveProbes;
                break;
            case TCP_KEEPALIVE_TIME:
                v = b.keepalive().tcpKeepaliveTimeSecs;
                break;
            case SSL:
                v = b.ssl() ? 1 : 0;
                break;
            case SSL_MIN_VERSION:
                v = b.tls().minVersion;
                break;
            case SSL_MAX_VERSION:
                v = b.tls().maxVersion;
                break;
            default:
                throw new IllegalStateException("unhandled backend value " + which);
        }
        if (v < 0) {
            return FastlyStatus.NONE;
        }
        out[0] = (int) Math.min(v, 0xFFFFFFFFL);
        return FastlyStatus.OK;
    }

    /** {@code host} or {@code host:port}: no scheme, path, spaces or user info. */
    private static boolean isTarget(String target) {
        if (target.isEmpty()) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7F || "/?#@\\\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static Duration millis(int ms) {
        return Duration.ofMillis(Integer.toUnsignedLong(ms));
    }

    private static String flagged(int mask, int flag, byte[] value) {
        return (mask & flag) != 0 ? text(value) : null;
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
