package io.github.computejava.secretstore;

import io.github.computejava.internal.Text;
import io.github.computejava.internal.guest.SecretStoreGuest;
import java.util.Objects;

/** A secret from a {@link SecretStore}; its plaintext is fetched from the host when asked for. */
public final class Secret {
    private final SecretStoreGuest.Secret secret;

    static {
        // how the SDK's calls that take a secret (BackendOptions.clientCertificate) find its handle
        io.github.computejava.internal.SecretHandles.register(s -> ((Secret) s).secret.handle());
    }

    Secret(SecretStoreGuest.Secret secret) {
        this.secret = secret;
    }

    /**
     * A secret made from bytes the program holds (for APIs that take a secret, such as client certificates).
     *
     * @param plaintext the secret bytes
     * @return the secret
     * @throws NullPointerException if {@code plaintext} is null
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static Secret fromBytes(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return new Secret(SecretStoreGuest.fromBytes(plaintext));
    }

    /**
     * The plaintext.
     *
     * @return the bytes
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public byte[] plaintext() {
        return secret.plaintext();
    }

    /**
     * The plaintext as UTF-8 text.
     *
     * @return the text
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public String plaintextText() {
        byte[] b = plaintext();
        return Text.utf8(b, 0, b.length);
    }

    /** Never shows the plaintext. */
    @Override
    public String toString() {
        return "Secret{***}";
    }
}
