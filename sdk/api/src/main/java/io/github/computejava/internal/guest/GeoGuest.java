package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyGeo;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_geo} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and (as the typed layer grows) the typed calls over them.
 */
public final class GeoGuest {
    private GeoGuest() {}

    /**
     * The {@code fastly_geo} hostcalls inside {@code main.wasm}: one binding per function, which passes its arrays' data
     * addresses to the import. An array's address is taken in the call itself, so no allocation can move it in between.
     */
    @StaticInit
    public static final class Wasm implements FastlyGeo {
        /** The one instance; the imports are static. */
        public static final Wasm INSTANCE = new Wasm();

        private Wasm() {}

        // lookup(addr_octets: const_pointer char8, addr_len: usize, buf: ptr char8, buf_len: usize,
        //   nwritten_out: ptr usize) -> status; the answer is a JSON object
        @Import(module = "fastly_geo", name = "lookup")
        private static native int lookupImport(
                Address addrOctets, int addrLen, Address buf, int len, Address nwrittenOut);

        @Override
        public int lookup(byte[] addrOctets, int addrLen, byte[] buf, int len, int[] nwrittenOut) {
            return lookupImport(
                    Address.ofData(addrOctets), addrLen, Address.ofData(buf), len, Address.ofData(nwrittenOut));
        }
    }
}
