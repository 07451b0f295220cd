package io.github.computejava.abi;

/** The {@code fastly_secret_store} hostcalls, with the conventions of {@link Hostcalls}. */
public interface FastlySecretStore {
    // open(name: string) -> (status, secret_store_handle)
    int secretStoreOpen(byte[] name, int[] storeOut);

    // get(store, key: string) -> (status, secret_handle)
    int secretStoreGet(int store, byte[] key, int[] secretOut);

    // plaintext(secret, buf: ptr char8, buf_len: usize, nwritten_out: ptr usize) -> status
    int secretStorePlaintext(int secret, byte[] buf, int len, int[] nwrittenOut);

    // from_bytes(buf: ptr char8, buf_len: usize) -> (status, secret_handle)
    int secretStoreFromBytes(byte[] bytes, int[] secretOut);
}
