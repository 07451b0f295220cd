package io.github.computejava.secretstore;

import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.util.Objects;

/** A secret from a {@link SecretStore}; its plaintext is fetched from the host when asked for. */
public final class Secret {
    private static final int PLAINTEXT_BUFFER = 512;

    private final Hostcalls calls;
    private final int handle;

    static {
        // how the SDK's calls that take a secret (BackendOptions.clientCertificate) find its handle
        io.github.computejava.internal.SecretHandles.register(s -> ((Secret) s).handle);
    }

    Secret(Hostcalls calls, int handle) {
        this.calls = calls;
        this.handle = handle;
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
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        Statuses.check(calls.secretStore().fromBytes(plaintext, out), "fastly_secret_store.from_bytes");
        return new Secret(calls, out[0]);
    }

    /**
     * The plaintext.
     *
     * @return the bytes
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public byte[] plaintext() {
        byte[] b = AdaptiveBuffer.get(
                (buf, len, nw) -> calls.secretStore().plaintext(handle, buf, len, nw),
                PLAINTEXT_BUFFER,
                "fastly_secret_store.plaintext");
        return b == null ? new byte[0] : b;
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
