package io.github.computejava.host;

import static io.github.computejava.abi.DynamicBackendRecord.BETWEEN_BYTES_TIMEOUT;
import static io.github.computejava.abi.DynamicBackendRecord.CA_CERT;
import static io.github.computejava.abi.DynamicBackendRecord.CERT_HOSTNAME;
import static io.github.computejava.abi.DynamicBackendRecord.CLIENT_CERT;
import static io.github.computejava.abi.DynamicBackendRecord.CONNECT_TIMEOUT;
import static io.github.computejava.abi.DynamicBackendRecord.FIRST_BYTE_TIMEOUT;
import static io.github.computejava.abi.DynamicBackendRecord.GRPC;
import static io.github.computejava.abi.DynamicBackendRecord.HOST_OVERRIDE;
import static io.github.computejava.abi.DynamicBackendRecord.KEEPALIVE;
import static io.github.computejava.abi.DynamicBackendRecord.RESERVED;
import static io.github.computejava.abi.DynamicBackendRecord.SNI_HOSTNAME;
import static io.github.computejava.abi.DynamicBackendRecord.SSL_MAX_VERSION;
import static io.github.computejava.abi.DynamicBackendRecord.SSL_MIN_VERSION;
import static io.github.computejava.abi.DynamicBackendRecord.USE_SSL;

import io.github.computejava.abi.DynamicBackendRecord;
import io.github.computejava.abi.FastlyBackend;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.backend.Backend;
import io.github.computejava.host.backend.DynamicBackendConfig;
import io.github.computejava.host.http.HeaderList;
import java.net.URI;
import java.time.Duration;

/**
 * {@code fastly_backend}: what a program may learn about a backend, by name (a name that is not a backend is
 * {@code inval}), and the rule that registers a dynamic backend ({@code fastly_http_req.register_dynamic_backend}
 * decodes its record, then calls {@link #registerDynamic}).
 */
final class BackendHost implements FastlyBackend {
    private final Sandbox sandbox;

    BackendHost(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * Defines a backend at run time ({@code register_dynamic_backend}).
     *
     * @param name the new backend's name
     * @param target {@code host} or {@code host:port}
     * @param mask which options are set ({@code backend_config_options})
     * @param config the decoded options
     * @return {@code inval} for a bad name, target or mask, or a client certificate or key that does not parse;
     *     {@code unsupported} for custom CA certificates and gRPC; {@code error} when the name is taken
     */
    int registerDynamic(String name, String target, int mask, DynamicBackendConfig config) {
        if ((mask & RESERVED) != 0
                || (mask & ~(DynamicBackendRecord.ALL | RESERVED)) != 0
                || name.isEmpty()
                || target.isEmpty()) {
            return FastlyStatus.INVAL;
        }
        if (!sandbox.engine().dynamicBackendsAllowed()) {
            sandbox.refuse("the dynamic backend " + name + " was refused: dynamic backends are turned off"
                    + " ([local_server.dynamic_backends] enabled = false)");
            return FastlyStatus.UNSUPPORTED;
        }
        if ((mask & (CA_CERT | GRPC)) != 0) {
            return FastlyStatus.UNSUPPORTED;
        }
        if ((mask & CLIENT_CERT) != 0 && !ClientCertificates.valid(config.clientCertificate(), config.clientKey())) {
            return FastlyStatus.INVAL;
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
            if (!sandbox.engine()
                    .dynamicBackendTargetAllowed(url.getHost(), url.getPort() < 0 ? (ssl ? 443 : 80) : url.getPort())) {
                sandbox.refuse("the dynamic backend " + name + " to " + target + " was refused: it is not among"
                        + " [local_server.dynamic_backends] allowed_hosts "
                        + sandbox.engine().dynamicBackendHosts());
                return FastlyStatus.UNSUPPORTED;
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
        if ((mask & CLIENT_CERT) != 0) {
            b.clientCertificate(config.clientCertificate(), config.clientKey());
        }
        return sandbox.engine().registerBackend(b.build()) ? FastlyStatus.OK : FastlyStatus.ERROR;
    }

    /** {@code exists}. */
    @Override
    public int exists(byte[] backend, int[] existsOut) {
        existsOut[0] = sandbox.engine().backend(Buffers.latin1(backend)) != null ? 1 : 0;
        return FastlyStatus.OK;
    }

    /** {@code is_healthy}: {@code unknown} unless set for the backend (the local server runs no health checks). */
    @Override
    public int isHealthy(byte[] backend, int[] out) {
        return answer(backend, out, Backend::health);
    }

    /** {@code is_dynamic}. */
    @Override
    public int isDynamic(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.dynamic() ? 1 : 0);
    }

    /** {@code is_ssl}. */
    @Override
    public int isSsl(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.ssl() ? 1 : 0);
    }

    /** {@code get_port}: the URL's port, or 443/80 by scheme. */
    @Override
    public int getPort(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.url()
                .map(u -> u.getPort() >= 0 ? u.getPort() : b.ssl() ? 443 : 80)
                .orElse(0));
    }

    /** {@code get_connect_timeout_ms}. */
    @Override
    public int getConnectTimeoutMs(byte[] backend, int[] out) {
        return answer(backend, out, b -> millis(b.connectTimeout()));
    }

    /** {@code get_first_byte_timeout_ms}. */
    @Override
    public int getFirstByteTimeoutMs(byte[] backend, int[] out) {
        return answer(backend, out, b -> millis(b.firstByteTimeout()));
    }

    /** {@code get_between_bytes_timeout_ms}. */
    @Override
    public int getBetweenBytesTimeoutMs(byte[] backend, int[] out) {
        return answer(backend, out, b -> millis(b.betweenBytesTimeout()));
    }

    /** {@code get_http_keepalive_time}: as registered, else 0. */
    @Override
    public int getHttpKeepaliveTime(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().httpKeepaliveTimeMs);
    }

    /** {@code get_tcp_keepalive_enable}: as registered, else 0. */
    @Override
    public int getTcpKeepaliveEnable(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().tcpKeepalive ? 1 : 0);
    }

    /** {@code get_tcp_keepalive_interval}: as registered, else 0. */
    @Override
    public int getTcpKeepaliveInterval(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().tcpKeepaliveIntervalSecs);
    }

    /** {@code get_tcp_keepalive_probes}: as registered, else 0. */
    @Override
    public int getTcpKeepaliveProbes(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().tcpKeepaliveProbes);
    }

    /** {@code get_tcp_keepalive_time}: as registered, else 0. */
    @Override
    public int getTcpKeepaliveTime(byte[] backend, int[] out) {
        return answer(backend, out, b -> b.keepalive().tcpKeepaliveTimeSecs);
    }

    /**
     * {@code get_ssl_min_version} and {@code get_ssl_max_version}: as registered, else TLS 1.2 to 1.3; {@code
     * none} without TLS.
     */
    private int sslVersion(byte[] backend, boolean max, int[] out) {
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

    @Override
    public int getSslMinVersion(byte[] backend, int[] out) {
        return sslVersion(backend, false, out);
    }

    @Override
    public int getSslMaxVersion(byte[] backend, int[] out) {
        return sslVersion(backend, true, out);
    }

    /** {@code get_host}: the URL's host. */
    @Override
    public int getHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
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
    @Override
    public int getOverrideHost(byte[] backend, byte[] buf, int len, int[] nwrittenOut) {
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
