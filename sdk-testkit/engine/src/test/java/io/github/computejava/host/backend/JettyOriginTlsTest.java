package io.github.computejava.host.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.FastlyHttpReq;
import io.github.computejava.host.config.LocalServerConfig;
import io.github.computejava.host.http.BodyBuffer;
import io.github.computejava.host.http.HeaderList;
import io.github.computejava.host.http.RequestHead;
import io.github.computejava.host.http.UpstreamResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** HTTPS backends against a local TLS origin whose certificate (for "localhost") is trusted through {@code ca_certificate}. */
class JettyOriginTlsTest {
    static Server tlsOrigin;
    static int port;
    static Path dir;
    static Path certPem;

    @BeforeAll
    static void startTlsOrigin(@TempDir Path tmp) throws Exception {
        dir = tmp;
        Path keystore = dir.resolve("origin.p12");
        certPem = dir.resolve("origin.pem");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                "origin",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "origin",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                certPem.toString());

        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.toString());
        tls.setKeyStorePassword("changeit");
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration http = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        tlsOrigin = new Server();
        ServerConnector connector = new ServerConnector(
                tlsOrigin, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        tlsOrigin.addConnector(connector);
        tlsOrigin.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(
                    org.eclipse.jetty.server.Request request,
                    org.eclipse.jetty.server.Response response,
                    org.eclipse.jetty.util.Callback callback) {
                byte[] body = ("secure " + request.getHeaders().get("Host")).getBytes(StandardCharsets.UTF_8);
                response.getHeaders().put("Content-Length", body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        tlsOrigin.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tlsOrigin != null) {
            tlsOrigin.stop();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    private static UpstreamResponse send(Backend backend) throws SendFailure {
        try (JettyOrigin origin = new JettyOrigin()) {
            UpstreamResponse r = origin.exchange(
                    backend,
                    new RequestHead("GET", "http://client.example/", new HeaderList()),
                    BodyBuffer.of(new byte[0]));
            r.body().readAll();
            return r;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String body(Backend backend) throws Exception {
        try (JettyOrigin origin = new JettyOrigin()) {
            UpstreamResponse r = origin.exchange(
                    backend,
                    new RequestHead("GET", "http://client.example/", new HeaderList()),
                    BodyBuffer.of(new byte[0]));
            return new String(r.body().readAll(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anHttpsBackendWithATrustedCertificateAnswers() throws Exception {
        Path toml = dir.resolve("fastly.toml");
        Files.writeString(
                toml,
                "[local_server.backends.secure]\nurl = \"https://localhost:" + port + "/\"\n"
                        + "override_host = \"secure.example\"\nca_certificate = { file = \"origin.pem\" }\n");
        Backend b = LocalServerConfig.read(toml).backends().get("secure");

        assertEquals("secure secure.example", body(b));
    }

    @Test
    void anUntrustedCertificateIsATlsCertificateError() {
        Backend b =
                Backend.builder("secure").url("https://localhost:" + port + "/").build();

        SendFailure f = assertThrows(SendFailure.class, () -> send(b));

        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_TLS_CERTIFICATE_ERROR, f.tag(), f.getMessage());
    }

    @Test
    void certHostNamesTheHostTheCertificateMustMatch() throws Exception {
        Path toml = dir.resolve("byip.toml");
        Files.writeString(
                toml,
                "[local_server.backends.byip]\nurl = \"https://127.0.0.1:" + port + "/\"\n"
                        + "ca_certificate = { file = \"origin.pem\" }\n");
        Backend byIp = LocalServerConfig.read(toml).backends().get("byip");

        SendFailure mismatch = assertThrows(SendFailure.class, () -> send(byIp));
        assertEquals(FastlyHttpReq.SEND_ERROR_TAG_TLS_CERTIFICATE_ERROR, mismatch.tag(), mismatch.getMessage());

        Backend withCertHost = byIp.toBuilder().certHost("localhost").build();
        assertTrue(body(withCertHost).startsWith("secure "));
    }
}
