package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlySecretStore;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_secret_store} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and {@link Store} and {@link Secret}, the typed calls over them.
 */
public final class SecretStoreGuest {
    private static final int PLAINTEXT_BUFFER = 512;

    private SecretStoreGuest() {}

    /**
     * Opens a secret store by name.
     *
     * @param name the store name
     * @return the store, or null when the service links no such store ({@code none})
     * @throws IllegalArgumentException if the host rejects the name ({@code inval})
     * @throws io.github.computejava.HostcallException if the host fails otherwise
     */
    public static Store open(String name) {
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        int status = calls.secretStore().open(Text.utf8(name), out);
        if (status == FastlyStatus.NONE) {
            return null;
        }
        if (status == FastlyStatus.INVAL) {
            throw new IllegalArgumentException("name: '" + name + "' is not a valid secret store name");
        }
        Statuses.check(status, "fastly_secret_store.open");
        return new Store(calls, out[0]);
    }

    /**
     * A secret made from bytes the program holds.
     *
     * @param plaintext the secret bytes
     * @return the secret
     * @throws io.github.computejava.HostcallException if the host fails the call
     */
    public static Secret fromBytes(byte[] plaintext) {
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        Statuses.check(calls.secretStore().fromBytes(plaintext, out), "fastly_secret_store.from_bytes");
        return new Secret(calls, out[0]);
    }

    /** An open secret store. */
    public static final class Store {
        private final Hostcalls calls;
        private final int handle;

        private Store(Hostcalls calls, int handle) {
            this.calls = calls;
            this.handle = handle;
        }

        /**
         * A secret by name.
         *
         * @param key the secret name
         * @return the secret, or null when the store has no such secret ({@code none})
         * @throws IllegalArgumentException if the host rejects the name ({@code inval})
         * @throws io.github.computejava.HostcallException if the host fails otherwise
         */
        public Secret get(String key) {
            int[] out = new int[1];
            int status = calls.secretStore().get(handle, Text.utf8(key), out);
            if (status == FastlyStatus.NONE) {
                return null;
            }
            if (status == FastlyStatus.INVAL) {
                throw new IllegalArgumentException("key: '" + key + "' is not a valid secret name");
            }
            Statuses.check(status, "fastly_secret_store.get");
            return new Secret(calls, out[0]);
        }
    }

    /** A secret's handle. */
    public static final class Secret {
        private final Hostcalls calls;
        private final int handle;

        private Secret(Hostcalls calls, int handle) {
            this.calls = calls;
            this.handle = handle;
        }

        /** The {@code secret_handle}, for the hostcalls that take a secret (a dynamic backend's client key). */
        public int handle() {
            return handle;
        }

        /**
         * The plaintext, of any length (retried with the size the host asks for).
         *
         * @return the bytes; empty when the host has none
         * @throws io.github.computejava.HostcallException if the host fails the call
         */
        public byte[] plaintext() {
            byte[] b = AdaptiveBuffer.get(
                    (buf, len, nw) -> calls.secretStore().plaintext(handle, buf, len, nw),
                    PLAINTEXT_BUFFER,
                    "fastly_secret_store.plaintext");
            return b == null ? new byte[0] : b;
        }
    }

    /**
     * The {@code fastly_secret_store} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlySecretStore {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // open(name: string) -> (status, secret_store_handle)
        @Import(module = "fastly_secret_store", name = "open")
        private static native int openImport(Address name, int len, Address storeOut);

        @Override
        public int open(byte[] name, int[] storeOut) {
            return openImport(Address.ofData(name), name.length, Address.ofData(storeOut));
        }

        // get(store, key: string) -> (status, secret_handle)
        @Import(module = "fastly_secret_store", name = "get")
        private static native int getImport(int store, Address key, int keyLen, Address secretOut);

        @Override
        public int get(int store, byte[] key, int[] secretOut) {
            return getImport(store, Address.ofData(key), key.length, Address.ofData(secretOut));
        }

        // plaintext(secret, buf: ptr char8, buf_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_secret_store", name = "plaintext")
        private static native int plaintextImport(int secret, Address buf, int len, Address nwrittenOut);

        @Override
        public int plaintext(int secret, byte[] buf, int len, int[] nwrittenOut) {
            return plaintextImport(secret, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }

        // from_bytes(buf: ptr char8, buf_len: usize) -> (status, secret_handle)
        @Import(module = "fastly_secret_store", name = "from_bytes")
        private static native int fromBytesImport(Address buf, int len, Address secretOut);

        @Override
        public int fromBytes(byte[] bytes, int[] secretOut) {
            return fromBytesImport(Address.ofData(bytes), bytes.length, Address.ofData(secretOut));
        }
    }
}
