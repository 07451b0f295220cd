package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlySecretStore;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_secret_store} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class SecretStoreGuest {
    private SecretStoreGuest() {}

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
