package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyPurge;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Statuses;
import io.github.computejava.internal.Text;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_purge} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and {@link #purgeSurrogateKey}, the typed call over them.
 */
public final class PurgeGuest {
    private PurgeGuest() {}

    /**
     * Purges every cached object carrying a surrogate key (no JSON answer asked for).
     *
     * @param surrogateKey the key, already checked, sent as Latin-1
     * @param soft whether to mark the objects stale rather than remove them
     * @throws io.github.computejava.HostcallException if the host fails the purge
     */
    public static void purgeSurrogateKey(String surrogateKey, boolean soft) {
        Statuses.check(
                Host.calls()
                        .purge()
                        .purgeSurrogateKey(Text.latin1(surrogateKey), soft ? FastlyPurge.SOFT_PURGE : 0, null, 0, null),
                "fastly_purge.purge_surrogate_key");
    }

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
