package io.github.computejava.host;

import java.util.Objects;
import java.util.Optional;

/**
 * What the host knows of the connection a client request came over beyond plain HTTP: TLS details, the client's
 * certificate, fingerprints, the DDoS flag and whether its {@code Fastly-Key} is valid ({@code
 * fastly_http_downstream}). The local server speaks plain HTTP, so it knows none of these ({@link #PLAIN_HTTP});
 * a test seeds them with {@code HostEngine.Builder.clientConnection} (the testkit's {@code
 * TestHost.Builder.clientConnection}), and every client request of that engine then reports them, through either
 * door.
 */
public final class ClientConnection {
    /** A plain-HTTP connection: no TLS, no fingerprints, no DDoS detected, no valid Fastly key. */
    public static final ClientConnection PLAIN_HTTP = builder().build();

    private final String tlsProtocol;
    private final String tlsCipher;
    private final String tlsServerName;
    private final byte[] tlsClientHello;
    private final byte[] tlsClientCertificate;
    private final Integer tlsClientCertVerifyResult;
    private final byte[] ja3Md5;
    private final String ja4;
    private final String h2Fingerprint;
    private final String ohFingerprint;
    private final boolean ddosDetected;
    private final boolean fastlyKeyValid;

    private ClientConnection(Builder b) {
        this.tlsProtocol = b.tlsProtocol;
        this.tlsCipher = b.tlsCipher;
        this.tlsServerName = b.tlsServerName;
        this.tlsClientHello = b.tlsClientHello;
        this.tlsClientCertificate = b.tlsClientCertificate;
        this.tlsClientCertVerifyResult = b.tlsClientCertVerifyResult;
        this.ja3Md5 = b.ja3Md5;
        this.ja4 = b.ja4;
        this.h2Fingerprint = b.h2Fingerprint;
        this.ohFingerprint = b.ohFingerprint;
        this.ddosDetected = b.ddosDetected;
        this.fastlyKeyValid = b.fastlyKeyValid;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code downstream_tls_protocol}, such as {@code TLSv1.3}. */
    public Optional<String> tlsProtocol() {
        return Optional.ofNullable(tlsProtocol);
    }

    /** {@code downstream_tls_cipher_openssl_name}, such as {@code TLS_AES_128_GCM_SHA256}. */
    public Optional<String> tlsCipher() {
        return Optional.ofNullable(tlsCipher);
    }

    /** {@code downstream_tls_client_servername}: the SNI name the client sent. */
    public Optional<String> tlsServerName() {
        return Optional.ofNullable(tlsServerName);
    }

    /** {@code downstream_tls_client_hello}: the raw ClientHello. */
    public Optional<byte[]> tlsClientHello() {
        return Optional.ofNullable(tlsClientHello).map(byte[]::clone);
    }

    /** {@code downstream_tls_raw_client_certificate}: the certificate the client presented. */
    public Optional<byte[]> tlsClientCertificate() {
        return Optional.ofNullable(tlsClientCertificate).map(byte[]::clone);
    }

    /** {@code downstream_tls_client_cert_verify_result}: a {@code client_cert_verify_result} value. */
    public Optional<Integer> tlsClientCertVerifyResult() {
        return Optional.ofNullable(tlsClientCertVerifyResult);
    }

    /** {@code downstream_tls_ja3_md5}: the 16 bytes of the JA3 fingerprint's MD5. */
    public Optional<byte[]> ja3Md5() {
        return Optional.ofNullable(ja3Md5).map(byte[]::clone);
    }

    /** {@code downstream_tls_ja4}. */
    public Optional<String> ja4() {
        return Optional.ofNullable(ja4);
    }

    /** {@code downstream_client_h2_fingerprint}. */
    public Optional<String> h2Fingerprint() {
        return Optional.ofNullable(h2Fingerprint);
    }

    /** {@code downstream_client_oh_fingerprint}: the original-headers fingerprint. */
    public Optional<String> ohFingerprint() {
        return Optional.ofNullable(ohFingerprint);
    }

    /** {@code downstream_client_ddos_detected}. */
    public boolean ddosDetected() {
        return ddosDetected;
    }

    /** {@code fastly_key_is_valid}: whether the request's {@code Fastly-Key} may purge this service. */
    public boolean fastlyKeyValid() {
        return fastlyKeyValid;
    }

    /** Builds a {@link ClientConnection}; everything unset is unknown (answered {@code none}). */
    public static final class Builder {
        private String tlsProtocol;
        private String tlsCipher;
        private String tlsServerName;
        private byte[] tlsClientHello;
        private byte[] tlsClientCertificate;
        private Integer tlsClientCertVerifyResult;
        private byte[] ja3Md5;
        private String ja4;
        private String h2Fingerprint;
        private String ohFingerprint;
        private boolean ddosDetected;
        private boolean fastlyKeyValid;

        private Builder() {}

        public Builder tlsProtocol(String protocol) {
            this.tlsProtocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        public Builder tlsCipher(String opensslName) {
            this.tlsCipher = Objects.requireNonNull(opensslName, "opensslName");
            return this;
        }

        public Builder tlsServerName(String sni) {
            this.tlsServerName = Objects.requireNonNull(sni, "sni");
            return this;
        }

        public Builder tlsClientHello(byte[] hello) {
            this.tlsClientHello = Objects.requireNonNull(hello, "hello").clone();
            return this;
        }

        /**
         * The client's certificate and the result of verifying it.
         *
         * @param certificate the certificate as the host hands it on (PEM text in tests)
         * @param verifyResult a {@code client_cert_verify_result} value ({@code
         *     FastlyHttpDownstream.CLIENT_CERT_VERIFY_*})
         * @throws IllegalArgumentException if {@code verifyResult} is not one of the enum's values
         */
        public Builder tlsClientCertificate(byte[] certificate, int verifyResult) {
            if (verifyResult < 0
                    || verifyResult
                            > io.github.computejava.abi.FastlyHttpDownstream.CLIENT_CERT_VERIFY_CERTIFICATE_UNKNOWN) {
                throw new IllegalArgumentException("verifyResult: not a client_cert_verify_result, " + verifyResult);
            }
            this.tlsClientCertificate =
                    Objects.requireNonNull(certificate, "certificate").clone();
            this.tlsClientCertVerifyResult = verifyResult;
            return this;
        }

        /**
         * @throws IllegalArgumentException if {@code md5} is not 16 bytes
         */
        public Builder ja3Md5(byte[] md5) {
            Objects.requireNonNull(md5, "md5");
            if (md5.length != 16) {
                throw new IllegalArgumentException("ja3Md5: 16 bytes, got " + md5.length);
            }
            this.ja3Md5 = md5.clone();
            return this;
        }

        public Builder ja4(String ja4) {
            this.ja4 = Objects.requireNonNull(ja4, "ja4");
            return this;
        }

        public Builder h2Fingerprint(String fingerprint) {
            this.h2Fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
            return this;
        }

        public Builder ohFingerprint(String fingerprint) {
            this.ohFingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
            return this;
        }

        public Builder ddosDetected(boolean detected) {
            this.ddosDetected = detected;
            return this;
        }

        public Builder fastlyKeyValid(boolean valid) {
            this.fastlyKeyValid = valid;
            return this;
        }

        public ClientConnection build() {
            return new ClientConnection(this);
        }
    }
}
