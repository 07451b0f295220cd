package io.github.computejava.internal.guest;

import io.github.computejava.abi.FastlyGeo;
import io.github.computejava.abi.Hostcalls;
import io.github.computejava.internal.AdaptiveBuffer;
import io.github.computejava.internal.Host;
import io.github.computejava.internal.Text;
import org.teavm.interop.Address;
import org.teavm.interop.Import;
import org.teavm.interop.StaticInit;

/**
 * The {@code fastly_geo} module as the SDK's public API uses it: {@link Wasm}, its imports inside {@code
 * main.wasm}, and {@link #lookup}, the typed call over them.
 */
public final class GeoGuest {
    private static final int JSON_BUFFER = 1024;

    /** The hostcall a failed lookup names. */
    public static final String LOOKUP = "fastly_geo.lookup";

    private GeoGuest() {}

    /**
     * The geolocation the host holds for an address, as its JSON text.
     *
     * @param octets 4 (IPv4) or 16 (IPv6) octets in network order
     * @return the JSON object's text, or null when the host has nothing for the address ({@code none})
     * @throws io.github.computejava.HostcallException if the host fails the lookup
     */
    public static String lookup(byte[] octets) {
        Hostcalls calls = Host.calls();
        byte[] json = AdaptiveBuffer.get(
                (buf, len, nw) -> calls.geo().lookup(octets, octets.length, buf, len, nw), JSON_BUFFER, LOOKUP);
        return json == null ? null : Text.utf8(json, 0, json.length);
    }

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
