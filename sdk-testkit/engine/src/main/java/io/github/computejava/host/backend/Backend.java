package io.github.computejava.host.backend;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A named backend: where requests sent to it go, and how. Immutable; build with {@link #builder(String)}. */
public final class Backend {
    private final String name;
    private final URI url;
    private final String overrideHost;
    private final Duration connectTimeout;
    private final Duration firstByteTimeout;
    private final Duration betweenBytesTimeout;
    private final boolean dynamic;
    private final TlsSettings tls;
    private final Keepalive keepalive;
    private final int health;
    private final String certHost;
    private final boolean useSni;
    private final List<X509Certificate> caCertificates;
    private final String clientCertificate;
    private final String clientKey;

    private Backend(Builder b) {
        this.name = b.name;
        this.url = b.url;
        this.overrideHost = b.overrideHost;
        this.connectTimeout = b.connectTimeout;
        this.firstByteTimeout = b.firstByteTimeout;
        this.betweenBytesTimeout = b.betweenBytesTimeout;
        this.dynamic = b.dynamic;
        this.tls = b.tls;
        this.keepalive = b.keepalive;
        this.health = b.health;
        this.certHost = b.certHost;
        this.useSni = b.useSni;
        this.caCertificates = List.copyOf(b.caCertificates);
        this.clientCertificate = b.clientCertificate;
        this.clientKey = b.clientKey;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.url = url;
        b.overrideHost = overrideHost;
        b.connectTimeout = connectTimeout;
        b.firstByteTimeout = firstByteTimeout;
        b.betweenBytesTimeout = betweenBytesTimeout;
        b.dynamic = dynamic;
        b.tls = tls;
        b.keepalive = keepalive;
        b.health = health;
        b.certHost = certHost;
        b.useSni = useSni;
        b.caCertificates.addAll(caCertificates);
        b.clientCertificate = clientCertificate;
        b.clientKey = clientKey;
        return b;
    }

    public String name() {
        return name;
    }

    /** The base URL ({@code http://host:port/prefix}); empty for a backend scripted in Java. */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    /** The {@code Host} header sent instead of the request's. */
    public Optional<String> overrideHost() {
        return Optional.ofNullable(overrideHost);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration firstByteTimeout() {
        return firstByteTimeout;
    }

    public Duration betweenBytesTimeout() {
        return betweenBytesTimeout;
    }

    /** Whether the program registered it at run time. */
    public boolean dynamic() {
        return dynamic;
    }

    /** The host name the backend's TLS certificate must match, when it differs from the URL's host. */
    public Optional<String> certHost() {
        return Optional.ofNullable(certHost);
    }

    /** Whether TLS connections send the server name (SNI). */
    public boolean useSni() {
        return useSni;
    }

    /** The certificate authorities TLS connections trust instead of the JVM's, when any are set. */
    public List<X509Certificate> caCertificates() {
        return caCertificates;
    }

    /** Whether requests go over TLS. */
    public boolean ssl() {
        return url != null && "https".equalsIgnoreCase(url.getScheme());
    }

    // ---- TLS, keepalive and health settings (dynamic backends set them; the getters read them)

    /** {@code backend_health}: 0 unknown. */
    public static final int HEALTH_UNKNOWN = 0;
    /** {@code backend_health}: 1 healthy. */
    public static final int HEALTH_HEALTHY = 1;
    /** {@code backend_health}: 2 unhealthy. */
    public static final int HEALTH_UNHEALTHY = 2;

    /** The TLS versions set for the backend; {@link TlsSettings#DEFAULT} when none were. */
    public TlsSettings tls() {
        return tls;
    }

    /** Connection keepalive settings. */
    public Keepalive keepalive() {
        return keepalive;
    }

    /** The {@code backend_health} the host reports. */
    public int health() {
        return health;
    }

    /** TLS versions a backend accepts, as {@code tls_version} (0 TLS 1.0 .. 3 TLS 1.3; -1 not set). */
    public static final class TlsSettings {
        public static final TlsSettings DEFAULT = new TlsSettings(-1, -1);

        public final int minVersion;
        public final int maxVersion;

        public TlsSettings(int minVersion, int maxVersion) {
            this.minVersion = minVersion;
            this.maxVersion = maxVersion;
        }
    }

    /** Keepalive settings of a backend, in the units the getters report. */
    public static final class Keepalive {
        public static final Keepalive DEFAULT = new Keepalive(0, false, 0, 0, 0);

        public final int httpKeepaliveTimeMs;
        public final boolean tcpKeepalive;
        public final int tcpKeepaliveIntervalSecs;
        public final int tcpKeepaliveProbes;
        public final int tcpKeepaliveTimeSecs;

        public Keepalive(
                int httpKeepaliveTimeMs,
                boolean tcpKeepalive,
                int tcpKeepaliveIntervalSecs,
                int tcpKeepaliveProbes,
                int tcpKeepaliveTimeSecs) {
            this.httpKeepaliveTimeMs = httpKeepaliveTimeMs;
            this.tcpKeepalive = tcpKeepalive;
            this.tcpKeepaliveIntervalSecs = tcpKeepaliveIntervalSecs;
            this.tcpKeepaliveProbes = tcpKeepaliveProbes;
            this.tcpKeepaliveTimeSecs = tcpKeepaliveTimeSecs;
        }
    }

    /** The client certificate (PEM) presented to the backend in its TLS handshake (mutual TLS), if any. */
    public Optional<String> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** The private key (PEM, PKCS#8) of {@link #clientCertificate()}. */
    public Optional<String> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    @Override
    public String toString() {
        return "Backend{" + name + (url == null ? "" : " -> " + url) + "}";
    }

    /** Builds a {@link Backend}. */
    public static final class Builder {
        private final String name;
        private URI url;
        private String overrideHost;
        private Duration connectTimeout = Duration.ofSeconds(1);
        private Duration firstByteTimeout = Duration.ofSeconds(15);
        private Duration betweenBytesTimeout = Duration.ofSeconds(10);
        private boolean dynamic;
        private String certHost;
        private boolean useSni = true;
        private final List<X509Certificate> caCertificates = new ArrayList<>();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("name: a backend name cannot be empty");
            }
            this.name = name;
        }

        /**
         * The backend's URL.
         *
         * @throws IllegalArgumentException unless it is an absolute http or https URL with a host, and a port (when
         *     it names one) from 1 to 65535
         */
        public Builder url(URI url) {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || url.getHost() == null) {
                throw new IllegalArgumentException("url: backend '" + name + "' needs an http:// or https:// URL"
                        + " with a host, not '" + url + "'");
            }
            if (url.getPort() == 0 || url.getPort() > 65535) {
                throw new IllegalArgumentException("url: backend '" + name + "' has port " + url.getPort() + " in '"
                        + url + "'; a port is from 1 to 65535");
            }
            this.url = url;
            return this;
        }

        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            try {
                return url(new URI(url));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("url: '" + url + "' is not a valid URL: " + e.getMessage());
            }
        }

        public Builder overrideHost(String host) {
            this.overrideHost = host;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        public Builder firstByteTimeout(Duration d) {
            this.firstByteTimeout = positive(d, "firstByteTimeout");
            return this;
        }

        public Builder betweenBytesTimeout(Duration d) {
            this.betweenBytesTimeout = positive(d, "betweenBytesTimeout");
            return this;
        }

        public Builder dynamic(boolean dynamic) {
            this.dynamic = dynamic;
            return this;
        }

        /** The host name the TLS certificate must match (default: the URL's host). */
        public Builder certHost(String host) {
            this.certHost = host;
            return this;
        }

        /** Whether TLS connections send SNI (default true). */
        public Builder useSni(boolean useSni) {
            this.useSni = useSni;
            return this;
        }

        /** Adds a certificate authority TLS connections trust (instead of the JVM's). */
        public Builder caCertificate(X509Certificate certificate) {
            caCertificates.add(Objects.requireNonNull(certificate, "certificate"));
            return this;
        }

        private String clientCertificate;
        private String clientKey;

        /**
         * The certificate and key presented to the backend (mutual TLS).
         *
         * @param certificatePem the certificate chain, PEM
         * @param keyPem its private key, PEM (PKCS#8 {@code PRIVATE KEY})
         */
        public Builder clientCertificate(String certificatePem, String keyPem) {
            this.clientCertificate = Objects.requireNonNull(certificatePem, "certificatePem");
            this.clientKey = Objects.requireNonNull(keyPem, "keyPem");
            return this;
        }

        public Backend build() {
            return new Backend(this);
        }

        // ---- TLS, keepalive and health

        private TlsSettings tls = TlsSettings.DEFAULT;
        private Keepalive keepalive = Keepalive.DEFAULT;
        private int health = HEALTH_UNKNOWN;

        public Builder tls(TlsSettings tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        public Builder keepalive(Keepalive keepalive) {
            this.keepalive = Objects.requireNonNull(keepalive, "keepalive");
            return this;
        }

        /**
         * The health the host reports.
         *
         * @throws IllegalArgumentException unless it is one of the {@code HEALTH_*} values
         */
        public Builder health(int health) {
            if (health < HEALTH_UNKNOWN || health > HEALTH_UNHEALTHY) {
                throw new IllegalArgumentException("health: 0 unknown, 1 healthy or 2 unhealthy, got " + health);
            }
            this.health = health;
            return this;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + ": must be positive, got " + d);
            }
            return d;
        }
    }
}
