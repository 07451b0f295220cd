package io.github.computejava.abi;

/**
 * The {@code fastly_dictionary} hostcalls, with the conventions of {@link Hostcalls}: the older name of {@link
 * FastlyConfigStore}, over the same stores.
 */
public interface FastlyDictionary {
    // open(name: string) -> (status, dictionary_handle)
    int open(byte[] name, int[] dictionaryOut);

    // get(h: dictionary_handle, key: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize)
    //   -> status
    int get(int dictionary, byte[] key, byte[] buf, int len, int[] nwrittenOut);
}
