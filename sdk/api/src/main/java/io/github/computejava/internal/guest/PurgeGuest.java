package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyPurge;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_purge} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class PurgeGuest {
    private PurgeGuest() {}

    /**
     * The {@code fastly_purge} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyPurge {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // purge_surrogate_key(surrogate_key: string, options_mask: purge_options_mask, options: ptr purge_options
        //   {ret_buf_ptr, ret_buf_len, ret_buf_nwritten_out}) -> status
        @Import(module = "fastly_purge", name = "purge_surrogate_key")
        private static native int purgeSurrogateKeyImport(Address key, int keyLen, int mask, Address options);

        @Override
        public int purgeSurrogateKey(
                byte[] surrogateKey, int optionsMask, byte[] retBuf, int retBufLen, int[] nwrittenOut) {
            // purge_options has u32 fields only: an int[] will do
            int[] record = new int[PURGE_OPTIONS_SIZE / 4];
            if (retBuf != null) {
                record[PURGE_OPTIONS_OFF_RET_BUF / 4] = Address.ofData(retBuf).toInt();
                record[PURGE_OPTIONS_OFF_RET_BUF_LEN / 4] = retBufLen;
            }
            if (nwrittenOut != null) {
                record[PURGE_OPTIONS_OFF_RET_BUF_NWRITTEN_OUT / 4] =
                        Address.ofData(nwrittenOut).toInt();
            }
            return purgeSurrogateKeyImport(
                    Address.ofData(surrogateKey), surrogateKey.length, optionsMask, Address.ofData(record));
        }
    }
}
