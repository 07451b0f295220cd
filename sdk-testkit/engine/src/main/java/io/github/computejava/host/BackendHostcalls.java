package io.github.computejava.host;

import io.github.computejava.abi.FastlyStatus;
import java.net.URI;
import java.time.Duration;

/**
 * The {@code fastly_backend} hostcalls of a sandbox beyond {@link io.github.computejava.abi.Hostcalls}, and
 * {@code fastly_http_req.register_dynamic_backend}. A name that is not a backend is {@code inval}. Methods follow
 * the conventions of {@code Hostcalls}.
 */
public final class BackendHostcalls {
    /** {@code backend_config_options} bits. */
    public static final int RESERVED = 1;

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

    private static final int KNOWN = (1 << 19) - 1;

    /** {@code tls_version}: TLS 1.2. */
    static final int TLS_1_2 = 2;
    /** {@code tls_version}: TLS 1.3. */
    static final int TLS_1_3 = 3;

    private final Sandbox sandbox;

    BackendHostcalls(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * {@code register_dynamic_backend}: defines a backend at run time.
     *
     * @param name the new backend's name
     * @param target {@code host} or {@code host:port}
     * @param mask which options are set ({@code backend_config_options})
     * @param config the decoded options
     * @return {@code inval} for a bad name, target or mask; {@code unsupported} for client certificates, custom
     *     CA certificates and gRPC; {@code error} when the name is taken
     */
    public int registerDynamicBackend(String name, String target, int mask, DynamicBackendConfig config) {
        if ((mask & RESERVED) != 0 || (mask & ~KNOWN) != 0 || name.isEmpty() || target.isEmpty()) {
            return FastlyStatus.INVAL;
        }
        if (!sandbox.engine().dynamicBackendsAllowed()) {
            return FastlyStatus.UNSUPPORTED;
        }
        if ((mask & (CLIENT_CERT | CA_CERT | GRPC)) != 0) {
            return FastlyStatus.UNSUPPORTED;
        }
        boolean ssl = (mask & USE_SSL) != 0;
        Backend.Builder b;
        try {
            URI url = new URI((ssl ? "https://" : "http://") + target + "/");
            if (url.getHost() == null
                    || url.getRawPath() == null
                    || !url.getRawPath().equals("/")) {
                return FastlyStatus.INVAL;
            }
            b = Backend.builder(name).url(url).dynamic(true);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return FastlyStatus.INVAL;
        }
        if ((mask & HOST_OVERRIDE) != 0) {
            if (config.hostOverride() == null || !HeaderList.isValidValue(config.hostOverride())) {
                return FastlyStatus.INVAL;
            }
            b.overrideHost(config.hostOverride());
        }
        if ((mask & CONNECT_TIMEOUT) != 0 && config.connectTimeoutMs() != 0) {
            b.connectTimeout(Duration.ofMillis(Integer.toUnsignedLong(config.connectTimeoutMs())));
        }
        if ((mask & FIRST_BYTE_TIMEOUT) != 0 && config.firstByteTimeoutMs() != 0) {
            b.firstByteTimeout(Duration.ofMillis(Integer.toUnsignedLong(config.firstByteTimeoutMs())));
        }
        if ((mask & BETWEEN_BYTES_TIMEOUT) != 0 && config.betweenBytesTimeoutMs() != 0) {
            b.betweenBytesTimeout(Duration.ofMillis(Integer.toUnsignedLong(config.betweenBytesTimeoutMs())));
        }
        if ((mask & CERT_HOSTNAME) != 0 && config.certHostname() != null) {
            b.certHost(config.certHostname());
        }
        if ((mask & SNI_HOSTNAME) != 0 && config.sniHostname() != null) {
            if (config.sniHostname().isEmpty()) {
                b.useSni(false);
            } else if (config.certHostname() == null) {
                b.certHost(config.sniHostname());
            }
        }
        int min = (mask & SSL_MIN_VERSION) != 0 ? config.sslMinVersion() : -1;
        int max = (mask & SSL_MAX_VERSION) != 0 ? config.sslMaxVersion() : -1;
        if (min > TLS_1_3 || max > TLS_1_3 || min >= 0 && max >= 0 && min > max) {
            return FastlyStatus.INVAL;
        }
        b.tls(new Backend.TlsSettings(min, max));
        if ((mask & KEEPALIVE) != 0) {
            b.keepalive(new Backend.Keepalive(
                    config.httpKeepaliveTimeMs(),
                    config.tcpKeepalive(),
                    config.tcpKeepaliveIntervalSecs(),
                    config.tcpKeepaliveProbes(),
                    config.tcpKeepaliveTimeSecs()));
        }
        return sandbox.engine().registerBackend(b.build()) ? FastlyStatus.OK : FastlyStatus.ERROR;
    }

    /** {@code is_healthy}: {@code unknown} unless set for the backend (the local server runs no health checks). */
    public int isHealthy(byte[] backend, int[] out) {
        return answer(backend, out, Backend::health);
    }

    /** {@code is_dynamic}. */
    public int isDynamic(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.dynamic() ? 1 : 0);
    }

    /** {@code is_ssl}. */
    public int isSsl(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.ssl() ? 1 : 0);
    }

    /** {@code get_port}: the URL's port, or 443/80 by scheme. */
    public int port(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.url()
                .map(u -> u.getPort() >= 0 ? u.getPort() : b.ssl() ? 443 : 80)
                .orElse(0));
    }

    /** {@code get_connect_timeout_ms}. */
    public int connectTimeoutMs(byte[] backend, int[] out) {
        return answer(backend, out, b -> millis(b.connectTimeout()));
    }

    /** {@code get_first_byte_timeout_ms}. */
    public int firstByteTimeoutMs(byte[] backend, int[] out) {
        return answer(backend, out, b -> millis(b.firstByteTimeout()));
    }

    /** {@code get_between_bytes_timeout_ms}. */
    public int betweenBytesTimeoutMs(byte[] backend, int[] out) {
        return answer(backend, out, b -> millis(b.betweenBytesTimeout()));
    }

    /** {@code get_http_keepalive_time}: as registered, else 0. */
    public int httpKeepaliveTime(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().httpKeepaliveTimeMs);
    }

    /** {@code get_tcp_keepalive_enable}: as registered, else 0. */
    public int tcpKeepaliveEnable(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().tcpKeepalive ? 1 : 0);
    }

    /** {@code get_tcp_keepalive_interval}: as registered, else 0. */
    public int tcpKeepaliveInterval(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().tcpKeepaliveIntervalSecs);
    }

    /** {@code get_tcp_keepalive_probes}: as registered, else 0. */
    public int tcpKeepaliveProbes(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().tcpKeepaliveProbes);
    }

    /** {@code get_tcp_keepalive_time}: as registered, else 0. */
    public int tcpKeepaliveTime(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().tcpKeepaliveTimeSecs);
    }

    /**
     * {@code get_ssl_min_version} and {@code get_ssl_max_version}: as registered, else TLS 1.2 to 1.3; {@code
     * none} without TLS.
     */
    public int sslVersion(byte[] backend, boolean max, int[] out) {
        Backend b = sandbox.engine().backend(Buffers.latin1(backend));
        if (b == null) {
            return FastlyStatus.INVAL;
        }
        if (!b.ssl()) {
            return FastlyStatus.NONE;
        }
        int set = max ? b.tls().maxVersion : b.tls().minVersion;
        out[0] = set >= 0 ? set : max ? TLS_1_3 : TLS_1_2;
        return FastlyStatus.OK;
    }

    /** {@code get_host}: the URL's host. */
    public int host(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
        Backend b = sandbox.engine().backend(Buffers.latin1(backend));
        if (b == null) {
            return FastlyStatus.INVAL;
        }
        if (b.url().isEmpty()) {
            return FastlyStatus.NONE;
        }
        return Buffers.single(Buffers.latin1(b.url().get().getHost()), buf, len, nwrittenOut);
    }

    /** {@code get_override_host}: {@code none} when the backend has none. */
    public int overrideHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
        Backend b = sandbox.engine().backend(Buffers.latin1(backend));
        if (b == null) {
            return FastlyStatus.INVAL;
        }
        if (b.overrideHost().isEmpty()) {
            return FastlyStatus.NONE;
        }
        return Buffers.single(Buffers.latin1(b.overrideHost().get()), buf, len, nwrittenOut);
    }

    private int answer(byte[] backend, int[] out, java.util.function.ToIntFunction<Backend> f) {
        Backend b = sandbox.engine().backend(Buffers.latin1(backend));
        if (b == null) {
            return FastlyStatus.INVAL;
        }
        out[0] = f.applyAsInt(b);
        return FastlyStatus.OK;
    }

    private static int millis(Duration d) {
        return (int) Math.min(d.toMillis(), 0xFFFFFFFFL);
    }
}
