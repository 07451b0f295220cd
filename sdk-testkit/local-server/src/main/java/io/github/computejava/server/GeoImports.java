package io.github.computejava.server;

import static io.github.computejava.server.Hostcall.i32;

import io.github.computejava.abi.FastlyStatus;
import io.github.computejava.host.GeoHostcalls;

/** {@code fastly_geo}: geolocation JSON for an address (loopback addresses get Fastly's default data). */
final class GeoImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        // lookup(addr_octets: const_pointer char8, addr_len, buf, buf_len, nwritten_out) -> status
        r.add("fastly_geo", "lookup", (g, a) -> {
            int len = i32(a, 1);
            if (len != 4 && len != 16) {
                return FastlyStatus.INVAL;
            }
            byte[] octets = g.memory().bytes(i32(a, 0), len);
            GeoHostcalls geo = new GeoHostcalls(g.engine().geolocation());
            return g.out(i32(a, 2), i32(a, 3), i32(a, 4), (buf, max, n) -> geo.lookup(octets, len, buf, max, n));
        });
    }
}
