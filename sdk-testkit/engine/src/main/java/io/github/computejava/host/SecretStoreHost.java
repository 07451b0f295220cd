package io.github.computejava.host;

import io.github.computejava.abi.FastlySecretStore;
import io.github.computejava.abi.FastlyStatus;
import java.util.Map;

/** {@code fastly_secret_store}: the engine's secret stores, and secrets made by the program. */
final class SecretStoreHost implements FastlySecretStore {
    private final Sandbox sandbox;
    private final HandleTable handles;

    /** An open secret store. */
    static final class SecretStoreHandle {
        final Map<String, byte[]> secrets;

        SecretStoreHandle(Map<String, byte[]> secrets) {
            this.secrets = secrets;
        }
    }

    /** A secret's plaintext. */
    static final class Secret {
        final byte[] plaintext;

        Secret(byte[] plaintext) {
            this.plaintext = plaintext;
        }
    }

    SecretStoreHost(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.handles = sandbox.handles();
    }

    /** {@code open}: {@code none} for an unknown store. */
    @Override
    public int open(byte[] name, int[] out) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        Map<String, byte[]> store = sandbox.engine().secretStore(Buffers.utf8(name));
        if (store == null) {
            return FastlyStatus.NONE;
        }
        out[0] = handles.add(new SecretStoreHandle(store));
        return FastlyStatus.OK;
    }

    /** {@code get}: {@code none} for an unknown secret. */
    @Override
    public int get(int store, byte[] name, int[] out) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        SecretStoreHandle s = handles.get(store, SecretStoreHandle.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        byte[] plaintext = s.secrets.get(Buffers.utf8(name));
        if (plaintext == null) {
            return FastlyStatus.NONE;
        }
        out[0] = handles.add(new Secret(plaintext));
        return FastlyStatus.OK;
    }

    @Override
    public int plaintext(int secret, byte[] buf, int len, int[] nwrittenOut) {
        Secret s = handles.get(secret, Secret.class);
        if (s == null) {
            return FastlyStatus.BADF;
        }
        return Buffers.single(s.plaintext, buf, len, nwrittenOut);
    }

    /** {@code from_bytes}: a secret made by the program. */
    @Override
    public int fromBytes(byte[] plaintext, int[] out) {
        if (sandbox.handlesFull()) {
            return FastlyStatus.LIMITEXCEEDED;
        }
        out[0] = handles.add(new Secret(plaintext.clone()));
        return FastlyStatus.OK;
    }
}
