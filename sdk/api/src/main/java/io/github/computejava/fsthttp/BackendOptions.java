package io.github.computejava.fsthttp;

import io.github.computejava.internal.guest.HttpReqGuest;
import java.time.Duration;
import java.util.Objects;

/**
 * How the host connects to a dynamic backend ({@link Backend#register}). Immutable; build with {@link
 * #builder()}. Setting a TLS option turns TLS on, as in Fastly's SDKs.
 *
 * <pre>{@code
 * Backend api = Backend.register("api", "api.example.com:443", BackendOptions.builder()
 *         .useSsl(true)
 *         .hostOverride("api.example.com")
 *         .firstByteTimeout(Duration.ofSeconds(5))
 *         .build());
 * }</pre>
 */
public final class BackendOptions {
    /** No options: plain HTTP with the host's defaults. */
    public static final BackendOptions DEFAULT = builder().build();

    /** The largest duration the host accepts, in milliseconds ({@code u32}). */
    static final long MAX_MILLIS = 0xFFFFFFFFL;

    private final int mask;
    private final HttpReqGuest.BackendConfig config;
    private final Builder source;

    private BackendOptions(Builder b) {
        this.mask = b.mask;
        this.config = b.config();
        this.source = b.copy();
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return source.copy();
    }

    int mask() {
        return mask;
    }

    HttpReqGuest.BackendConfig config() {
        return config;
    }

    /** Builds {@link BackendOptions}; every setter checks its argument at once. */
    public static final class Builder {
        private int mask;
        private String hostOverride;
        private long connectTimeoutMs;
        private long firstByteTimeoutMs;
        private long betweenBytesTimeoutMs;
        private TlsVersion sslMinVersion;
        private TlsVersion sslMaxVersion;
        private String certHostname;
        private String caCertificate;
        private String clientCertificate;
        private io.github.computejava.secretstore.Secret clientKey;
        private String ciphers;
        private String sniHostname;
        private long httpKeepaliveTimeMs;
        private boolean tcpKeepalive;
        private long tcpKeepaliveIntervalSecs;
        private long tcpKeepaliveProbes;
        private long tcpKeepaliveTimeSecs;
        private long maxConnections;
        private long maxUse;
        private long maxLifetimeMs;

        private Builder() {}

        /**
         * Sends this {@code Host} header to the backend.
         *
         * @param host the host name
         * @return this builder
         * @throws IllegalArgumentException if {@code host} is empty or holds CR, LF or NUL
         * @throws NullPointerException if {@code host} is null
         */
        public Builder hostOverride(String host) {
            this.hostOverride = nonEmpty(host, "hostOverride");
            mask |= HttpReqGuest.BackendConfig.HOST_OVERRIDE;
            return this;
        }

        /**
         * How long to wait for a connection.
         *
         * @param timeout from 1 ms to 2^32-1 ms
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code timeout} is null
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeoutMs = millis(timeout, "connectTimeout");
            mask |= HttpReqGuest.BackendConfig.CONNECT_TIMEOUT;
            return this;
        }

        /**
         * How long to wait for the response to start.
         *
         * @param timeout from 1 ms to 2^32-1 ms
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code timeout} is null
         */
        public Builder firstByteTimeout(Duration timeout) {
            this.firstByteTimeoutMs = millis(timeout, "firstByteTimeout");
            mask |= HttpReqGuest.BackendConfig.FIRST_BYTE_TIMEOUT;
            return this;
        }

        /**
         * How long to wait between bytes of the response.
         *
         * @param timeout from 1 ms to 2^32-1 ms
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code timeout} is null
         */
        public Builder betweenBytesTimeout(Duration timeout) {
            this.betweenBytesTimeoutMs = millis(timeout, "betweenBytesTimeout");
            mask |= HttpReqGuest.BackendConfig.BETWEEN_BYTES_TIMEOUT;
            return this;
        }

        /**
         * Connects with TLS (or not).
         *
         * @param ssl true for TLS
         * @return this builder
         */
        public Builder useSsl(boolean ssl) {
            if (ssl) {
                mask |= HttpReqGuest.BackendConfig.USE_SSL;
            } else {
                mask &= ~HttpReqGuest.BackendConfig.USE_SSL;
            }
            return this;
        }

        /**
         * The lowest TLS version to accept; turns TLS on.
         *
         * @param version the version
         * @return this builder
         * @throws NullPointerException if {@code version} is null
         */
        public Builder sslMinVersion(TlsVersion version) {
            this.sslMinVersion = Objects.requireNonNull(version, "version");
            mask |= HttpReqGuest.BackendConfig.SSL_MIN_VERSION | HttpReqGuest.BackendConfig.USE_SSL;
            return this;
        }

        /**
         * The highest TLS version to accept; turns TLS on.
         *
         * @param version the version
         * @return this builder
         * @throws NullPointerException if {@code version} is null
         */
        public Builder sslMaxVersion(TlsVersion version) {
            this.sslMaxVersion = Objects.requireNonNull(version, "version");
            mask |= HttpReqGuest.BackendConfig.SSL_MAX_VERSION | HttpReqGuest.BackendConfig.USE_SSL;
            return this;
        }

        /**
         * The host name the backend's certificate must name; turns TLS on.
         *
         * @param host the host name
         * @return this builder
         * @throws IllegalArgumentException if {@code host} is empty
         * @throws NullPointerException if {@code host} is null
         */
        public Builder certHostname(String host) {
            this.certHostname = nonEmpty(host, "certHostname");
            mask |= HttpReqGuest.BackendConfig.CERT_HOSTNAME | HttpReqGuest.BackendConfig.USE_SSL;
            return this;
        }

        /**
         * The CA certificate (PEM) to verify the backend with; turns TLS on.
         *
         * @param pem the certificate
         * @return this builder
         * @throws IllegalArgumentException if {@code pem} is empty
         * @throws NullPointerException if {@code pem} is null
         */
        public Builder caCertificate(String pem) {
            Objects.requireNonNull(pem, "caCertificate");
            if (pem.isEmpty()) {
                throw new IllegalArgumentException("caCertificate: must not be empty");
            }
            this.caCertificate = pem;
            mask |= HttpReqGuest.BackendConfig.CA_CERT | HttpReqGuest.BackendConfig.USE_SSL;
            return this;
        }

        /**
         * The certificate and key the backend is shown in the TLS handshake (mutual TLS), as Go's {@code
         * BackendOptions.ClientCertificate}; turns TLS on. The key is a secret, from a secret store or {@link
         * io.github.computejava.secretstore.Secret#fromBytes}, so it need not sit in the program's code:
         *
         * <pre>{@code
         * Secret key = SecretStore.open("tls").get("client-key").orElseThrow();
         * Backend api = Backend.register("api", "api.example.com:443",
         *         BackendOptions.builder().clientCertificate(CLIENT_CERT_PEM, key).build());
         * }</pre>
         *
         * <p>The local server and the testkit present them to real TLS origins; a scripted backend records the
         * certificate ({@code RecordedRequest.clientCertificate()}). A certificate or key that does not parse fails
         * the registration ({@link BackendRegistrationException}).
         *
         * @param certificatePem the certificate (chain), PEM
         * @param key the secret holding its private key, PEM (PKCS#8 {@code PRIVATE KEY})
         * @return this builder
         * @throws IllegalArgumentException if {@code certificatePem} is empty
         * @throws NullPointerException if an argument is null
         */
        public Builder clientCertificate(String certificatePem, io.github.computejava.secretstore.Secret key) {
            Objects.requireNonNull(certificatePem, "certificatePem");
            Objects.requireNonNull(key, "key");
            if (certificatePem.isEmpty()) {
                throw new IllegalArgumentException("clientCertificate: must not be empty");
            }
            this.clientCertificate = certificatePem;
            this.clientKey = key;
            mask |= HttpReqGuest.BackendConfig.CLIENT_CERT | HttpReqGuest.BackendConfig.USE_SSL;
            return this;
        }

        /**
         * The OpenSSL cipher list to offer; turns TLS on.
         *
         * @param ciphers the cipher list
         * @return this builder
         * @throws IllegalArgumentException if {@code ciphers} is empty
         * @throws NullPointerException if {@code ciphers} is null
         */
        public Builder ciphers(String ciphers) {
            this.ciphers = nonEmpty(ciphers, "ciphers");
            mask |= HttpReqGuest.BackendConfig.CIPHERS | HttpReqGuest.BackendConfig.USE_SSL;
            return this;
        }

        /**
         * The SNI host name to send; turns TLS on.
         *
         * @param host the host name
         * @return this builder
         * @throws IllegalArgumentException if {@code host} is empty
         * @throws NullPointerException if {@code host} is null
         */
        public Builder sniHostname(String host) {
            this.sniHostname = nonEmpty(host, "sniHostname");
            mask |= HttpReqGuest.BackendConfig.SNI_HOSTNAME | HttpReqGuest.BackendConfig.USE_SSL;
            return this;
        }

        /**
         * Whether connections are pooled (they are by default).
         *
         * @param pool false to open a new connection for every request
         * @return this builder
         */
        public Builder poolConnections(boolean pool) {
            if (pool) {
                mask &= ~HttpReqGuest.BackendConfig.DONT_POOL;
            } else {
                mask |= HttpReqGuest.BackendConfig.DONT_POOL;
            }
            return this;
        }

        /**
         * Connects with gRPC.
         *
         * @param grpc true for gRPC
         * @return this builder
         */
        public Builder useGrpc(boolean grpc) {
            if (grpc) {
                mask |= HttpReqGuest.BackendConfig.GRPC;
            } else {
                mask &= ~HttpReqGuest.BackendConfig.GRPC;
            }
            return this;
        }

        /**
         * How long an idle pooled HTTP connection stays open.
         *
         * @param time from 0 to 2^32-1 ms
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code time} is null
         */
        public Builder httpKeepaliveTime(Duration time) {
            this.httpKeepaliveTimeMs = millisOrZero(time, "httpKeepaliveTime");
            mask |= HttpReqGuest.BackendConfig.KEEPALIVE;
            return this;
        }

        /**
         * Turns TCP keepalive probes on or off.
         *
         * @param enable true to send probes
         * @return this builder
         */
        public Builder tcpKeepalive(boolean enable) {
            this.tcpKeepalive = enable;
            mask |= HttpReqGuest.BackendConfig.KEEPALIVE;
            return this;
        }

        /**
         * The interval between TCP keepalive probes (rounded up to whole seconds, at least 1); turns them on.
         *
         * @param interval the interval
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code interval} is null
         */
        public Builder tcpKeepaliveInterval(Duration interval) {
            this.tcpKeepaliveIntervalSecs = Math.max(1, seconds(interval, "tcpKeepaliveInterval"));
            this.tcpKeepalive = true;
            mask |= HttpReqGuest.BackendConfig.KEEPALIVE;
            return this;
        }

        /**
         * How many unanswered probes end a connection; turns TCP keepalive on.
         *
         * @param probes from 0 to 2^32-1
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder tcpKeepaliveProbes(long probes) {
            this.tcpKeepaliveProbes = u32(probes, "tcpKeepaliveProbes");
            this.tcpKeepalive = true;
            mask |= HttpReqGuest.BackendConfig.KEEPALIVE;
            return this;
        }

        /**
         * How long a connection is idle before probes start (rounded up to whole seconds); turns TCP keepalive
         * on.
         *
         * @param time the idle time
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code time} is null
         */
        public Builder tcpKeepaliveTime(Duration time) {
            this.tcpKeepaliveTimeSecs = seconds(time, "tcpKeepaliveTime");
            this.tcpKeepalive = true;
            mask |= HttpReqGuest.BackendConfig.KEEPALIVE;
            return this;
        }

        /**
         * Limits the connection pool: connections (0 unlimited), uses per connection (0 unlimited) and lifetime
         * of a connection (zero unlimited).
         *
         * @param maxConnections 0 to 2^32-1
         * @param maxUse 0 to 2^32-1
         * @param maxLifetime 0 to 2^32-1 ms
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code maxLifetime} is null
         */
        public Builder poolingLimits(long maxConnections, long maxUse, Duration maxLifetime) {
            this.maxConnections = u32(maxConnections, "maxConnections");
            this.maxUse = u32(maxUse, "maxUse");
            this.maxLifetimeMs = millisOrZero(maxLifetime, "maxLifetime");
            mask |= HttpReqGuest.BackendConfig.POOLING_LIMITS;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         */
        public BackendOptions build() {
            return new BackendOptions(this);
        }

        Builder copy() {
            Builder b = new Builder();
            b.mask = mask;
            b.hostOverride = hostOverride;
            b.connectTimeoutMs = connectTimeoutMs;
            b.firstByteTimeoutMs = firstByteTimeoutMs;
            b.betweenBytesTimeoutMs = betweenBytesTimeoutMs;
            b.sslMinVersion = sslMinVersion;
            b.sslMaxVersion = sslMaxVersion;
            b.certHostname = certHostname;
            b.caCertificate = caCertificate;
            b.clientCertificate = clientCertificate;
            b.clientKey = clientKey;
            b.ciphers = ciphers;
            b.sniHostname = sniHostname;
            b.httpKeepaliveTimeMs = httpKeepaliveTimeMs;
            b.tcpKeepalive = tcpKeepalive;
            b.tcpKeepaliveIntervalSecs = tcpKeepaliveIntervalSecs;
            b.tcpKeepaliveProbes = tcpKeepaliveProbes;
            b.tcpKeepaliveTimeSecs = tcpKeepaliveTimeSecs;
            b.maxConnections = maxConnections;
            b.maxUse = maxUse;
            b.maxLifetimeMs = maxLifetimeMs;
            return b;
        }

        HttpReqGuest.BackendConfig config() {
            HttpReqGuest.BackendConfig c = new HttpReqGuest.BackendConfig();
            c.mask = mask;
            c.hostOverride = hostOverride;
            c.connectTimeoutMs = (int) connectTimeoutMs;
            c.firstByteTimeoutMs = (int) firstByteTimeoutMs;
            c.betweenBytesTimeoutMs = (int) betweenBytesTimeoutMs;
            c.sslMinVersion = sslMinVersion == null ? 0 : sslMinVersion.code();
            c.sslMaxVersion = sslMaxVersion == null ? 0 : sslMaxVersion.code();
            c.certHostname = certHostname;
            c.caCert = caCertificate;
            c.ciphers = ciphers;
            if (clientCertificate != null) {
                c.clientCertificate = clientCertificate;
                c.clientKey = io.github.computejava.internal.SecretHandles.of(clientKey);
            }
            c.sniHostname = sniHostname;
            c.httpKeepaliveTimeMs = (int) httpKeepaliveTimeMs;
            c.tcpKeepalive = tcpKeepalive;
            c.tcpKeepaliveIntervalSecs = (int) tcpKeepaliveIntervalSecs;
            c.tcpKeepaliveProbes = (int) tcpKeepaliveProbes;
            c.tcpKeepaliveTimeSecs = (int) tcpKeepaliveTimeSecs;
            c.maxConnections = (int) maxConnections;
            c.maxUse = (int) maxUse;
            c.maxLifetimeMs = (int) maxLifetimeMs;
            return c;
        }

        private static String nonEmpty(String s, String what) {
            Objects.requireNonNull(s, what);
            if (s.isEmpty()) {
                throw new IllegalArgumentException(what + ": must not be empty");
            }
            Headers.checkValue(s);
            return s;
        }

        private static long millis(Duration d, String what) {
            long ms = millisOrZero(d, what);
            if (ms == 0) {
                throw new IllegalArgumentException(what + ": must be at least 1 ms");
            }
            return ms;
        }

        private static long millisOrZero(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.compareTo(Duration.ofMillis(MAX_MILLIS)) > 0) {
                throw new IllegalArgumentException(what + ": must be between 0 and " + MAX_MILLIS + " ms");
            }
            return d.toMillis();
        }

        private static long seconds(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.getSeconds() >= MAX_MILLIS) {
                throw new IllegalArgumentException(what + ": must be between 0 and " + MAX_MILLIS + " s");
            }
            return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        }

        private static long u32(long v, String what) {
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw new IllegalArgumentException(what + ": must be between 0 and " + 0xFFFFFFFFL);
            }
            return v;
        }
    }
}
