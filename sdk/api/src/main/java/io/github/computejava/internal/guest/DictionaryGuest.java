package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyDictionary;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_dictionary} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class DictionaryGuest {
    private DictionaryGuest() {}

    /**
     * The {@code fastly_dictionary} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyDictionary {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // open(name: string) -> (status, dictionary_handle)
        @Import(module = "fastly_dictionary", name = "open")
        private static native int openImport(Address name, int nameLen, Address dictionaryOut);

        @Override
        public int open(byte[] name, int[] dictionaryOut) {
            return openImport(Address.ofData(name), name.length, Address.ofData(dictionaryOut));
        }

        // get(h: dictionary_handle, key: string, value: ptr char8, value_max_len: usize, nwritten_out: ptr usize)
        //   -> status
        @Import(module = "fastly_dictionary", name = "get")
        private static native int getImport(
                int dictionary, Address key, int keyLen, Address buf, int len, Address nwrittenOut);

        @Override
        public int get(int dictionary, byte[] key, byte[] buf, int len, int[] nwrittenOut) {
            return getImport(
                    dictionary, Address.ofData(key), key.length, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }
    }
}
