package io.github.computejava.host.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.host.ClientCertificates;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS: an origin that needs a client certificate it trusts answers a backend registered with one (the
 * certificate and key a program gives {@code BackendOptions.clientCertificate}), and refuses one without.
 */
class JettyOriginClientCertificateTest {
    static Server origin;
    static int port;
    static X509Certificate originCertificate;
    static String clientCertificatePem;
    static String clientKeyPem;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path originStore = dir.resolve("origin.p12");
        Path clientStore = dir.resolve("client.p12");
        keypair(originStore, "origin", "CN=localhost", "SAN=dns:localhost");
        keypair(clientStore, "client", "CN=compute-client", null);
        Path clientCert = dir.resolve("client.pem");
        Path originCert = dir.resolve("origin.pem");
        export(originStore, "origin", originCert);
        export(clientStore, "client", clientCert);
        clientCertificatePem = Files.readString(clientCert);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(clientStore)) {
            ks.load(in, "changeit".toCharArray());
        }
        clientKeyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(
                                ks.getKey("client", "changeit".toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try (InputStream in = Files.newInputStream(originCert)) {
            originCertificate =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        // the origin trusts exactly the client's certificate, and needs one
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(clientCert)) {
            trust.setCertificateEntry(
                    "client", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(originStore.toString());
        tls.setKeyStorePassword("changeit");
        tls.setKeyStoreType("PKCS12");
        tls.setTrustStore(trust);
        tls.setNeedClientAuth(true);
        HttpConfiguration http = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        origin = new Server();
        ServerConnector connector =
                new ServerConnector(origin, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        origin.addConnector(connector);
        origin.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(
                    org.eclipse.jetty.server.Request request,
                    org.eclipse.jetty.server.Response response,
                    org.eclipse.jetty.util.Callback callback) {
                Object ssl = request.getAttribute(org.eclipse.jetty.io.EndPoint.SslSessionData.ATTRIBUTE);
                X509Certificate[] certs = ssl instanceof org.eclipse.jetty.io.EndPoint.SslSessionData
                        ? ((org.eclipse.jetty.io.EndPoint.SslSessionData) ssl).peerCertificates()
                        : null;
                String who = certs != null && certs.length > 0
                        ? certs[0].getSubjectX500Principal().getName()
                        : "nobody";
                byte[] body = ("hello " + who).getBytes(StandardCharsets.UTF_8);
                response.getHeaders().put("Content-Length", body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        origin.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (origin != null) {
            origin.stop();
        }
    }

    private static void keypair(Path store, String alias, String dname, String san) throws Exception {
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                keytool,
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit"));
        if (san != null) {
            cmd.add("-ext");
            cmd.add(san);
        }
        run(cmd.toArray(new String[0]));
    }

    private static void export(Path store, String alias, Path pem) throws Exception {
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                alias,
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-file",
                pem.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    private static Backend.Builder backend() {
        return Backend.builder("mtls")
                .url("https://localhost:" + port + "/")
                .dynamic(true)
                .caCertificate(originCertificate);
    }

    private static String body(Backend backend) throws Exception {
        try (JettyOrigin jetty = new JettyOrigin()) {
            UpstreamResponse r = jetty.exchange(
                    backend,
                    new RequestHead("GET", "https://localhost/", new HeaderList()),
                    BodyBuffer.of(new byte[0]));
            return new String(r.body().readAll(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theClientCertificateIsPresentedInTheHandshake() throws Exception {
        Backend b =
                backend().clientCertificate(clientCertificatePem, clientKeyPem).build();

        assertEquals("hello CN=compute-client", body(b));
    }

    @Test
    void withoutOneTheOriginRefusesTheHandshake() {
        assertThrows(SendFailure.class, () -> body(backend().build()));
    }

    @Test
    void aCertificateOrKeyThatDoesNotParseIsRefusedAtRegistration() {
        assertTrue(ClientCertificates.valid(clientCertificatePem, clientKeyPem));
        assertFalse(ClientCertificates.valid("not a certificate", clientKeyPem));
        assertFalse(ClientCertificates.valid(clientCertificatePem, "not a key"));
    }
}
