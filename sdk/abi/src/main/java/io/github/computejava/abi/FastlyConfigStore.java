package io.github.computejava.abi;

/** The {@code fastly_config_store} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlyConfigStore {
    // open(name: string) -> (status, config_store_handle)
    int configStoreOpen(byte[] name, int[] storeOut);

    // get(h, key: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize) -> status
    int configStoreGet(int store, byte[] key, byte[] buf, int len, int[] nwrittenOut);
}
