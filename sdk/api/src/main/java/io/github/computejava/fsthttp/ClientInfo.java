package io.github.computejava.fsthttp;

import io.github.computejava.internal.guest.HttpDownstreamGuest;
import io.github.computejava.internal.guest.HttpReqGuest;
import java.util.List;
import java.util.Optional;

/**
 * What the host knows of the client request and the connection it came over, beyond its method, URL and headers:
 * the request's id, HTTP version and the address it arrived at; the TLS protocol, cipher and SNI name, the
 * client's certificate and how it verified; the JA3, JA4, HTTP/2 and original-header fingerprints; the DDoS flag;
 * whether its {@code Fastly-Key} may purge this service; the header names as the client wrote them.
 *
 * <pre>{@code
 * ClientInfo client = request.clientInfo().orElseThrow();
 * if (client.tlsProtocol().isEmpty()) { w.redirect("https://" + request.host().orElse("") + request.path(), 308); }
 * }</pre>
 *
 * <p>Each value is read from the host when asked for ({@code fastly_http_downstream}). A TLS or fingerprint value
 * the host does not know is empty: the local server speaks plain HTTP, so there they are all empty, and the DDoS
 * and Fastly-Key flags false, unless a test seeds them ({@code TestHost.clientConnection}).
 */
public final class ClientInfo {
    private final int req;

    ClientInfo(int req) {
        this.req = req;
    }

    /**
     * The request's id, the one Fastly logs for it (32 hex digits on Fastly).
     *
     * @return the id
     */
    public String requestId() {
        return textOf(HttpDownstreamGuest.REQUEST_ID).orElse("");
    }

    /**
     * The HTTP version the client spoke.
     *
     * @return {@code HTTP/0.9}, {@code HTTP/1.0}, {@code HTTP/1.1}, {@code HTTP/2} or {@code HTTP/3}
     */
    public String httpVersion() {
        return HttpReqGuest.version(req);
    }

    /**
     * The address the request arrived at (Go's {@code Request.ServerAddr}).
     *
     * @return the address in text form, or empty when the host does not say
     */
    public Optional<String> serverAddress() {
        return Optional.ofNullable(HttpDownstreamGuest.serverAddress(req));
    }

    /**
     * The TLS protocol of the connection.
     *
     * @return such as {@code TLSv1.3}, or empty over plain HTTP
     */
    public Optional<String> tlsProtocol() {
        return textOf(HttpDownstreamGuest.TLS_PROTOCOL);
    }

    /**
     * The connection's cipher, by its OpenSSL name.
     *
     * @return such as {@code TLS_AES_128_GCM_SHA256}, or empty over plain HTTP
     */
    public Optional<String> tlsCipher() {
        return textOf(HttpDownstreamGuest.TLS_CIPHER);
    }

    /**
     * The server name (SNI) the client asked for in its TLS handshake.
     *
     * @return the name, or empty over plain HTTP or when the client sent none
     */
    public Optional<String> tlsServerName() {
        return textOf(HttpDownstreamGuest.TLS_SERVER_NAME);
    }

    /**
     * The client's TLS ClientHello message, as it was sent.
     *
     * @return its bytes, or empty over plain HTTP
     */
    public Optional<byte[]> tlsClientHello() {
        return Optional.ofNullable(HttpDownstreamGuest.bytes(req, HttpDownstreamGuest.TLS_CLIENT_HELLO));
    }

    /**
     * The certificate the client presented (mutual TLS), as the host hands it on.
     *
     * @return its bytes, or empty when there is none
     */
    public Optional<byte[]> tlsClientCertificate() {
        return Optional.ofNullable(HttpDownstreamGuest.bytes(req, HttpDownstreamGuest.TLS_CLIENT_CERTIFICATE));
    }

    /**
     * How the client's certificate verified.
     *
     * @return the result, or empty over plain HTTP
     */
    public Optional<ClientCertVerifyResult> tlsClientCertVerifyResult() {
        int v = HttpDownstreamGuest.flag(req, HttpDownstreamGuest.CLIENT_CERT_VERIFY_RESULT);
        ClientCertVerifyResult[] all = ClientCertVerifyResult.values();
        return v < 0
                ? Optional.empty()
                : Optional.of(v < all.length ? all[v] : ClientCertVerifyResult.CERTIFICATE_UNKNOWN);
    }

    /**
     * The client's JA3 TLS fingerprint: the MD5 of its JA3 string, as 32 lower-case hex digits.
     *
     * @return the fingerprint, or empty over plain HTTP
     */
    public Optional<String> ja3Md5() {
        byte[] md5 = HttpDownstreamGuest.ja3Md5(req);
        if (md5 == null) {
            return Optional.empty();
        }
        String digits = "0123456789abcdef";
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[2 * i] = digits.charAt((md5[i] >> 4) & 0xF);
            out[2 * i + 1] = digits.charAt(md5[i] & 0xF);
        }
        return Optional.of(new String(out));
    }

    /**
     * The client's JA4 TLS fingerprint.
     *
     * @return the fingerprint, or empty over plain HTTP
     */
    public Optional<String> ja4() {
        return textOf(HttpDownstreamGuest.JA4);
    }

    /**
     * The client's HTTP/2 fingerprint.
     *
     * @return the fingerprint, or empty for a client that did not speak HTTP/2
     */
    public Optional<String> h2Fingerprint() {
        return textOf(HttpDownstreamGuest.H2_FINGERPRINT);
    }

    /**
     * The fingerprint of the client's original headers.
     *
     * @return the fingerprint, or empty when the host computes none
     */
    public Optional<String> ohFingerprint() {
        return textOf(HttpDownstreamGuest.OH_FINGERPRINT);
    }

    /**
     * Whether Fastly's DDoS protection flagged the request.
     *
     * @return true when flagged
     */
    public boolean ddosDetected() {
        return HttpDownstreamGuest.flag(req, HttpDownstreamGuest.DDOS_DETECTED) > 0;
    }

    /**
     * Whether the request's {@code Fastly-Key} header holds an API token with the right to purge this service
     * ({@code fastly_key_is_valid}).
     *
     * @return true for a valid key
     */
    public boolean fastlyKeyIsValid() {
        return HttpDownstreamGuest.flag(req, HttpDownstreamGuest.FASTLY_KEY_IS_VALID) > 0;
    }

    /**
     * The header names as the client sent them, in order and with their case, before the program changed any.
     *
     * @return the names
     */
    public List<String> originalHeaderNames() {
        return HttpDownstreamGuest.originalHeaderNames(req);
    }

    /**
     * How many header fields the client sent.
     *
     * @return the count
     */
    public int originalHeaderCount() {
        return HttpDownstreamGuest.originalHeaderCount(req);
    }

    private Optional<String> textOf(int which) {
        return Optional.ofNullable(HttpDownstreamGuest.text(HttpDownstreamGuest.bytes(req, which)));
    }
}
