package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyConfigStore;
import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import java.util.Optional;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_config_store} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and {@link Store}, an open store's typed calls over them.
 */
public final class ConfigStoreGuest {
    private static final int VALUE_BUFFER = 256;

    private ConfigStoreGuest() {}

    /**
     * Opens a config store by name.
     *
     * @param name the store name
     * @return the store, or null when the service links no such store ({@code badf})
     * @throws io.github.computejava.HostcallException if the host fails otherwise
     */
    public static Store open(String name) {
        Hostcalls calls = Host.calls();
        int[] out = new int[1];
        int status = calls.configStore().open(Text.utf8(name), out);
        if (status == FastlyStatus.BADF) {
            return null;
        }
        Statuses.check(status, "fastly_config_store.open");
        return new Store(calls, out[0]);
    }

    /** An open config store. */
    public static final class Store {
        private final Hostcalls calls;
        private final int handle;

        private Store(Hostcalls calls, int handle) {
            this.calls = calls;
            this.handle = handle;
        }

        /**
         * The value of a key, of any length (retried with the size the host asks for).
         *
         * @param key the key
         * @return the value as UTF-8 text, or empty when the store has no such key ({@code none})
         * @throws io.github.computejava.HostcallException if the host fails the lookup
         */
        public Optional<String> get(String key) {
            byte[] k = Text.utf8(key);
            byte[] value = AdaptiveBuffer.get(
                    (buf, len, nw) -> calls.configStore().get(handle, k, buf, len, nw),
                    VALUE_BUFFER,
                    "fastly_config_store.get");
            return value == null ? Optional.empty() : Optional.of(Text.utf8(value, 0, value.length));
        }
    }

    /**
     * The {@code fastly_config_store} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyConfigStore {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // open(name: string) -> (status, config_store_handle)
        @Import(module = "fastly_config_store", name = "open")
        private static native int openImport(Address name, int len, Address storeOut);

        @Override
        public int open(byte[] name, int[] storeOut) {
            return openImport(Address.ofData(name), name.length, Address.ofData(storeOut));
        }

        // get(h, key: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
        @Import(module = "fastly_config_store", name = "get")
        private static native int getImport(
                int store, Address key, int keyLen, Address buf, int len, Address nwrittenOut);

        @Override
        public int get(int store, byte[] key, byte[] buf, int len, int[] nwrittenOut) {
            return getImport(
                    store, Address.ofData(key), key.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }
    }
}
