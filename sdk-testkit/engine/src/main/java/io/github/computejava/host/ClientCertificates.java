package io.github.computejava.host;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * A dynamic backend's client certificate (mutual TLS): the PEM certificate chain and PKCS#8 PEM key a program
 * registers ({@code dynamic_backend_config.client_certificate} and {@code client_key}), checked once at
 * registration and turned into the key store the HTTP client presents.
 */
public final class ClientCertificates {
    /** The password of the in-memory key store; it never leaves the process. */
    public static final char[] PASSWORD = "client".toCharArray();

    private ClientCertificates() {}

    /** Whether the certificate and key parse (a chain of at least one X.509 certificate; an RSA or EC key). */
    public static boolean valid(String certificatePem, String keyPem) {
        try {
            keyStore(certificatePem, keyPem);
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /**
     * A PKCS#12 key store holding the key under the alias {@code client} with its chain, password {@link
     * #PASSWORD}.
     *
     * @throws GeneralSecurityException if the certificate or key does not parse
     */
    public static KeyStore keyStore(String certificatePem, String keyPem) throws GeneralSecurityException {
        Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the PEM text");
        }
        PrivateKey key = privateKey(keyPem);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        store.setKeyEntry("client", key, PASSWORD, chain.toArray(new Certificate[0]));
        return store;
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException("the key is not a PKCS#8 PEM PRIVATE KEY");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }
}
