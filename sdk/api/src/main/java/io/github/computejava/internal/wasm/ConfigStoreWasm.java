package io.github.computejava.internal.wasm;

import io.github.computejava.abi.FastlyConfigStore;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_config_store} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
 * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
 */
@StaticInit
public final class ConfigStoreWasm implements FastlyConfigStore {
    /** The one instance; the imports are static. */
    public static final ConfigStoreWasm INSTANCE = new ConfigStoreWasm();

    private ConfigStoreWasm() {}

    // open(name: string) -> (status, config_store_handle)
    @Import(module = "fastly_config_store", name = "open")
    private static native int openImport(Address name, int len, Address storeOut);

    @Override
    public int open(byte[] name, int[] storeOut) {
        return openImport(Address.ofData(name), name.length, Address.ofData(storeOut));
    }

    // get(h, key: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    @Import(module = "fastly_config_store", name = "get")
    private static native int getImport(int store, Address key, int keyLen, Address buf, int len, Address nwrittenOut);

    @Override
    public int get(int store, byte[] key, byte[] buf, int len, int[] nwrittenOut) {
        return getImport(store, Address.ofData(key), key.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
    }
}
